import type { MarginErrorCode, MarginErrorShape } from './api';

/** How much of a parser's, SQLite's or the file system's own words a message may carry. */
export const MAX_DETAIL_LENGTH = 200;
/** Longest message a MarginError carries (room for a long file path and a sentence or two). */
export const MAX_MESSAGE_LENGTH = 2000;

/** Runs of white space, line breaks (U+2028/2029 too) and the byte-order mark. */
const WHITE_SPACE = /\s+/gu;
/**
 * What must never reach a message: controls (NUL, ESC, DEL, C1), format characters (bidi overrides like
 * U+202E that reverse the words around them, zero-width characters), lone surrogates, private-use and
 * unassigned code points, and U+FFFD, the mark of bytes decoded in the wrong encoding.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\uFFFD]+/gu;

/**
 * Text from outside Margin (a parser's message, a file name, an id from an import file) made safe to
 * show: one line, printable characters only (each unprintable run becomes `?`), at most `maxLength`
 * characters (cut with `…`, never inside a surrogate pair).
 */
export function printableLine(text: unknown, maxLength: number = MAX_DETAIL_LENGTH): string {
  let raw: string;
  try {
    raw = String(text);
  } catch {
    raw = '(unreadable)';
  }
  const line = raw.replace(WHITE_SPACE, ' ').replace(UNPRINTABLE, '?').trim();
  const characters = Array.from(line);
  return characters.length <= maxLength ? line : `${characters.slice(0, maxLength - 1).join('')}…`;
}

/** What a caught error says, as a printable line (see `printableLine`). */
export function errorDetail(error: unknown): string {
  return printableLine(error instanceof Error ? error.message : error);
}

/**
 * Why `text` is not JSON, in Margin's words: V8's own message quotes the start of the text (its line
 * breaks, controls and mojibake), so only the place of the fault is taken from it.
 */
export function jsonSyntaxProblem(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : '';
  const position = /at position (\d+)/.exec(message);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return `it is not valid JSON (line ${line}, column ${column})`;
  }
  if (/end of JSON input/.test(message)) return 'it is not valid JSON (it ends too early)';
  return 'it is not valid JSON';
}

/** An error meant for the user: a stable code and a one-line message, never a stack trace. */
export class MarginError extends Error implements MarginErrorShape {
  constructor(
    readonly code: MarginErrorCode,
    message: string,
  ) {
    // Whatever a caller put in, the user sees one printable line.
    super(printableLine(message, MAX_MESSAGE_LENGTH));
    this.name = 'MarginError';
  }

  toJSON(): MarginErrorShape {
    return { code: this.code, message: this.message };
  }
}

/** A content file that cannot be parsed: names the file and, where it applies, the line. */
export class ContentError extends MarginError {
  constructor(
    readonly file: string,
    readonly line: number | null,
    detail: string,
  ) {
    super('invalid-argument', `${file}${line === null ? '' : `:${line}`}: ${detail}`);
    this.name = 'ContentError';
  }
}
