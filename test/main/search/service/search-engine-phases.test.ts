import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document, DocumentHit, SearchOptions, SearchResults } from '../../../../main/api';
import { errorDetail } from '../../../../main/errors';
import { phraseBits } from '../../../../main/search/index/phrase-filter';
import { PassageStore, type DocumentRecord, type Passage } from '../../../../main/search/index/search-files';
import { containsPhrase } from '../../../../main/search/index/text-analysis';
import { queryCompact } from '../../../../main/search/query/compact-query';
import {
  addClauses,
  parseQuery,
  type ParsedQuery,
  type QueryPhrase,
} from '../../../../main/search/query/query-language';
import { rankPassages } from '../../../../main/search/ranking/passage-ranking';
import {
  DEFAULT_LIMIT,
  DEFAULT_PASSAGES,
  PHRASE_READ_LIMIT,
  runSearchOver,
  SEARCH_OPTION_RANGES,
  type SearchStage,
} from '../../../../main/search/service/search-engine';
import { loadSearchStages } from '../../../../main/search/service/search-loading';
import { BodyWithYours } from '../../../../main/search/service/user-search-index';
import { writeTestBundle } from '../fixture-bundle';
import { syntheticCorpus } from '../synthetic-corpus';

/**
 * The search as it was before it read passages only for the groups it returns: every stage ranked the
 * passages of its own top `limit`, then the stages merged. Kept here, built from the exported pieces,
 * as the reference the two-phase search must agree with answer for answer.
 */
function referenceSearch(
  stages: readonly SearchStage[],
  query: string,
  options: SearchOptions,
): SearchResults {
  const parsed = parseQuery(query);
  if (!parsed.ok) return { status: 'invalid', query, message: parsed.message };
  const clamp = (value: number | undefined, { min, max }: { min: number; max: number }, fallback: number) =>
    value === undefined || !Number.isFinite(value)
      ? fallback
      : Math.min(max, Math.max(min, Math.floor(value)));
  const limit = clamp(options.limit, SEARCH_OPTION_RANGES.limit, DEFAULT_LIMIT);
  const perDocument = clamp(
    options.passagesPerDocument,
    SEARCH_OPTION_RANGES.passagesPerDocument,
    DEFAULT_PASSAGES,
  );
  try {
    const ranked: Array<{ hit: DocumentHit; coverage: number; order: number }> = [];
    let total = 0;
    for (const stage of stages) {
      const groups: DocumentHit[] = [];
      const coverages: number[] = [];
      total += referenceCollect(stage, parsed.query, limit, perDocument, groups, coverages);
      groups.forEach((hit, i) => ranked.push({ hit, coverage: coverages[i], order: ranked.length }));
    }
    if (stages.length > 1) {
      ranked.sort((a, b) => b.coverage - a.coverage || b.hit.score - a.hit.score || a.order - b.order);
    }
    const groups = ranked.slice(0, limit).map((entry) => entry.hit);
    const complete = stages.every((stage) => stage.complete);
    return { status: 'ok', query, total, groups, annotations: [], complete, tookMs: 0 };
  } catch (error) {
    return { status: 'invalid', query, message: `This search could not be run: ${errorDetail(error)}` };
  }
}

class ReadLimitReached extends Error {}

function referenceCollect(
  stage: SearchStage,
  query: ParsedQuery,
  limit: number,
  perDocument: number,
  groups: DocumentHit[],
  coverages: number[],
): number {
  const { compact, documents } = stage;
  const outcome = queryCompact(compact, (lunrQuery) => addClauses(lunrQuery, query, compact.fields));
  const recordOf = (ref: number): DocumentRecord => {
    const record = documents.get(ref);
    if (record === null) throw new Error(`no record for document ${ref}`);
    return record;
  };
  const passagesOf = (ref: number): Passage[] => stage.passages.read(recordOf(ref));
  const phrases = query.phrases;
  const bodyPhrases = phrases.filter((p) => p.presence === 'required' && p.field === null);
  const weight = (term: string) => Math.log(1 + compact.refCount / (1 + compact.postingCount(term)));
  let total = 0;
  let reads = 0;
  const required = phrases.filter((p) => p.presence === 'required').map((p) => phraseBits(p.words));
  const bitsByPhrase = new Map<readonly string[], number[]>(
    phrases.map((phrase) => [phrase.words, phraseBits(phrase.words)]),
  );
  const hidden = stage.hiddenRefs;
  const candidates =
    required.length === 0 && hidden === undefined
      ? outcome.ranked('coverage')
      : outcome.rankedWhere(
          (ref) => !hidden?.has(ref) && required.every((bits) => stage.phraseFilter.mayHold(bits)(ref)),
          'coverage',
        );
  for (const { ref, score, coverage } of candidates) {
    const record = recordOf(ref);
    if (phrases.length > 0) {
      let passages: Passage[] | undefined;
      const inText = (words: readonly string[]) => {
        if (!stage.phraseFilter.mayHold(bitsByPhrase.get(words) ?? [])(ref)) return false;
        if (passages === undefined && reads++ >= PHRASE_READ_LIMIT) throw new ReadLimitReached();
        passages ??= passagesOf(ref);
        return passages.some((passage) => containsPhrase(passage.text, words));
      };
      try {
        if (!phrases.every((phrase) => referencePhraseAllows(phrase, record, inText))) continue;
      } catch (error) {
        if (error instanceof ReadLimitReached) break;
        throw error;
      }
    }
    total++;
    if (groups.length >= limit) {
      if (phrases.length === 0 && hidden === undefined) return outcome.count;
      continue;
    }
    const bodyTerms = new Set<string>();
    const sectionTerms = new Set<string>();
    for (const { term, field } of outcome.matchedTerms(ref)) {
      if (field === 'body') bodyTerms.add(term);
      if (field === 'section') sectionTerms.add(term);
    }
    const passageQuery = { bodyTerms, sectionTerms, phrases: bodyPhrases.map((p) => p.words), weight };
    coverages.push(coverage);
    groups.push({
      docId: record.id,
      title: record.title,
      authors: record.authors,
      published: record.published,
      score: Math.round(score * 1000) / 1000,
      passages: rankPassages(record, passagesOf(ref), passageQuery, perDocument),
    });
  }
  return total;
}

