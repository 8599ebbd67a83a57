/**
 * Phrase matching for plain ASCII text without a regular expression. `findPhrase`'s pattern (words with
 * an optional possessive, anything but letters and digits between them, case-insensitive, Unicode
 * classes) takes V8 milliseconds to compile, and each phrase a reader types is a new pattern: most
 * phrase queries spent more time compiling it than searching. On text and words that are all ASCII, the
 * pattern matches exactly this: consecutive runs of letters and digits equal to the phrase's words
 * (ASCII case aside), a word optionally followed by 's, and non-overlapping occurrences left to right.
 */

/** True when every character is ASCII. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** ASCII letters and digits: what `[\p{L}\p{N}]` is on ASCII text. */
function isAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * The [start, end) ranges of the phrase in `text`, as `findPhrase`'s pattern finds them; `first` stops
 * at the first. Expects ASCII text and non-empty lower-case ASCII words of letters and digits. The first
 * word is looked for with `indexOf`, so a text without it costs one native scan.
 */
export function findAsciiPhrase(
  text: string,
  words: readonly string[],
  first = false,
): Array<[number, number]> {
  const lower = text.toLowerCase();
  const length = text.length;
  const alphanumericAt = (at: number) => at < length && isAlphanumeric(lower.charCodeAt(at));
  // The first letter or digit from `at` on.
  const nextWord = (at: number) => {
    while (at < length && !isAlphanumeric(lower.charCodeAt(at))) at++;
    return at;
  };
  // Where the phrase's words from `word` on end when that word starts at `at` (a word start), or -1.
  // The pattern tries a possessive 's first, then the word alone (the apostrophe then separates it
  // from a word "s").
  const matchFrom = (at: number, word: number): number => {
    const end = at + words[word].length;
    if (!lower.startsWith(words[word], at) || alphanumericAt(end)) return -1;
    const possessive =
      lower.charCodeAt(end) === 0x27 && lower.charCodeAt(end + 1) === 0x73 && !alphanumericAt(end + 2)
        ? end + 2
        : -1;
    if (word === words.length - 1) return possessive >= 0 ? possessive : end;
    if (possessive >= 0 && possessive < length) {
      const found = matchFrom(nextWord(possessive), word + 1);
      if (found >= 0) return found;
    }
    return end < length ? matchFrom(nextWord(end), word + 1) : -1;
  };
  const found: Array<[number, number]> = [];
  for (let at = lower.indexOf(words[0]); at >= 0;) {
    const end = at > 0 && isAlphanumeric(lower.charCodeAt(at - 1)) ? -1 : matchFrom(at, 0);
    if (end < 0) {
      at = lower.indexOf(words[0], at + 1);
      continue;
    }
    found.push([at, end]);
    if (first) break;
    at = lower.indexOf(words[0], end);
  }
  return found;
}
