import type { SnippetPart } from '../../api';
import type { AnalysedToken } from '../index/text-analysis';

/** Words in a snippet: enough to read a match in context, short enough for a results list. */
export const SNIPPET_WORDS = 36;
/** Words kept before the first mark so a snippet does not start on the matched word. */
const LEAD_WORDS = 8;

/**
 * The part of a passage around its densest run of marked words, as plain-text parts with the marked
 * words flagged. An ellipsis shows where the passage was cut.
 */
export function makeSnippet(
  text: string,
  tokens: readonly AnalysedToken[],
  marked: readonly boolean[],
): SnippetPart[] {
  if (tokens.length === 0) return text === '' ? [] : [{ text, mark: false }];
  const width = Math.min(SNIPPET_WORDS, tokens.length);

  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (marked[i]) count++;
    if (i >= width && marked[i - width]) count--;
    const start = i - width + 1;
    if (start >= 0 && count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  const firstMark = marked.indexOf(true, best);
  let start =
    firstMark >= 0 && firstMark < best + width ? Math.max(0, Math.min(best, firstMark - LEAD_WORDS)) : best;
  start = Math.max(0, Math.min(start, tokens.length - width));
  const end = start + width;

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
  push(end === tokens.length ? text.slice(cursor) : `${text.slice(cursor, cursor + 1).trim()}…`, false);
  return parts;
}
