/**
 * Margin's `search()` split by stage, timed from outside with the stage functions of main/search, for the
 * documents the app asks for first (GROUP_STEPS[0]):
 * parse (`parseQuery`), index (`queryCompact` with the query's clauses, then the first page of matches in
 * reading order with their matched terms), passages (reading and ranking the passages of those
 * documents, `rankPassages`, snippets included; a document found by its title or author alone shows its
 * record's opening passage, unread, as `search()` does) and snippets (`makeSnippet` alone on each shown
 * passage, with the tokens and marks `rankPassages` would give it). `search()` is timed whole as well: what it
 * does beyond these stages (phrase checks that read texts) is the difference.
 */
import type { BenchQuery, QueryKind } from './bench-queries';
import { QUERY_KINDS, marginQueryText } from './bench-queries';
import { summarise, type LatencySummary } from './stats';
import { findPhrase, analyseText } from '../main/search/index/text-analysis';
import { queryCompact } from '../main/search/query/compact-query';
import { addClauses, parseQuery } from '../main/search/query/query-language';
import { openingHit, rankPassages, type PassageQuery } from '../main/search/ranking/passage-ranking';
import { makeSnippet } from '../main/search/ranking/snippet';
import {
  DEFAULT_PASSAGES,
  openingShown,
  runSearchOver,
  type SearchStage,
} from '../main/search/service/search-engine';
import { GROUP_STEPS } from '../main/shared/search-steps';

/** The documents a search shows first: what the renderer asks for while the reader types. */
export const SHOWN_DOCUMENTS = GROUP_STEPS[0];

/** `again`: the same `search()` once more with its documents kept, as when the next key shows them again. */
export const STAGES = ['parse', 'index', 'passages', 'snippets', 'search', 'again'] as const;
export type StageName = (typeof STAGES)[number];
export type StageReport = Record<StageName, LatencySummary>;

/**
 * One query over the body shards, stage by stage, then whole. The passage cache (one, shared by the shards) is emptied before each, so that both read
 * the documents from disk as a new query mostly does (the cache keeps only the latest 256 documents).
 */
function timeOne(shards: readonly SearchStage[], text: string): Record<StageName, number> {
  shards[0]?.passages.close();
  const t0 = performance.now();
  const parsed = parseQuery(text);
  const t1 = performance.now();
  if (!parsed.ok) return { parse: t1 - t0, index: 0, passages: 0, snippets: 0, search: 0, again: 0 };
  // Each body shard's first page, merged as runSearchOver merges them (coverage, then score).
  type Entry = { stage: SearchStage; ref: number; score: number; coverage: number };
  const entries: Array<Entry & { bodyTerms: Set<string>; sectionTerms: Set<string> }> = [];
  for (const stage of shards) {
    const { compact } = stage;
    const outcome = queryCompact(compact, (q) => addClauses(q, parsed.query, compact.fields));
    let taken = 0;
    for (const { ref, score, coverage } of outcome.ranked('coverage')) {
      if (taken++ >= SHOWN_DOCUMENTS) break;
      const bodyTerms = new Set<string>();
      const sectionTerms = new Set<string>();
      for (const { term, field } of outcome.matchedTerms(ref)) {
        if (field === 'body') bodyTerms.add(term);
        if (field === 'section') sectionTerms.add(term);
      }
      entries.push({ stage, ref, score, coverage, bodyTerms, sectionTerms });
    }
  }
  entries.sort((a, b) => b.coverage - a.coverage || b.score - a.score);
  const page = entries.slice(0, SHOWN_DOCUMENTS);
  const t2 = performance.now();
  const phrases = parsed.query.phrases
    .filter((p) => p.presence === 'required' && p.field === null)
    .map((p) => p.words);
  const shown: Array<{ text: string; bodyTerms: Set<string> }> = [];
  for (const { stage, ref, bodyTerms, sectionTerms } of page) {
    const { compact, documents } = stage;
    const weight = (term: string) => Math.log(1 + compact.refCount / (1 + compact.postingCount(term)));
    const record = documents.get(ref);
    if (record === null) continue;
    const query: PassageQuery = { bodyTerms, sectionTerms, phrases, weight };
    // Found by its title or author alone: its record's opening passage is shown, as `search()` does.
    const opening = openingShown(record, query);
    if (opening !== undefined) {
      openingHit(record, opening);
      continue;
    }
    const passages = stage.passages.read(record);
    for (const hit of rankPassages(record, passages, query, DEFAULT_PASSAGES)) {
      const passage = passages.find((p) => p.blockId === hit.blockId);
      if (passage) shown.push({ text: passage.text, bodyTerms });
    }
  }
  const t3 = performance.now();
  // The inputs are made outside the clock: only the window choice and the parts are timed.
  let snippets = 0;
  for (const { text: passageText, bodyTerms } of shown) {
    const tokens = analyseText(passageText);
    const marked = tokens.map((token) => token.term !== null && bodyTerms.has(token.term));
    for (const phrase of phrases)
      for (const [from, to] of findPhrase(passageText, phrase))
        tokens.forEach((token, i) => {
          if (token.start < to && token.end > from) marked[i] = true;
        });
    const start = performance.now();
    makeSnippet(passageText, tokens, marked);
    snippets += performance.now() - start;
  }
  shards[0]?.passages.close();
  const t4 = performance.now();
  runSearchOver(shards, text, { limit: SHOWN_DOCUMENTS });
  const search = performance.now() - t4;
  const t5 = performance.now();
  runSearchOver(shards, text, { limit: SHOWN_DOCUMENTS });
  const again = performance.now() - t5;
  return { parse: t1 - t0, index: t2 - t1, passages: t3 - t2, snippets, search, again };
}

/** Per query kind, each stage's latency over the measured queries (after the warm-up set). */
export function timeStages(
  shards: readonly SearchStage[],
  warmup: readonly BenchQuery[],
  measured: readonly BenchQuery[],
): Record<QueryKind, StageReport> {
  for (const query of warmup) timeOne(shards, marginQueryText(query));
  const times = new Map<QueryKind, Record<StageName, number>[]>();
  for (const query of measured) {
    const list = times.get(query.kind) ?? times.set(query.kind, []).get(query.kind)!;
    list.push(timeOne(shards, marginQueryText(query)));
  }
  const report = {} as Record<QueryKind, StageReport>;
  for (const kind of QUERY_KINDS) {
    const runs = times.get(kind) ?? [];
    report[kind] = Object.fromEntries(
      STAGES.map((name) => [name, summarise(runs.map((run) => run[name]))]),
    ) as StageReport;
  }
  return report;
}
