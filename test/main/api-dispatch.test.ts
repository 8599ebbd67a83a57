import { describe, expect, it } from 'vitest';
import { CHANNELS, type MarginApi } from '../../main/api';
import { dispatch, toErrorShape } from '../../main/api-dispatch';
import { LIMITS } from '../../main/annotations/annotation-validation';
import { MarginError } from '../../main/errors';

/**
 * A MarginApi that records what reached it. Dispatch is the gate: the point of these tests is what
 * gets through to the service and what never does.
 */
function recordingApi(): { api: MarginApi; calls: { method: string; args: unknown[] }[] } {
  const calls: { method: string; args: unknown[] }[] = [];
  const api = Object.fromEntries(
    Object.keys(CHANNELS).map((method) => [
      method,
      async (...args: unknown[]) => {
        calls.push({ method, args });
        return `${method} answered`;
      },
    ]),
  ) as unknown as MarginApi;
  return { api, calls };
}

const ANNOTATION_ID = 'urn:uuid:0f8b8a34-5f8c-4c1e-9a57-3f4e0c9d2b11';
const HASH = 'a'.repeat(64);
const RECORD = {
  id: ANNOTATION_ID,
  docId: 'security-concerns',
  docTextHash: HASH,
  motivation: 'highlighting',
  color: 'yellow',
  note: '',
  tags: ['cpec'],
  selectors: [
    { type: 'TextQuoteSelector', exact: 'Gwadar', prefix: 'port of ', suffix: ' in Balochistan' },
    { type: 'TextPositionSelector', start: 10, end: 16 },
  ],
  anchorStatus: 'exact',
  created: '2026-11-29T06:00:00.000Z',
  modified: '2026-11-29T06:00:00.000Z',
};

async function refusal(
  method: unknown,
  args: unknown,
): Promise<{ message: string; reachedService: boolean }> {
  const { api, calls } = recordingApi();
  try {
    await dispatch(api, method, args);
  } catch (error) {
    expect(error).toBeInstanceOf(MarginError);
    expect((error as MarginError).code).toBe('invalid-argument');
    return { message: (error as MarginError).message, reachedService: calls.length > 0 };
  }
  throw new Error(`dispatch accepted ${String(method)}(${JSON.stringify(args)})`);
}

