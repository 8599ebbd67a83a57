/**
 * RESULTS.md sections for what issue #11 added to the bench: the corpus's calibration against real prose,
 * Margin's `search()` by stage, its index stage against FlexSearch, and the ranking quality of every engine.
 */
import { GROUP_STEPS } from '../main/shared/search-steps';
import { QUERY_KINDS, type QueryKind } from './bench-queries';
import type { BenchResults } from './bench-results';
import { GENERATOR_VERSION } from './corpus';
import { FLEXSEARCH_LIMIT, FLEXSEARCH_QUERIES } from './engines/flexsearch-baseline';
import { ms, ratio } from './format';
import { QUALITY_QUERIES_PER_LENGTH, RANKED_ENGINES, type RankedEngine } from './stages-and-ranking-bench';
import type { SizeResult } from './search-bench';
import type { TextFigures } from './text-statistics';

const ENGINE_NAMES: Record<RankedEngine, string> = {
  margin: 'Margin',
  lunr: 'plain Lunr',
  minisearch: 'MiniSearch',
  flexsearch: 'FlexSearch',
};

/** Tolerances the calibration test (test/bench/text-statistics.test.ts) holds the generator to. */
const BETA_TOLERANCE = 0.05;
const ZIPF_TOLERANCE = 0.08;

function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

export function corpusSection(results: BenchResults): string[] {
  const figures = results.corpusFigures;
  const lines = ['## Corpus: calibrated against real prose', ''];
  if (!figures) {
    lines.push('Not measured in this run (`../shared/corpora/html` was not beside the checkout).', '');
    return lines;
  }
  const { real, generated } = figures;
  const row = (label: string, pick: (f: TextFigures) => string) =>
    lines.push(`| ${label} | ${pick(real)} | ${pick(generated)} |`);
  lines.push(
    `Fitted on ${real.tokens.toLocaleString('en')} words of ${figures.realSource}, read in order, beside the first ` +
      `${generated.tokens.toLocaleString('en')} words of the generated corpus (generator version ${GENERATOR_VERSION}; ` +
      'articles as a reader reads them: title, intro, caption, headings, paragraphs). ' +
      "Heaps' law V = K·N^β is fitted by least squares on log V against log N at points 1.25× apart from 100 words on; " +
      "Zipf's exponent s on log frequency against log rank over the 1,000 most frequent words. " +
      'A name is a capitalised word that does not open a sentence; a number is a token with a digit.',
    '',
    '| figure | real prose | generated corpus |',
    '|---|---:|---:|',
  );
  row('distinct words V at N words', (f) => f.vocabulary.toLocaleString('en'));
  row("Heaps' K", (f) => f.heapsK.toFixed(2));
  row("Heaps' β", (f) => f.heapsBeta.toFixed(3));
  row("Zipf's s", (f) => f.zipfS.toFixed(3));
  row('share of names', (f) => percent(f.nameShare));
  row('share of numbers', (f) => percent(f.numberShare));
  lines.push(
    '',
    `The test holds the generator within ±${BETA_TOLERANCE} of the real β and ±${ZIPF_TOLERANCE} of the real s. ` +
      'The generator draws words from a Zipf–Mandelbrot law over its English vocabulary followed by 300,000 generated ' +
      "rare words, names from a second Zipf law over 200,000 generated names (plus each article's own cast), and " +
      "years, counts, decimals and sums as numbers, so its vocabulary keeps growing with the corpus as an archive's does.",
    '',
  );
  return lines;
}

export function olderCorpusNote(result: SizeResult): string[] {
  return result.corpus.generatorVersion === GENERATOR_VERSION
    ? []
    : [
        `> Measured on the corpus of generator version ${result.corpus.generatorVersion}, before its calibration ` +
          `against real prose (now version ${GENERATOR_VERSION}): not comparable with the sizes re-measured since.`,
        '',
      ];
}

