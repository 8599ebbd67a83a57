import lunr from 'lunr';
import type { CompactIndex, FieldPostings } from '../index/compact-index';
import { corpusMagnitudes, expansionsOf, runString } from './term-expansion';
import { QueryScratch } from './query-scratch';
import { matchesWhere, rankLazily, type CompactMatch, type Matches, type RankOrder } from './ranked-matches';

/**
 * Lunr's `Index#query`, ported line for line onto the compact index's typed arrays.
 *
 * Lunr's own loop allocates a FieldRef, a MatchData and several string keys for every posting it scores,
 * which at 10,000 articles costs ~40 ms for a common word. This port keeps Lunr's semantics exactly (the
 * same pipeline, the same token-set expansion, the same required/prohibited set logic, the same query
 * vectors, the same dot products summed in the same order, the same stable sort) and stores matches in
 * flat arrays instead. `compact-query.test.ts` checks it against stock Lunr, result for result.
 *
 * Prefix, fuzzy and wildcard terms expand to exactly the terms, in the order, of Lunr's token-set
 * intersection, found over the sorted term list instead (term-expansion.ts).
 *
 * One deliberate difference: a clause that `addClauses` marks as a Margin prefix expands as
 * `wordStartTokenSet` accepts, which also accepts the stems of words starting with the prefix (stock
 * Lunr knows nothing of the mark and matches the prefix against the stems only).
 */

export type { CompactMatch, RankOrder } from './ranked-matches';

export interface CompactQueryResult {
  /** How many documents matched. */
  count: number;
  /**
   * The matches best first, ties in Lunr's order; produced lazily (a heap), so taking a few is cheap.
   * `firstPick`: how many the caller expects to take (more may be taken, at the cost of a heap).
   */
  ranked(order?: RankOrder, firstPick?: number): Iterable<CompactMatch>;
  /** Like `ranked`, over only the matches `keep` accepts (checked once each, in no particular order). */
  rankedWhere(keep: (ref: number) => boolean, order?: RankOrder, firstPick?: number): Iterable<CompactMatch>;
  /** The expanded index terms a document matched, per field (Lunr's matchData, without metadata). */
  matchedTerms(ref: number): Array<{ term: string; field: string }>;
}

/** A set of refs, either complete (every ref) or explicit, like `lunr.Set`. */
class RefSet {
  static complete(size: number): RefSet {
    return new RefSet(size, null);
  }

  static empty(size: number): RefSet {
    return new RefSet(size, new Uint8Array(size));
  }

  /** The refs marked 1 in `members`, which the set then owns. */
  static of(members: Uint8Array): RefSet {
    return new RefSet(members.length, members);
  }

  private constructor(
    private readonly size: number,
    /** 1 per member ref; null: complete. Read directly by the scoring loops. */
    readonly members: Uint8Array | null,
  ) {}

  union(other: RefSet | Int32Array): RefSet {
    if (this.members === null) return this;
    if (other instanceof RefSet) {
      if (other.members === null) return other;
      const members = this.members.slice();
      for (let i = 0; i < this.size; i++) members[i] |= other.members[i];
      return new RefSet(this.size, members);
    }
    const members = this.members.slice();
    for (let i = 0; i < other.length; i++) members[other[i]] = 1;
    return new RefSet(this.size, members);
  }

  intersect(other: RefSet): RefSet {
    if (this.members === null || other === this) return other;
    if (other.members === null) return this;
    const members = new Uint8Array(this.size);
    for (let i = 0; i < this.size; i++) members[i] = this.members[i] & other.members[i];
    return new RefSet(this.size, members);
  }
}

interface Touched {
  term: string;
  field: number;
  refs: Int32Array;
}

/** Runs a query built with Lunr's query API (`lunr.Query#term`) on a compact index. */
export function queryCompact(compact: CompactIndex, build: (query: lunr.Query) => void): CompactQueryResult {
  const query = new lunr.Query(compact.fields);
  build(query);
  if ((query as unknown as { isNegated(): boolean }).isNegated()) return fromLunr(compact, build);

  const scratch = QueryScratch.of(compact);
  try {
    return scoreClauses(compact, query, scratch);
  } finally {
    scratch.clear();
  }
}

