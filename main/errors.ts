import type { MarginErrorCode, MarginErrorShape } from './api';

/** An error meant for the user: a stable code and a one-line message, never a stack trace. */
export class MarginError extends Error implements MarginErrorShape {
  constructor(
    readonly code: MarginErrorCode,
    message: string,
  ) {
    super(message);
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
