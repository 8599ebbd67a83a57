/**
 * Finding words and phrases in plain text, the way a reader expects: case does not matter and a
 * typographic apostrophe or quote matches the plain one. Folding keeps every character in place, so
 * offsets into the folded text are offsets into the original.
 */

const FOLDS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201b': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u00a0': ' ',
};

/** Lower-cases and folds look-alike punctuation, one character for one character. */
export function foldText(text: string): string {
  let folded = '';
  for (const char of text) {
    const mapped = FOLDS[char] ?? char.toLowerCase();
    // A few characters lower-case to two (İ → i̇); keep those as they are so offsets stay aligned.
    folded += mapped.length === char.length ? mapped : char;
  }
  return folded;
}

/** Every occurrence of `needle` in `haystack` as [start, end) offsets, not overlapping. */
export function findOccurrences(haystack: string, needle: string): Array<[number, number]> {
  const target = foldText(needle.trim());
  if (target.length === 0) return [];
  const text = foldText(haystack);
  const found: Array<[number, number]> = [];
  for (let at = text.indexOf(target); at !== -1; at = text.indexOf(target, at + target.length)) {
    found.push([at, at + target.length]);
  }
  return found;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Occurrences of `word` that stand as whole words (not inside a longer word). */
export function findWholeWords(haystack: string, word: string): Array<[number, number]> {
  return findOccurrences(haystack, word).filter(
    ([start, end]) => !WORD_CHAR.test(haystack.charAt(start - 1)) && !WORD_CHAR.test(haystack.charAt(end)),
  );
}
