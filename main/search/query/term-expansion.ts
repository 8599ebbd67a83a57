/**
 * What a query term stands for in an index: its pipeline terms and the index terms they expand to
 * (Lunr's token-set intersection, read off the sorted terms), in one index or over every body shard.
 */
import lunr from 'lunr';
import type { CompactIndex, ShardGroup } from '../index/compact-index';
import { cappedExpansion, isGuarded } from './expansion-guard';
import { WORD_START_KEY } from './prefix-expansion';
import { expandClause, inLunrOrder } from './sorted-expansion';

/** A query word through the index's search pipeline (Lunr's Pipeline#runString). */
export function runString(pipeline: lunr.Pipeline, term: string, fields: string[]): string[] {
  return (pipeline as unknown as { runString(term: string, metadata: object): string[] }).runString(term, {
    fields,
  });
}

/**
 * The index terms a clause's term stands for: Lunr's token-set intersection, read off the sorted term
 * list (sorted-expansion.ts) instead of the term automaton, and capped as the guard caps it.
 */
export function expansionsOf(compact: CompactIndex, clause: lunr.Query.Clause, term: string): string[] {
  const wordStart = (clause as unknown as Record<string, unknown>)[WORD_START_KEY] === true;
  // A term with no wildcard, edit distance or word-start prefix expands to itself if the index has it.
  if (!wordStart && !clause.editDistance && !term.includes('*'))
    return compact.termIndexOf(term) >= 0 ? [term] : [];
  // Lunr reads "fuzzy" from the key's presence, whatever its value.
  const editDistance = 'editDistance' in clause ? clause.editDistance : undefined;
  const key = `${isGuarded(compact) ? 1 : 0}|${wordStart ? 1 : 0}|${editDistance}|${term}`;
  let cache = expansionCaches.get(compact);
  if (cache === undefined) expansionCaches.set(compact, (cache = new Map()));
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const { sorted, clauseSet } = expandClause(compact.terms, { term, editDistance, wordStart });
  const kept = cappedExpansion(compact, sorted);
  // A capped expansion is in string order, as the guard leaves it; otherwise in Lunr's order.
  const expansions = kept === sorted ? inLunrOrder(sorted, clauseSet()) : kept;
  if (cache.size >= EXPANSION_CACHE) cache.delete(cache.keys().next().value as string);
  cache.set(key, expansions);
  return expansions;
}

/**
 * Expansions each index keeps, so that a shard expands a term once a query: the norms over the shard
 * group (corpusMagnitudes) and the shard's own scoring both ask, and walking a shard's sorted terms for
 * a fuzzy term costs milliseconds. The next keystroke repeats most of a query's clauses too.
 */
const EXPANSION_CACHE = 64;
const expansionCaches = new WeakMap<CompactIndex, Map<string, string[]>>();

/** Expansions a shard group keeps (a query has a few clauses; the next keystroke repeats most of them). */
const GROUP_EXPANSION_CACHE = 256;

/**
 * The norms of the query vectors one index over every shard would have: Lunr's query vector holds every
 * index term a clause expands to, so a shard alone (fewer terms) would divide by less and score higher.
 * Built like compact-query.ts's scoreClauses builds its vectors (boosts summed in clause order, squares summed in term order).
 */
export function corpusMagnitudes(
  group: ShardGroup,
  fields: string[],
  query: lunr.Query,
  pipeline: lunr.Pipeline,
): number[] {
  const boosts = fields.map(() => new Map<string, number>());
  const presence = lunr.Query.presence;
  for (const clause of query.clauses as Array<lunr.Query.Clause & { presence: number }>) {
    if (clause.presence === presence.PROHIBITED) continue;
    const terms = clause.usePipeline ? runString(pipeline, clause.term, clause.fields) : [clause.term];
    for (const term of terms) {
      clause.term = term;
      const expanded = groupExpansionsOf(group, clause, term);
      if (expanded.length === 0 && clause.presence === presence.REQUIRED) break;
      for (const expandedTerm of expanded) {
        for (const field of clause.fields) {
          const perField = boosts[fields.indexOf(field)];
          const sum = perField.get(expandedTerm);
          perField.set(expandedTerm, sum === undefined ? clause.boost : sum + clause.boost);
        }
      }
    }
  }
  return boosts.map((perField) => {
    let sumOfSquares = 0;
    for (const term of [...perField.keys()].sort()) {
      const boost = perField.get(term) as number;
      sumOfSquares += boost * boost;
    }
    return Math.sqrt(sumOfSquares);
  });
}

/** The terms a clause's term expands to in any shard of the group, sorted (Lunr's term order). */
function groupExpansionsOf(group: ShardGroup, clause: lunr.Query.Clause, term: string): string[] {
  const wordStart = (clause as unknown as Record<string, unknown>)[WORD_START_KEY] ? 1 : 0;
  const key = `${wordStart}|${clause.editDistance ?? 0}|${clause.wildcard ?? 0}|${term}`;
  const cached = group.expansions.get(key);
  if (cached !== undefined) return cached;
  const union = new Set<string>();
  for (const shard of group.shards)
    for (const expanded of expansionsOf(shard, clause, term)) union.add(expanded);
  const expansions = [...union].sort();
  if (group.expansions.size >= GROUP_EXPANSION_CACHE)
    group.expansions.delete(group.expansions.keys().next().value as string);
  group.expansions.set(key, expansions);
  return expansions;
}