/** Lunr's `Index#query` from its clauses on, on the compact index's postings and `scratch`'s arrays. */
function scoreClauses(compact: CompactIndex, query: lunr.Query, scratch: QueryScratch): CompactQueryResult {
  const index = compact.index as unknown as { pipeline: lunr.Pipeline };
  const { fields, refCount } = compact;
  const fieldCount = fields.length;
  const queryVectors = fields.map(() => new lunr.Vector([]));
  const requiredMatches: Array<RefSet | undefined> = new Array(fieldCount);
  const prohibitedMatches: Array<RefSet | undefined> = new Array(fieldCount);
  const termFieldCache = new Set<string>();
  const touched: Touched[] = [];
  const postingsByTerm = new Map<number, FieldPostings[]>();
  const presence = lunr.Query.presence;
  // Per document, how many clauses it matched (in any field, through any expansion); `lastClause`
  // counts each clause once per document.
  const { coverage, lastClause } = scratch;

  // First every clause's terms and postings, and the sets its required and prohibited clauses make:
  // the documents a required clause rules out are then never counted, marked or scored below.
  const matched: Array<{
    clauseNumber: number;
    boost: number;
    term: string;
    termIndex: number;
    fields: number[];
  }> = [];
  for (const [clauseNumber, clause] of (
    query.clauses as Array<lunr.Query.Clause & { presence: number }>
  ).entries()) {
    const terms = clause.usePipeline ? runString(index.pipeline, clause.term, clause.fields) : [clause.term];
    const clauseFields = clause.fields.map((field) => fields.indexOf(field));
    // Only a required clause needs the set of documents it matched: marked in place, one byte a ref
    // (not a copy of the set for every term and field).
    const clauseMembers = clause.presence === presence.REQUIRED ? new Uint8Array(refCount) : null;

    for (const term of terms) {
      clause.term = term;
      // Lunr's Query#term has appended the wildcard's "*" to a prefix clause's term.
      const expanded = expansionsOf(compact, clause, term);
      if (expanded.length === 0 && clause.presence === presence.REQUIRED) {
        for (const field of clauseFields) requiredMatches[field] = RefSet.empty(refCount);
        break;
      }
      for (const expandedTerm of expanded) {
        const termIndex = compact.termIndexOf(expandedTerm);
        let postings = postingsByTerm.get(termIndex);
        if (postings === undefined) postingsByTerm.set(termIndex, (postings = compact.postingsOf(termIndex)));
        for (const field of clauseFields) {
          const refs = postings[field].refs;
          if (clauseMembers !== null) {
            for (let i = 0; i < refs.length; i++) clauseMembers[refs[i]] = 1;
            requiredMatches[field] ??= RefSet.complete(refCount);
          }
          if (clause.presence === presence.PROHIBITED)
            prohibitedMatches[field] = (prohibitedMatches[field] ?? RefSet.empty(refCount)).union(refs);
        }
        if (clause.presence !== presence.PROHIBITED)
          matched.push({
            clauseNumber,
            boost: clause.boost,
            term: expandedTerm,
            termIndex,
            fields: clauseFields,
          });
      }
    }
    if (clauseMembers !== null) {
      const clauseMatches = RefSet.of(clauseMembers);
      // The fields of a clause mostly hold one and the same set: intersect each distinct set once.
      const intersected = new Map<RefSet | undefined, RefSet>();
      for (const field of clauseFields) {
        const before = requiredMatches[field];
        let after = intersected.get(before);
        if (after === undefined) {
          after = (before ?? RefSet.complete(refCount)).intersect(clauseMatches);
          intersected.set(before, after);
        }
        requiredMatches[field] = after;
      }
    }
  }

  let allRequired = RefSet.complete(refCount);
  // Made only for a query with a prohibited clause: most have none, and an empty set is a ref-sized array.
  let allProhibited: RefSet | undefined;
  for (let field = 0; field < fieldCount; field++) {
    const required = requiredMatches[field];
    const prohibited = prohibitedMatches[field];
    if (required !== undefined) allRequired = allRequired.intersect(required);
    if (prohibited !== undefined) allProhibited = allProhibited?.union(prohibited) ?? prohibited;
  }
  const requiredOnly = allRequired.members;

  // Then, in Lunr's order (clause, term, field), each document a term matches: its coverage counted and
  // its (ref, field) slot marked, in the order Lunr first meets them (which breaks ties in the ranking).
  for (const { clauseNumber, boost, term, termIndex, fields: clauseFields } of matched) {
    const postings = postingsByTerm.get(termIndex) as FieldPostings[];
    for (const field of clauseFields) {
      const refs = postings[field].refs;
      for (let i = 0; i < refs.length; i++) {
        const ref = refs[i];
        if (requiredOnly !== null && requiredOnly[ref] !== 1) continue;
        if (lastClause[ref] !== clauseNumber) {
          lastClause[ref] = clauseNumber;
          coverage[ref]++;
        }
      }
      queryVectors[field].upsert(termIndex, boost, (a, b) => a + b);
      const termField = `${term}/${field}`;
      if (termFieldCache.has(termField)) continue;
      for (let i = 0; i < refs.length; i++)
        if (requiredOnly === null || requiredOnly[refs[i]] === 1) scratch.see(refs[i] * fieldCount + field);
      touched.push({ term, field, refs });
      termFieldCache.add(termField);
    }
  }

  // Lunr's dot product of a query vector with a field vector, accumulated posting by posting: each
  // (ref, field) receives its terms in ascending term order, exactly the order Lunr's merge adds them.
  // Documents a required clause rules out are never scored, so they are skipped here.
  const { dots } = scratch;
  queryVectors.forEach((vector, field) => {
    const elements = (vector as unknown as { elements: number[] }).elements;
    for (let i = 0; i < elements.length; i += 2) {
      const { refs, weights } = (postingsByTerm.get(elements[i]) as FieldPostings[])[field];
      const queryWeight = elements[i + 1];
      if (requiredOnly === null) {
        for (let j = 0; j < refs.length; j++) dots[refs[j] * fieldCount + field] += queryWeight * weights[j];
        continue;
      }
      for (let j = 0; j < refs.length; j++) {
        if (requiredOnly[refs[j]] === 1) dots[refs[j] * fieldCount + field] += queryWeight * weights[j];
      }
    }
  });
  const magnitudes =
    compact.shardGroup === undefined || compact.shardGroup.shards.length === 1
      ? queryVectors.map((vector) => vector.magnitude())
      : corpusMagnitudes(compact.shardGroup, compact.fields, query, index.pipeline);

  const { scores, seen, order, fieldRefOrder } = scratch;
  // Documents in Lunr's order of first match, which its stable sort keeps for equal scores.
  let count = 0;
  // Null: every ref is prohibited (a complete set); undefined: none is.
  const prohibitedRefs = allProhibited === undefined ? undefined : allProhibited.members;
  for (let i = 0; i < scratch.fieldRefCount; i++) {
    const slot = fieldRefOrder[i];
    const ref = (slot / fieldCount) | 0;
    if (requiredOnly !== null && requiredOnly[ref] !== 1) continue;
    if (prohibitedRefs !== undefined && (prohibitedRefs === null || prohibitedRefs[ref] === 1)) continue;
    const score = dots[slot] / magnitudes[slot - ref * fieldCount] || 0;
    if (seen[ref] === 0) {
      seen[ref] = 1;
      scores[ref] = score;
      order[count++] = ref;
    } else {
      scores[ref] += score;
    }
  }
  // The scratch arrays are cleared for the next query: the result keeps its own copy of the matches.
  // Plain loops: TypedArray.from with a mapping function goes through the iterator protocol and a call
  // per element, which cost more than all the scoring of a common word.
  const refs = order.slice(0, count);
  const matchScores = new Float64Array(count);
  const matchCoverage = new Uint16Array(count);
  for (let i = 0; i < count; i++) {
    matchScores[i] = scores[refs[i]];
    matchCoverage[i] = coverage[refs[i]];
  }
  const matches: Matches = { refs, scores: matchScores, coverage: matchCoverage };

  return {
    count,
    ranked: (rankOrder = 'lunr', firstPick) => rankLazily(matches, rankOrder, firstPick),
    rankedWhere: (keep, rankOrder = 'lunr', firstPick) =>
      rankLazily(matchesWhere(matches, keep), rankOrder, firstPick),
    matchedTerms(ref) {
      const found: Array<{ term: string; field: string }> = [];
      for (const { term, field, refs: termRefs } of touched)
        if (contains(termRefs, ref)) found.push({ term, field: fields[field] });
      return found;
    },
  };
}

function contains(sorted: Int32Array, ref: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] === ref) return true;
    if (sorted[mid] < ref) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/** Lunr itself, for the one query shape the port does not cover (every clause prohibited). */
function fromLunr(compact: CompactIndex, build: (query: lunr.Query) => void): CompactQueryResult {
  const results = compact.index.query(build);
  return {
    count: results.length,
    // Every clause of such a query is prohibited: no document holds any of its words.
    ranked: () => results.map((result) => ({ ref: Number(result.ref), score: result.score, coverage: 0 })),
    rankedWhere: (keep) =>
      results
        .filter((result) => keep(Number(result.ref)))
        .map((result) => ({ ref: Number(result.ref), score: result.score, coverage: 0 })),
    matchedTerms(ref) {
      const result = results.find((candidate) => Number(candidate.ref) === ref);
      const metadata = (result?.matchData.metadata ?? {}) as Record<string, Record<string, unknown>>;
      return Object.keys(metadata).flatMap((term) =>
        Object.keys(metadata[term]).map((field) => ({ term, field })),
      );
    },
  };
}
