import { walkSortedTerms } from './sorted-terms';

/**
 * The index terms a fuzzy term (`pakistn~1`) matches: exactly what Lunr's `TokenSet.fromFuzzyString(term,
 * distance)` intersected with the index's term automaton accepts, found by walking the sorted terms as a
 * trie (sorted-terms.ts) with one row of edit costs per depth, so no automaton is built.
 *
 * Lunr's fuzzy set is a derivation: with `rest` still to spell and edits left, it may match `rest[0]`
 * (free), or, for one edit each, insert any character, delete `rest[0]`, substitute it by any character,
 * or transpose: spell `rest[1]` and go on with `rest[0] + rest.slice(2)`. The transposed character
 * stays editable (Lunr does not forbid it, as optimal string alignment would), so the states are
 *
 *   Spelled(i):    rest = term.slice(i)                        (i = 0..length)
 *   Held(k, j):    rest = term[k] + term.slice(j), j = k + 2 + t, after t + 1 transpositions of term[k]
 *
 * and a word is accepted when Spelled(length) is reached within the distance. Deletion of the last
 * character and insertion after it are dominated by substitution, so Lunr's special case there (deleting
 * the last character only marks the node final) changes nothing. A `*` in the term matches any character,
 * as Lunr's `*` edges do.
 */

const ANY = '*'.charCodeAt(0);

/*
 * The band: every step moves the count of letters spelled and the count of the term's letters used up
 * (a held letter not counted) apart by at most one, and only an edit moves them apart. So after `depth`
 * letters, a state with term position i (or j - 1 when holding) costs at least |depth - i|, and the
 * rows are computed only within `distance` of the diagonal.
 */

/** The terms within `distance` edits of `term`, in sorted order. `terms` must be sorted. */
export function fuzzyExpansion(terms: readonly string[], term: string, distance: number): string[] {
  const length = term.length;
  const units = Array.from({ length }, (_, i) => term.charCodeAt(i));
  const matches = (at: number, unit: number) => units[at] === unit || units[at] === ANY;
  // Costs above the distance are all the same to the walk: they are kept at `over`.
  const over = distance + 1;
  const held = Math.max(distance, 0);
  const width = length + 1 + length * held;
  const heldAt = (k: number, t: number) => length + 1 + k * held + t;
  // One row per depth of the walk, made as the walk first reaches that depth, with its least cost,
  // and whether any held state is affordable in it.
  const rows: Uint8Array[] = [new Uint8Array(width)];
  const bests = [0];
  const holding = [false];

  // The root: nothing spelled, any prefix of the term deleted.
  const root = rows[0];
  root.fill(over);
  for (let i = 0; i <= length; i++) root[i] = Math.min(i, over);
  // An empty index term is never found: Lunr's intersection never marks its root final.
  const found: string[] = [];

  const relax = (row: Uint8Array, at: number, cost: number) => {
    if (cost < row[at]) row[at] = cost;
  };

  walkSortedTerms(terms, {
    enter(depth, unit, word) {
      const parent = rows[depth - 1];
      const row = (rows[depth] ??= new Uint8Array(width));
      row.fill(over);
      let holds = false;
      // Only states within `distance` of the diagonal can be affordable (the band, above).
      const above = depth - 1;
      for (let i = Math.max(0, above - distance); i <= Math.min(length, above + distance); i++) {
        const cost = parent[i];
        if (cost > distance) continue;
        relax(row, i, cost + 1); // insert `unit`
        if (i < length) {
          relax(row, i + 1, matches(i, unit) ? cost : cost + 1); // match, or substitute
          if (i + 1 < length && cost < distance && matches(i + 1, unit)) {
            relax(row, heldAt(i, 0), cost + 1);
            holds = true;
          }
        }
      }
      if (holding[above]) {
        for (let k = Math.max(0, above - distance - held); k <= Math.min(length - 1, above + distance); k++) {
          for (let t = 0; t < held; t++) {
            const j = k + 2 + t;
            const cost = parent[heldAt(k, t)];
            if (j > length || cost > distance) continue;
            relax(row, j, matches(k, unit) ? cost : cost + 1); // spell the held character, or substitute it
            if (cost === distance) continue;
            relax(row, heldAt(k, t), cost + 1); // insert before the held character
            // Transpose again: spell term[j] and keep holding term[k] (t + 1 transpositions cost t + 2).
            if (j < length && t + 1 < held && matches(j, unit)) relax(row, heldAt(k, t + 1), cost + 1);
            holds = true;
          }
        }
      }
      let best = over;
      // Deletions, which spell nothing: the held character first, then along the term.
      if (holds) {
        for (let k = Math.max(0, depth - distance - held); k <= Math.min(length - 1, depth + distance); k++) {
          for (let t = 0; t < held; t++) {
            const cost = row[heldAt(k, t)];
            if (cost >= over) continue;
            if (cost < best) best = cost;
            if (k + 2 + t <= length) relax(row, k + 2 + t, cost + 1);
          }
        }
      }
      for (let i = Math.max(0, depth - distance); i <= Math.min(length, depth + distance); i++) {
        if (i > 0) relax(row, i, Math.min(row[i - 1] + 1, over));
        if (row[i] < best) best = row[i];
      }
      bests[depth] = best;
      holding[depth] = holds;
      if (word !== null && row[length] <= distance) found.push(word);
      return best <= distance;
    },
    only(depth, next) {
      // With edits left, any character may follow (an insertion or substitution); with none left, only
      // a character some state spells for free: the next letter of the term, or the held one.
      if (bests[depth] < distance) return -1;
      const row = rows[depth];
      let count = 0;
      // One letter at most per state in the band, (2d + 1) spelled and (2d + 1) per held depth: within
      // `next` for any distance a query allows (d ≤ 4); a larger one simply enters every child.
      if ((2 * distance + 1) * (held + 1) > next.length) return -1;
      for (let i = Math.max(0, depth - distance); i < Math.min(length, depth + distance + 1); i++)
        if (row[i] === distance) count = addUnit(next, count, units[i]);
      if (holding[depth]) {
        for (let k = Math.max(0, depth - distance - held); k <= Math.min(length - 1, depth + distance); k++) {
          for (let t = 0; t < held; t++)
            if (k + 2 + t <= length && row[heldAt(k, t)] === distance) count = addUnit(next, count, units[k]);
        }
      }
      for (let n = 0; n < count; n++) if (next[n] === ANY) return -1;
      return count;
    },
  });
  return found;
}

/** Adds `unit` to the ascending, distinct `units[0, count)`; returns the new count. */
function addUnit(units: Int32Array, count: number, unit: number): number {
  let at = count;
  while (at > 0 && units[at - 1] > unit) at--;
  if (at > 0 && units[at - 1] === unit) return count;
  units.copyWithin(at + 1, at, count);
  units[at] = unit;
  return count + 1;
}
