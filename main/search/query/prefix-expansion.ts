import lunr from 'lunr';
import { indexTermOf } from '../index/text-analysis';

/**
 * What a prefix (`securit*`) expands to. The index holds stems, not words: "security" is indexed as
 * "secur", so matching the typed letters against the stems alone finds nothing for `securit*`. A reader
 * expects every word that starts with the prefix, so a prefix accepts
 *
 *   - every index term starting with the prefix (Lunr's trailing wildcard), and
 *   - the stems of words that start with the prefix but lost some of its letters to stemming.
 *
 * The second set is found by stemming likely words: the prefix's first letters followed by a common
 * English ending that continues the prefix ("secur" + "ity" for `securit*`, "engin" + "eers" for
 * `enginee*`), and the prefix itself as a whole word ("policy" → "polici"). A stem counts only when the
 * stemmer really produces it from such a word, so `securx*` (no ending starts with "x") stays empty where
 * a bare length rule would have let "secur" in. Only stems that are a prefix of the typed prefix (or the
 * stem of the prefix as a word) are added: the others already start with the prefix.
 *
 * All of it is one token set intersected once with the index, so the expansion cap (expansion-guard.ts)
 * applies to the whole of it and the cost is that of a plain prefix.
 */

/** Endings Porter stemming strips, whole or in part, as they appear on common English words. */
// prettier-ignore
const ENDINGS = [
  's', 'es', 'ies', 'e', 'ed', 'ied', 'ing', 'ings', 'y', 'ly', 'ily',
  'er', 'ers', 'ered', 'ering', 'eer', 'eers', 'eering', 'or', 'ors',
  'al', 'als', 'ally', 'alism', 'alist', 'alists', 'ality', 'alities', 'alize', 'alized', 'alization',
  'ate', 'ates', 'ated', 'ating', 'ation', 'ations', 'ational', 'ator', 'ators', 'ative', 'atives',
  'ion', 'ions', 'ive', 'ives', 'ively', 'iveness', 'ivity', 'ize', 'izes', 'ized', 'izing', 'ization',
  'ity', 'ities', 'ism', 'isms', 'ist', 'ists', 'ic', 'ics', 'ical', 'ically', 'icity',
  'ance', 'ances', 'ancy', 'ant', 'ants', 'ence', 'ences', 'ency', 'ent', 'ents', 'ently',
  'ment', 'ments', 'ement', 'ements', 'ness', 'ful', 'fully', 'fulness', 'ous', 'ously', 'ousness',
  'able', 'ably', 'ability', 'abilities', 'ible', 'ibility', 'ibilities', 'bility', 'ility',
];
const LONGEST_ENDING = Math.max(...ENDINGS.map((ending) => ending.length));

/** Stems shorter than a typed prefix may be (query.ts) are never added: they match too widely. */
const MIN_STEM_LENGTH = 3;

/** Set (true) by `addClauses` on a Lunr clause whose term is a Margin prefix, for `queryCompact`. */
export const WORD_START_KEY = 'marginWordStart';

/** The stems, other than those starting with `prefix`, of common words that start with `prefix`. */
export function stemsOfWordsStartingWith(prefix: string): string[] {
  const stems = new Set<string>();
  const whole = indexTermOf(prefix);
  if (whole !== null && !whole.startsWith(prefix) && whole.length >= MIN_STEM_LENGTH) stems.add(whole);
  for (let kept = prefix.length; kept >= Math.max(1, prefix.length - LONGEST_ENDING); kept--) {
    const rest = prefix.slice(kept);
    for (const ending of ENDINGS) {
      if (!ending.startsWith(rest)) continue;
      const stem = indexTermOf(prefix.slice(0, kept) + ending);
      if (
        stem !== null &&
        stem.length >= MIN_STEM_LENGTH &&
        stem.length < prefix.length &&
        prefix.startsWith(stem)
      ) {
        stems.add(stem);
      }
    }
  }
  return [...stems].sort();
}

/** The parts of Lunr's TokenSet (a trie of accepted strings) that the set is built from. */
interface TrieNode {
  final: boolean;
  edges: Record<string, TrieNode>;
}

/**
 * The token set of a prefix clause: Lunr's `prefix*`, with each stem of `stemsOfWordsStartingWith`
 * accepted too (a final node on the prefix's path, or a short branch for "polici" beside "policy").
 */
export function wordStartTokenSet(prefix: string): lunr.TokenSet {
  const set = (lunr.TokenSet as unknown as { fromString(text: string): lunr.TokenSet }).fromString(
    `${prefix}*`,
  );
  const root = set as unknown as TrieNode;
  for (const stem of stemsOfWordsStartingWith(prefix)) {
    let node = root;
    // Code units, as Lunr's own tries are built.
    for (let i = 0; i < stem.length; i++) {
      const char = stem[i];
      let next = node.edges[char];
      if (next === undefined) {
        next = new lunr.TokenSet() as unknown as TrieNode;
        node.edges[char] = next;
      }
      node = next;
    }
    node.final = true;
  }
  return set;
}