describe('dispatch', () => {
  it.each<[string, unknown[]]>([
    ['getStatus', []],
    ['listDocuments', []],
    ['listAnnotatedDocuments', []],
    ['getDocument', ['security-concerns']],
    ['search', ['Gwadar']],
    ['search', ['"China Pakistan" +port -war title:cpec', { limit: 5, passagesPerDocument: 2 }]],
    ['listAnnotations', ['security-concerns']],
    ['listAllAnnotations', []],
    ['createAnnotation', [{ docId: 'security-concerns', range: { start: 0, end: 5 }, color: 'green' }]],
    [
      'createAnnotation',
      [{ docId: 'security-concerns', range: null, note: 'A note on the whole piece', tags: [] }],
    ],
    ['updateAnnotation', [ANNOTATION_ID, { note: 'changed', color: null }]],
    ['deleteAnnotation', [ANNOTATION_ID]],
    ['updateAnnotation', ['http://example.org/anno/1', { tags: ['imported'] }]],
    ['deleteAnnotation', ['http://example.org/anno/1']],
    ['restoreAnnotation', [{ ...RECORD, id: 'http://example.org/anno/1', docTextHash: '' }]],
    ['restoreAnnotation', [RECORD]],
    ['restoreAnnotation', [{ ...RECORD, selectors: [], anchorStatus: 'document', color: null }]],
    ['exportAnnotations', ['markdown']],
    ['exportAnnotations', ['jsonld', 'security-concerns']],
    ['importAnnotations', ['{"@context":"http://www.w3.org/ns/anno.jsonld"}']],
    ['getPreferences', []],
    ['setPreferences', [{ theme: 'sepia', fontSize: 18.5, lineWidth: 70, librarySort: 'title' }]],
    ['getReadingPosition', ['security-concerns']],
    ['setReadingPosition', ['security-concerns', { blockId: 'p-3f2a', fraction: 0.25 }]],
    ['openExternal', ['https://www.rcas.org.pk/']],
    ['citeDocument', ['security-concerns', 'chicago-notes']],
    ['citeDocument', ['security-concerns', 'apa', 1200]],
    ['exportBibliography', ['ris', ['security-concerns', 'another-doc']]],
    ['setPreferences', [{ citationStyle: 'ieee' }]],
  ])('passes a well-formed %s call through to the service', async (method, args) => {
    const { api, calls } = recordingApi();
    await expect(dispatch(api, method, args)).resolves.toBe(`${method} answered`);
    expect(calls).toEqual([{ method, args }]);
  });

  it('turns optional arguments sent as null (JSON) into left-out arguments', async () => {
    const { api, calls } = recordingApi();
    await dispatch(api, 'search', ['Gwadar', null]);
    await dispatch(api, 'exportAnnotations', ['markdown', null]);
    expect(calls).toEqual([
      { method: 'search', args: ['Gwadar'] },
      { method: 'exportAnnotations', args: ['markdown'] },
    ]);
  });

  it('hands the service the checked values: tags trimmed and without repeats', async () => {
    const { api, calls } = recordingApi();
    await dispatch(api, 'updateAnnotation', [ANNOTATION_ID, { tags: [' cpec ', 'cpec', 'ports'] }]);
    expect(calls).toEqual([
      { method: 'updateAnnotation', args: [ANNOTATION_ID, { tags: ['cpec', 'ports'] }] },
    ]);
  });

  it.each(['deleteEverything', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 42, null])(
    'refuses the unknown method %j without calling anything',
    async (method) => {
      const { message, reachedService } = await refusal(method, []);
      expect(message).toMatch(/Unknown method/);
      expect(reachedService).toBe(false);
    },
  );

  it.each<[string, unknown, RegExp]>([
    ['getStatus', {}, /must be a list/],
    ['getStatus', ['extra'], /takes 0 arguments, not 1/],
    ['getDocument', [], /takes 1 argument, not 0/],
    ['search', ['a', {}, 'extra'], /takes 1 to 2 arguments, not 3/],
    ['getDocument', [42], /^A document id is 1 to 200 lowercase letters/],
    ['getDocument', ['../etc/passwd'], /^A document id/],
    ['getDocument', ['Upper-Case'], /^A document id/],
    ['getDocument', ['a'.repeat(201)], /^A document id is 1 to 200/],
    ['search', [{ query: 'x' }], /query must be a string/],
    ['search', ['x'.repeat(500 + 1)], /query is too long/],
    ['search', ['x', { limit: 0 }], /options.limit must be a whole number from 1 to 100/],
    ['search', ['x', { limit: 101 }], /options.limit/],
    ['search', ['x', { limit: 2.5 }], /options.limit/],
    ['search', ['x', { passagesPerDocument: 21 }], /options.passagesPerDocument/],
    ['search', ['x', { everything: true }], /unknown field "everything"/],
    ['search', ['x', []], /options must be an object/],
    ['createAnnotation', [{}], /input.docId is missing/],
    ['createAnnotation', [{ docId: 'a', range: { start: 5, end: 5 } }], /^.*start < end/],
    ['createAnnotation', [{ docId: 'a', range: { start: 9, end: 3 } }], /^.*start < end/],
    ['createAnnotation', [{ docId: 'a', range: { start: -1, end: 3 } }], /^.*whole-number/],
    ['createAnnotation', [{ docId: 'a', range: { start: '0', end: 3 } }], /^.*whole-number/],
    ['createAnnotation', [{ docId: 'a', range: { start: 0 } }], /^.*whole-number/],
    ['createAnnotation', [{ docId: 'a', color: 'red' }], /^A highlight colour is one of/],
    ['createAnnotation', [{ docId: 'a', note: 7 }], /^A note is text/],
    [
      'createAnnotation',
      [{ docId: 'a', note: 'x'.repeat(LIMITS.noteChars + 1) }],
      /^A note is at most 100,000 characters/,
    ],
    ['createAnnotation', [{ docId: 'a', tags: 'one' }], /^Tags are a list/],
    ['createAnnotation', [{ docId: 'a', tags: ['ok', ''] }], /^A tag cannot be empty/],
    [
      'createAnnotation',
      [{ docId: 'a', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
      /^An annotation has at most 20 tags/,
    ],
    ['createAnnotation', [{ docId: 'a', tags: ['x'.repeat(41)] }], /^A tag is at most 40/],
    ['createAnnotation', [{ docId: 'a', id: ANNOTATION_ID }], /unknown field "id"/],
    [
      'createAnnotation',
      [JSON.parse('{"docId":"a","__proto__":{"admin":true}}')],
      /unknown field "__proto__"/,
    ],
    ['updateAnnotation', ['1234', { note: 'x' }], /^An annotation id is a URI/],
    ['updateAnnotation', [ANNOTATION_ID, { docId: 'b' }], /unknown field "docId"/],
    ['updateAnnotation', [ANNOTATION_ID, null], /patch must be an object/],
    ['deleteAnnotation', ['urn:uuid:has space'], /^An annotation id is a URI/],
    ['deleteAnnotation', [`https://example.org/${'a'.repeat(481)}`], /at most 500 characters/],
    ['restoreAnnotation', [{ ...RECORD, docTextHash: 'short' }], /^docTextHash is a sha256/],
    [
      'restoreAnnotation',
      [{ ...RECORD, motivation: 'bookmarking' }],
      /^motivation is highlighting or commenting/,
    ],
    ['restoreAnnotation', [{ ...RECORD, created: 'yesterday' }], /^created is an ISO date-time/],
    ['restoreAnnotation', [{ ...RECORD, selectors: [RECORD.selectors[0]] }], /^selectors is empty/],
    [
      'restoreAnnotation',
      [{ ...RECORD, selectors: [RECORD.selectors[0], { type: 'TextPositionSelector', start: 4, end: 2 }] }],
      /^A position selector has whole-number offsets with start < end/,
    ],
    [
      'restoreAnnotation',
      [{ ...RECORD, selectors: [RECORD.selectors[1], RECORD.selectors[0]] }],
      /^The first selector is a TextQuoteSelector/,
    ],
    ['exportAnnotations', ['pdf'], /format must be one of "markdown", "jsonld"/],
    ['exportAnnotations', ['markdown', 'Bad Id'], /^A document id/],
    ['importAnnotations', [{}], /^The file to import is not text/],
    ['importAnnotations', [' \n'], /^The file to import is empty/],
    ['setPreferences', [{ theme: 'neon' }], /^theme is one of/],
    ['setPreferences', [{ fontSize: 13 }], /^fontSize is a number of CSS pixels from 14 to 28/],
    ['setPreferences', [{ fontSize: Number.NaN }], /^fontSize/],
    ['setPreferences', [{ lineWidth: 91 }], /^lineWidth is a whole number of characters from 50 to 90/],
    ['setPreferences', [{ librarySort: 'author' }], /^librarySort is date or title/],
    ['setPreferences', [{ zoom: 2 }], /^There is no preference "zoom"/],
    [
      'setReadingPosition',
      ['a', { blockId: 'p1', fraction: 1.5 }],
      /^A reading position has a fraction from 0 to 1/,
    ],
    ['setReadingPosition', ['a', { blockId: '<img>', fraction: 0 }], /^A reading position names a block id/],
    ['setReadingPosition', ['a', { fraction: 0 }], /^A reading position names a block id/],
    ['setReadingPosition', ['a', { blockId: 'p1', fraction: 0, at: 1 }], /unknown field "at"/],
    ['openExternal', [42], /url must be a string/],
    ['openExternal', ['http://www.rcas.org.pk/'], /^Only https links are opened/],
    ['openExternal', [`https://example.com/${'a'.repeat(2048)}`], /^The link is too long/],
    ['citeDocument', ['security-concerns', 'vancouver'], /^style must be one of "apa", "chicago-notes"/],
    ['citeDocument', ['security-concerns', 'apa', -1], /^at must be a whole number from 0/],
    ['citeDocument', ['security-concerns', 'apa', 1.5], /^at must be a whole number/],
    ['citeDocument', ['../secret', 'apa'], /^A document id/],
    ['exportBibliography', ['endnote', ['a']], /^format must be one of "bibtex", "ris", "csl-json"/],
    ['exportBibliography', ['ris', []], /^A bibliography lists 1 to 1000 document ids/],
    ['exportBibliography', ['ris', ['a', 'a']], /^A bibliography names each document once/],
    ['setPreferences', [{ citationStyle: 'harvard1' }], /^citationStyle is one of apa, chicago-notes/],
  ])('refuses %s(%j) with a clear message and calls nothing', async (method, args, message) => {
    const result = await refusal(method, args);
    expect(result.message).toMatch(message);
    expect(result.reachedService).toBe(false);
  });

  it('refuses import text over 20 million characters', async () => {
    const result = await refusal('importAnnotations', ['x'.repeat(LIMITS.importChars + 1)]);
    expect(result.message).toMatch(/^The file to import is too large/);
    expect(result.reachedService).toBe(false);
  });

  it("passes the service's own errors through unchanged", async () => {
    const { api } = recordingApi();
    api.getDocument = async (id) => {
      throw new MarginError('not-found', `There is no document "${id}".`);
    };
    await expect(dispatch(api, 'getDocument', ['nope'])).rejects.toMatchObject({
      code: 'not-found',
      message: 'There is no document "nope".',
    });
  });
});

describe('toErrorShape', () => {
  it("keeps a MarginError's code and message", () => {
    expect(toErrorShape(new MarginError('store-locked', 'Margin is open elsewhere.'))).toEqual({
      code: 'store-locked',
      message: 'Margin is open elsewhere.',
    });
  });

  it('hides the details of an unexpected failure behind a generic message', () => {
    const original = console.error;
    console.error = () => {};
    try {
      const shape = toErrorShape(
        new TypeError("Cannot read properties of undefined (reading 'x') at /home/me/x.js:1"),
      );
      expect(shape.code).toBe('internal');
      expect(shape.message).not.toMatch(/undefined|\/home|TypeError/);
    } finally {
      console.error = original;
    }
  });
});