export function stagesSection(result: SizeResult): string[] {
  const { stages, queries } = result;
  if (!stages) return [];
  const lines = ['### `search()` by stage (ms, p50 / p95), and the index stage against FlexSearch', ''];
  lines.push(
    '| kind | parse | index | passages (snippets included) | snippets | beyond the index p95 (goal ≤ 1 ms) | `search()` whole | `search()` again, documents kept | FlexSearch p95 | p95 index stage / FlexSearch |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  const pair = (s: { p50: number; p95: number }) => `${ms(s.p50)} / ${ms(s.p95)}`;
  for (const kind of QUERY_KINDS) {
    const s = stages[kind];
    const flex = queries.flexsearch?.[kind];
    const supported = flex !== undefined && flex.refused < flex.count;
    lines.push(
      `| ${kind} | ${pair(s.parse)} | ${pair(s.index)} | ${pair(s.passages)} | ${pair(s.snippets)} | ${ms(s.passages.p95)} ${s.passages.p95 <= 1 ? '✅' : '❌'} | ${pair(s.search)} | ${s.again ? pair(s.again) : '—'} | ` +
        `${supported ? ms(flex.p95) : 'not supported'} | ${supported ? ratio(s.index.p95, flex.p95) : '—'} |`,
    );
  }
  lines.push(
    '',
    'Timed in one process on the loaded full-text stage, calling the stage functions of `main/search` in the order ' +
      '`runSearch` does, for the documents the search list asks for first (GROUP_STEPS[0], ' +
      `${GROUP_STEPS[0]}): parse = \`parseQuery\`; index = \`queryCompact\` with the clauses, then the first ${GROUP_STEPS[0]} matches in ` +
      `reading order with their matched terms; passages = reading those documents' passages and \`rankPassages\` (which ` +
      'builds the snippets), or, for a document found by its title or author alone, the opening passage its ' +
      'record holds (no text read, as `search()` does); snippets = `makeSnippet` alone on each shown passage, with the tokens and marks ' +
      '`rankPassages` gives it (made outside the clock). The passage cache is emptied before each query, so passages ' +
      'include reading the documents from disk, as a new query mostly does; `search()` whole is timed the same way ' +
      '(its phrase checks read texts beyond the stages shown); "again" is the same `search()` once more at once, its documents ' +
      'still kept with their passages split into words, as when the reader types on and the next key shows the same documents ' +
      '(older results have no such column). FlexSearch answers from memory with refs only, ' +
      `at most ${FLEXSEARCH_LIMIT} per query; the ratio is how far Margin's index stage is from it.`,
    '',
  );
  return lines;
}

export function qualitySection(result: SizeResult): string[] {
  const quality = result.quality;
  if (!quality || Object.keys(quality).length === 0) return [];
  const lines = ['### Ranking a reader expects', ''];
  lines.push(
    '| engine | 2 words: top 10 with every word | … within one sentence | 3 words: top 10 with every word | … within one sentence | documents judged (2 / 3 words) |',
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const engine of RANKED_ENGINES) {
    const q = quality[engine];
    if (!q) continue;
    lines.push(
      `| ${ENGINE_NAMES[engine]} | ${percent(q.twoWords.allWords)} | ${percent(q.twoWords.oneSentence)} | ` +
        `${percent(q.threeWords.allWords)} | ${percent(q.threeWords.oneSentence)} | ${q.twoWords.documents} / ${q.threeWords.documents} |`,
    );
  }
  const best = Object.values(quality)[0];
  if (best?.twoWords.attainable !== undefined && best.threeWords.attainable !== undefined) {
    lines.push(
      `| best attainable (every word) | ${percent(best.twoWords.attainable)} | | ${percent(best.threeWords.attainable)} | | |`,
    );
  }
  lines.push(
    '',
    `${QUALITY_QUERIES_PER_LENGTH} plain queries of two words and ${QUALITY_QUERIES_PER_LENGTH} of three, each taking its words ` +
      'from one sentence of a corpus article (no stop words, distinct stems), given to every engine as plain words ' +
      '(Margin: `a b`; Lunr: `a b`; MiniSearch: defaults, any word; FlexSearch: fields merged, `suggest: true` so that ' +
      "documents with some of the words come back too). A document holds a word in any form Margin's index matches " +
      '(its stem, a possessive), for every engine alike; "within one sentence" means one sentence (or title, heading, ' +
      'author line) holds them all. Shares are of the documents each engine returned in its top 10. "Best attainable" is ' +
      'the share a perfect ranking would reach: per query, the documents holding every word (at most 10) over those ' +
      'holding any (at most 10); words of one sentence are often rare, so few documents hold them all.',
    '',
  );
  return lines;
}

/** FlexSearch's query for each kind and its limits, once per report. */
export function flexSearchNote(): string {
  const kinds = (Object.entries(FLEXSEARCH_QUERIES) as Array<[QueryKind, string]>)
    .map(([kind, how]) => `${kind}: ${how}`)
    .join('; ');
  return (
    'FlexSearch 0.8 is a Document index over the same four fields with its default options (whole-word tokens, ' +
    `default Latin encoder, no stemmer), exported part by part into one JSON file and imported back. Its limits: it returns at most the ${FLEXSEARCH_LIMIT} ` +
    'results asked for and no total (its "mean hits" are capped), ranks by where a word stands in a field rather than by ' +
    'relevance over the corpus, needs every word of a multi-word query in one field, and has no phrase, no prefix (with the ' +
    `default tokenizer) and no edit-distance search. Per kind: ${kinds}.`
  );
}
