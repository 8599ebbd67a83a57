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

/** Whether `text[start, end)` equals the lower-case ASCII `word`, ignoring ASCII case. */
function equalsIgnoringCase(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) {
    let code = text.charCodeAt(start + i);
    if (code >= 0x41 && code <= 0x5a) code |= 0x20;
    if (code !== word.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * The [start, end) ranges of the phrase in `text`, as `findPhrase`'s pattern finds them; `first` stops
 * at the first. Expects ASCII text and non-empty lower-case ASCII words of letters and digits.
 */
export function findAsciiPhrase(
  text: string,
  words: readonly string[],
  first = false,
): Array<[number, number]> {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let at = 0; at < text.length;) {
    if (!isAlphanumeric(text.charCodeAt(at))) {
      at++;
      continue;
    }
    starts.push(at);
    while (at < text.length && isAlphanumeric(text.charCodeAt(at))) at++;
    ends.push(at);
  }
  // Where `'s` (either case) right after run `run` ends a possessive, or -1.
  const possessiveEnd = (run: number): number => {
    const end = ends[run];
    const s = text.charCodeAt(end + 1);
    return text.charCodeAt(end) === 0x27 &&
      (s === 0x73 || s === 0x53) &&
      !isAlphanumeric(text.charCodeAt(end + 2))
      ? end + 2
      : -1;
  };
  // The end of the phrase's words from `word` on, starting at run `run`, or -1; the pattern tries the
  // possessive first, then the word alone (the apostrophe then separates it from a word "s").
  const matchFrom = (run: number, word: number): number => {
    if (run >= starts.length || !equalsIgnoringCase(text, starts[run], ends[run], words[word])) return -1;
    const possessive = possessiveEnd(run);
    if (word === words.length - 1) return possessive >= 0 ? possessive : ends[run];
    if (possessive >= 0 && possessive < text.length) {
      const end = matchFrom(run + 2, word + 1);
      if (end >= 0) return end;
    }
    return matchFrom(run + 1, word + 1);
  };
  const found: Array<[number, number]> = [];
  let after = 0;
  for (let run = 0; run < starts.length; run++) {
    if (starts[run] < after) continue;
    const end = matchFrom(run, 0);
    if (end < 0) continue;
    found.push([starts[run], end]);
    if (first) break;
    after = end;
  }
  return found;
}
