/**
 * The library search for a selected passage: its first words as one quoted phrase, so the results are
 * the places that say the same thing. Punctuation is left out (the query language gives quotes, `+`,
 * `-`, `*`, `~` and `:` meanings of their own) and the phrase is kept short, well inside the query
 * language's limits.
 */
const MAX_WORDS = 8;
/** No word of any language is longer; a run of letters beyond it is not a word to search for. */
const MAX_WORD_LENGTH = 40;
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

export function selectionQuery(selected: string): string | null {
  const words = (selected.match(WORD) ?? [])
    .filter((word) => word.length <= MAX_WORD_LENGTH)
    .slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  return words.length === 1 ? words[0] : `"${words.join(' ')}"`;
}
