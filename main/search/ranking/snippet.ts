import type { SnippetPart } from '../../api';
import { WordBounds, WordStarts, type AnalysedToken } from '../index/text-analysis';
import { isDash } from '../index/word-forms';

/** Words in a snippet: enough to read a match in context, short enough for a results list. */
export const SNIPPET_WORDS = 36;
/** Words kept before the first mark so a snippet does not start on the matched word. */
const LEAD_WORDS = 8;
/** How far before the first mark a sentence start still counts as near. */
const SENTENCE_REACH = 16;

/**
 * The part of a passage a reader should see for a query, as plain-text parts with the matched words
 * flagged. The window holds the most distinct query terms, and among those the place where they stand
 * closest together (so "PTM advocates" shows the sentence where both words meet); it starts at a
 * sentence when one begins near, never cuts a word or a hyphenated compound ("Azm-e-Istehkam"), and
 * marks every matched word inside it. An ellipsis shows where the passage was cut.
 */
export function makeSnippet(
  text: string,
  tokens: readonly AnalysedToken[],
  marked: readonly boolean[],
): SnippetPart[] {
  if (tokens.length === 0) return text === '' ? [] : [{ text, mark: false }];
  const width = Math.min(SNIPPET_WORDS, tokens.length);
  const core = closestMatches(text, tokens, marked, width);
  let start = core === null ? 0 : placeWindow(text, tokens, core, width);
  start = compoundStart(text, tokens, start);
  const end = compoundEnd(text, tokens, Math.min(tokens.length, start + width));
  return snippetParts(text, tokens, marked, start, end);
}

const NO_WORDS = new WordStarts([]);

/**
 * A passage's snippet with nothing marked (its opening words), as one string: what a hit shows of a
 * document that its title or author matched and its text did not. Unmarked parts join into one.
 */
export function unmarkedSnippet(text: string): string {
  const tokens = WordBounds.of(text).tokens(NO_WORDS);
  return makeSnippet(
    text,
    tokens,
    tokens.map(() => false),
  )
    .map((part) => part.text)
    .join('');
}

/** The key a matched word counts under: its index term, or the word itself (a stop word in a phrase). */
function termKey(text: string, token: AnalysedToken): string {
  return token.term ?? text.slice(token.start, token.end).toLowerCase();
}

/**
 * The shortest run of tokens, at most `width` long, that holds as many distinct matched terms as any
 * window of `width` tokens can (first found on ties); null when nothing is marked.
 */
function closestMatches(
  text: string,
  tokens: readonly AnalysedToken[],
  marked: readonly boolean[],
  width: number,
): { first: number; last: number } | null {
  const positions: number[] = [];
  marked.forEach((isMarked, i) => {
    if (isMarked) positions.push(i);
  });
  if (positions.length === 0) return null;
  const keys = positions.map((i) => termKey(text, tokens[i]));

  // Two pointers over the marked positions: for each right end, the window reaches back at most
  // `width` tokens; the most distinct terms wins, then the shortest span.
  const counts = new Map<string, number>();
  let best = { first: positions[0], last: positions[0], distinct: 1 };
  let left = 0;
  for (let right = 0; right < positions.length; right++) {
    counts.set(keys[right], (counts.get(keys[right]) ?? 0) + 1);
    while (positions[right] - positions[left] >= width) {
      const count = counts.get(keys[left])! - 1;
      if (count === 0) counts.delete(keys[left]);
      else counts.set(keys[left], count);
      left++;
    }
    // Shrink from the left while the first word repeats later in the window: same terms, shorter span.
    while (left < right && counts.get(keys[left])! > 1) {
      counts.set(keys[left], counts.get(keys[left])! - 1);
      left++;
    }
    const span = positions[right] - positions[left];
    if (counts.size > best.distinct || (counts.size === best.distinct && span < best.last - best.first)) {
      best = { first: positions[left], last: positions[right], distinct: counts.size };
    }
  }
  return { first: best.first, last: best.last };
}

/** True when a sentence begins at token `i`: the text before it closes one (". ", "? ", '." '). */
function startsSentence(text: string, tokens: readonly AnalysedToken[], i: number): boolean {
  if (i === 0) return true;
  const between = text.slice(tokens[i - 1].end, tokens[i].start);
  return /[.!?][)"'’”]*\s/.test(between);
}

/** Where the window starts: a sentence start when one is near, else a few words before the matches. */
function placeWindow(
  text: string,
  tokens: readonly AnalysedToken[],
  core: { first: number; last: number },
  width: number,
): number {
  const earliest = Math.max(0, core.last - width + 1);
  for (let i = core.first; i >= Math.max(earliest, core.first - SENTENCE_REACH); i--) {
    if (startsSentence(text, tokens, i)) return i;
  }
  const start = Math.max(earliest, core.first - LEAD_WORDS);
  return Math.max(0, Math.min(start, tokens.length - width));
}

/** True when tokens `i - 1` and `i` are parts of one compound: only dashes stand between them. */
function joined(text: string, tokens: readonly AnalysedToken[], i: number): boolean {
  const from = tokens[i - 1].end;
  const to = tokens[i].start;
  if (to === from) return true;
  for (let at = from; at < to; at++) if (!isDash(text.charCodeAt(at))) return false;
  return true;
}

function compoundStart(text: string, tokens: readonly AnalysedToken[], start: number): number {
  while (start > 0 && joined(text, tokens, start)) start--;
  return start;
}

function compoundEnd(text: string, tokens: readonly AnalysedToken[], end: number): number {
  while (end < tokens.length && joined(text, tokens, end)) end++;
  return end;
}

function snippetParts(
  text: string,
  tokens: readonly AnalysedToken[],
  marked: readonly boolean[],
  start: number,
  end: number,
): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (piece: string, mark: boolean) => {
    if (piece === '') return;
    const last = parts[parts.length - 1];
    if (last !== undefined && last.mark === mark && !mark) last.text += piece;
    else parts.push({ text: piece, mark });
  };
  let cursor = start === 0 ? 0 : tokens[start].start;
  if (start > 0) push('…', false);
  for (let i = start; i < end; i++) {
    push(text.slice(cursor, tokens[i].start), false);
    push(text.slice(tokens[i].start, tokens[i].end), marked[i]);
    cursor = tokens[i].end;
  }
  // Punctuation that closes the last word stays with it ("Stability)," not "Stability…").
  if (end === tokens.length) push(text.slice(cursor), false);
  else push(`${/^[^\s]*/.exec(text.slice(cursor, tokens[end].start))![0]}…`, false);
  return parts;
}