function referencePhraseAllows(
  phrase: QueryPhrase,
  record: DocumentRecord,
  inText: (words: readonly string[]) => boolean,
): boolean {
  const words = phrase.words;
  const inTitle = () => containsPhrase(record.title, words);
  const inAuthor = () => record.authors.some((author) => containsPhrase(author, words));
  const inSection = () =>
    record.sections.some(([, heading]) => heading !== null && containsPhrase(heading, words));
  const found =
    phrase.field === 'title'
      ? inTitle()
      : phrase.field === 'author'
        ? inAuthor()
        : phrase.field === 'section'
          ? inSection()
          : inTitle() || inAuthor() || inSection() || inText(words);
  return phrase.presence === 'required' ? found : !found;
}

/** A passage store that counts the documents asked of it (cached or not: an upper bound on disk reads). */
class CountingPassageStore extends PassageStore {
  reads = 0;

  override read(record: DocumentRecord): Passage[] {
    this.reads++;
    return super.read(record);
  }
}

/** Options of the single-stage comparisons: a page smaller than most answers. */
const SINGLE_STAGE_OPTIONS: SearchOptions = { limit: 5 };
const BUNDLED = 90;
const YOURS = 60;
let dir: string;
let body: BodyWithYours;
/** The bundled stage, your main stage (with hidden documents) and your recent one, counting reads. */
let stages: SearchStage[];
let queries: string[];

const stores = () => [...new Set(stages.map((stage) => stage.passages as CountingPassageStore))];
const withoutTiming = (results: SearchResults) =>
  results.status === 'ok' ? { ...results, tookMs: 0 } : results;
const ids = (results: SearchResults) => (results.status === 'ok' ? results.groups.map((g) => g.docId) : []);

function readsOf(search: () => SearchResults): { results: SearchResults; reads: number } {
  for (const store of stores()) store.reads = 0;
  const results = search();
  return { results, reads: stores().reduce((sum, store) => sum + store.reads, 0) };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'margin-search-phases-'));
  const { documents, vocabulary } = syntheticCorpus(BUNDLED + YOURS, 23);
  const bundleDir = join(dir, 'bundle');
  await writeTestBundle(documents.slice(0, BUNDLED), bundleDir);
  const libraryDir = join(dir, 'library');
  mkdirSync(join(libraryDir, 'docs'), { recursive: true });
  const yours: Document[] = documents.slice(BUNDLED).map((doc, i) => ({ ...doc, id: `yours-${i}` }));
  for (const doc of yours) writeFileSync(join(libraryDir, 'docs', `${doc.id}.json`), JSON.stringify(doc));
  const live = yours.map((doc) => doc.id);
  body = new BodyWithYours(loadSearchStages(bundleDir, 'body'), bundleDir, { dir: libraryDir, live });
  body.yours?.stages();
  // One removed and one replaced (same text) document: hidden in the main stage, the replaced one shown
  // from the recent stage, so that a search runs over three stages, one with hidden documents.
  body.update(
    live.filter((id) => id !== yours[4].id),
    [yours[6].id],
  );
  const yourStages = body.yours?.stages() ?? [];
  expect(yourStages.map((stage) => stage.hiddenRefs?.size ?? 0)).toEqual([2, 0]);
  // The bundle's shards share one passage store, as loadSearchStages gives them.
  const bundledStore = new CountingPassageStore(bundleDir);
  stages = [
    ...body.body.map((shard) => ({ ...shard, passages: bundledStore })),
    ...yourStages.map((stage) => ({ ...stage, passages: new CountingPassageStore(libraryDir) })),
  ];

  const words = vocabulary.filter((word) => word.length >= 5);
  const record = body.body[0].documents.get(7);
  if (record === null) throw new Error('the bundle has no document 7');
  const heading = record.sections.find(([, text]) => text !== null)?.[1] ?? '';
  const firstParagraph = (doc: Document) => {
    const block = doc.sections[0].blocks[0];
    return block.type === 'paragraph'
      ? block.runs.map((run) => ('text' in run ? run.text : '')).join('')
      : '';
  };
  const lead = (doc: Document) => firstParagraph(doc).split(/\W+/).slice(2, 4).join(' ');
  queries = [
    'security',
    words[3],
    words[700],
    words[1500],
    `+security +${words[5]}`,
    `+${words[2]} +${words[9]} +${words[20]}`,
    `${words[2]} ${words[300]}`,
    `${words[600]} ${words[900]} ${words[1200]}`,
    `${words[5].slice(0, 4)}*`,
    `${words[40].slice(0, 3)}*`,
    `${words[9].slice(0, -1)}~1`,
    `${words[60]}~2`,
    `title:${record.title.split(' ')[1]}`,
    `author:${record.authors[0].split(' ')[0]}`,
    `section:${heading.split(' ')[0].toLowerCase()}`,
    `"security attacks"`,
    `"${lead(documents[12])}"`,
    `"${lead(yours[3])}"`,
    `"${lead(yours[6])}" security`,
    `title:"${record.title.split(' ').slice(0, 2).join(' ')}"`,
    `security -${words[3]}`,
    `${words[3]} -"security attacks"`,
    `+"security attacks" -${words[5]}`,
    'zzzqqq',
    '"unclosed',
  ];
});

