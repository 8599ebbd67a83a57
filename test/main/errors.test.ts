import { describe, expect, it } from 'vitest';
import {
  errorDetail,
  jsonSyntaxProblem,
  MAX_DETAIL_LENGTH,
  MAX_MESSAGE_LENGTH,
  MarginError,
  printableLine,
} from '../../main/errors';

/** Text a hostile or broken file can put in a message: line breaks, NUL, ESC, a bidi override, mojibake. */
const HOSTILE =
  'first line\r\nsecond\u0000line\u001b[31mred\u202eesrever\u2028sep\ufeff\ud800Ã©\ufffd\ufffdend';

/** One line of printable characters: no controls, format characters, lone surrogates or U+FFFD. */
const ONE_PRINTABLE_LINE = /^[^\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\ufffd\u2028\u2029]*$/u;

function length(text: string): number {
  return Array.from(text).length;
}

function parseFailure(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error('expected JSON.parse to fail');
}

describe('errors', () => {
  it('makes hostile text one printable line and keeps its readable words', () => {
    const line = printableLine(HOSTILE);
    expect(line).toMatch(ONE_PRINTABLE_LINE);
    expect(line).toBe('first line second?line?[31mred?esrever sep ?Ã©?end');
  });

  it('bounds 10 kB of text, cutting with an ellipsis and never inside a surrogate pair', () => {
    const huge = `${'😀'.repeat(5_000)}\n${'x'.repeat(5_000)}`;
    const line = printableLine(huge);
    expect(length(line)).toBe(MAX_DETAIL_LENGTH);
    expect(line.endsWith('…')).toBe(true);
    expect(line).toMatch(ONE_PRINTABLE_LINE);
    expect(length(printableLine(huge, 20))).toBe(20);
  });

  it('reads any thrown value, even one that cannot be turned into text', () => {
    expect(errorDetail(new Error('disk\nfull'))).toBe('disk full');
    expect(errorDetail('plain words')).toBe('plain words');
    expect(errorDetail({ toString: () => 'x'.repeat(10_000) })).toHaveLength(MAX_DETAIL_LENGTH);
    expect(printableLine(Object.create(null))).toBe('(unreadable)');
  });

  it('gives every MarginError a single printable line, whatever its caller put in', () => {
    const error = new MarginError('invalid-argument', `Bad input: ${HOSTILE}${'y'.repeat(10_000)}`);
    expect(error.message).toMatch(ONE_PRINTABLE_LINE);
    expect(length(error.message)).toBe(MAX_MESSAGE_LENGTH);
    expect(error.toJSON()).toEqual({ code: 'invalid-argument', message: error.message });
  });

  it('says where JSON breaks without quoting any of the text', () => {
    const broken = '{\n  "a": 1,\n  }';
    expect(jsonSyntaxProblem(parseFailure(broken), broken)).toBe('it is not valid JSON (line 3, column 3)');
    expect(jsonSyntaxProblem(parseFailure('{"a":'), '{"a":')).toBe(
      'it is not valid JSON (it ends too early)',
    );
    for (const text of [HOSTILE, 'x'.repeat(10_000), '\u202e{"evil": true}']) {
      expect(jsonSyntaxProblem(parseFailure(text), text)).toBe('it is not valid JSON');
    }
  });
});
