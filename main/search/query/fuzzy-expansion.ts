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
 *   Spelled(i):  rest = term.slice(i)                   (i = 0..length)
 *   Held(k):     rest = term[k] + term.slice(k + 2)     (term[k + 1] spelled before term[k])
 *
 * and a word is accepted when Spelled(length) is reached within the distance. Transposing a held
 * character again (moving it t + 1 places for t + 1 edits) is never cheaper than deleting it and
 * inserting it where it lands (2 edits), so those states are left out: the accepted set is the same.
 * Deletion of the last character and insertion after it are dominated by substitution, so Lunr's
 * special case there (deleting the last character only marks the node final) changes nothing either.
 * A `*` in the term matches any character, as Lunr's `*` edges do.
 *
 * Held(k) never costs less than Spelled(k) in the same row (an insertion takes Spelled(k) wherever a
 * transposition or an insertion takes Held(k), for as much), so a row's least cost and the letters it can
 * still spell for free are read off the spelled states alone; and deleting a held character is never
 * cheaper than deleting it before the transposition, so that edit is left out too.
 *
 * The band: every step moves the count of letters spelled and the count of the term's letters used up
 * (k + 1 when holding term[k]) apart by at most one, and only an edit moves them apart. So after `depth`
 * letters a state costs at least their difference, and rows are computed only within `distance` of the
 * diagonal.
 */

const ANY = '*'.charCodeAt(0);

/** The terms within `distance` edits of `term`, in sorted order. `terms` must be sorted. */
export function fuzzyExpansion(terms: readonly string[], term: string, distance: number): string[] {
  const length = term.length;
  const units = Array.from({ length }, (_, i) => term.charCodeAt(i));
  const matches = (at: number, unit: number) => units[at] === unit || units[at] === ANY;
  // Costs above the distance are all the same to the walk: they are kept at `over`.
  const over = distance + 1;
  // Spelled(i) at i, Held(k) at length + 1 + k.
  const width = 2 * length + 1;
  const heldAt = (k: number) => length + 1 + k;
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
      const above = depth - 1;
      for (let i = Math.max(0, above - distance); i <= Math.min(length, above + distance); i++) {
        const cost = parent[i];
        if (cost > distance) continue;
        relax(row, i, cost + 1); // insert `unit`
        if (i < length) {
          relax(row, i + 1, matches(i, unit) ? cost : cost + 1); // match, or substitute
          if (i + 1 < length && cost < distance && matches(i + 1, unit)) {
            relax(row, heldAt(i), cost + 1); // transpose: spell term[i + 1], hold term[i]
            holds = true;
          }
        }
      }
      if (holding[above]) {
        for (
          let k = Math.max(0, above - distance - 1);
          k <= Math.min(length - 2, above + distance - 1);
          k++
        ) {
          const cost = parent[heldAt(k)];
          if (cost > distance) continue;
          relax(row, k + 2, matches(k, unit) ? cost : cost + 1); // spell the held character, or substitute it
          if (cost === distance) continue;
          relax(row, heldAt(k), cost + 1); // insert before the held character
          holds = true;
        }
      }
      let best = over;
      // Deletions, which spell nothing (a held character's is never cheaper than its own: see above).
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
      // a character a spelled state spells for free (a held state's letter is its Spelled(k)'s: see above).
      if (bests[depth] < distance) return -1;
      // One letter at most per spelled state in the band: within `next` for any distance a query allows.
      if (2 * distance + 1 > next.length) return -1;
      const row = rows[depth];
      let count = 0;
      for (let i = Math.max(0, depth - distance); i < Math.min(length, depth + distance + 1); i++)
        if (row[i] === distance) count = addUnit(next, count, units[i]);
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