afterAll(() => {
  body?.close();
  for (const stage of stages ?? []) stage.passages.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runSearchOver (candidates from every stage first, passages only for the groups shown)', () => {
  it('answers every kind of query exactly as the search that ranked every stage’s passages', () => {
    let mixed = 0;
    for (const options of [{}, SINGLE_STAGE_OPTIONS, { limit: 1, passagesPerDocument: 6 }, { limit: 100 }]) {
      for (const query of queries) {
        const expected = referenceSearch(stages, query, options);
        expect(
          withoutTiming(runSearchOver(stages, query, options)),
          `${query} ${JSON.stringify(options)}`,
        ).toEqual(expected);
        const shown = ids(expected);
        if (shown.some((id) => id.startsWith('yours-')) && shown.some((id) => !id.startsWith('yours-')))
          mixed++;
        // One stage alone answers as before too (no merge); once per query is enough for that.
        if (options === SINGLE_STAGE_OPTIONS)
          for (const stage of stages)
            expect(withoutTiming(runSearchOver([stage], query, options)), query).toEqual(
              referenceSearch([stage], query, options),
            );
      }
    }
    // The queries do merge bundled documents and yours into one list, not one stage's answers alone.
    expect(mixed).toBeGreaterThan(20);
  }, 90_000);

  it('reads the texts of at most `limit` documents for a query without phrases, where each stage read its own', () => {
    let byRecordOnly = 0;
    for (const limit of [1, 5, 20]) {
      for (const query of queries.filter((text) => !text.includes('"'))) {
        const now = readsOf(() => runSearchOver(stages, query, { limit }));
        const before = readsOf(() => referenceSearch(stages, query, { limit }));
        // A document matched by its title or author alone shows its opening passage from its record.
        const groups = now.results.status === 'ok' ? now.results.groups : [];
        const textMatched = groups.filter((group) => group.passages.some((hit) => hit.terms.length > 0));
        expect(now.reads, query).toBe(textMatched.length);
        if (groups.length > 0 && textMatched.length === 0) byRecordOnly++;
        expect(now.reads, query).toBeLessThanOrEqual(limit);
        expect(before.reads, query).toBeGreaterThanOrEqual(now.reads);
      }
    }
    // `title:` queries show their documents' opening passages without reading a single text.
    expect(byRecordOnly).toBeGreaterThan(3);
    // A common word fills each stage's page: now one page is read; before, one per stage (5 bundled,
    // 5 of your main stage, the 1 document of your recent stage).
    expect(readsOf(() => runSearchOver(stages, 'security', { limit: 5 })).reads).toBe(5);
    expect(readsOf(() => referenceSearch(stages, 'security', { limit: 5 })).reads).toBe(11);
  });

  it('still reads no more texts to verify a phrase than PHRASE_READ_LIMIT a stage, and counts as before', () => {
    const { results, reads } = readsOf(() => runSearchOver(stages, '"security attacks"', { limit: 5 }));
    // Verification reads (within the limit per stage) plus the shown page, which the cache holds already.
    expect(reads).toBeLessThanOrEqual(PHRASE_READ_LIMIT * stages.length + 5);
    expect(withoutTiming(results)).toEqual(referenceSearch(stages, '"security attacks"', { limit: 5 }));
    expect(results.status === 'ok' && results.total).toBeGreaterThan(5);
  });
});
