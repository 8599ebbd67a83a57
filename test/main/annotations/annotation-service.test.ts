import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, AnnotationInput, Document, MarginApi } from '../../../main/api';
import { dispatch, isMarginMethod } from '../../../main/api-dispatch';
import { createAnnotationService } from '../../../main/annotations/annotation-service';
import type { AnnotationService } from '../../../main/annotations/annotation-service';
import { openAnnotationStore } from '../../../main/annotations/store/annotation-store';
import { MAX_NOTE_LENGTH } from '../../../main/annotations/annotation-validation';
import { MarginError } from '../../../main/errors';
import { canonicalText } from '../../../main/library/canonical-text';
import { commentary, libraryOf, secondDocument } from './commentary-library';

const v1 = commentary();
const text = canonicalText(v1);
let dataDir: string;
let services: AnnotationService[] = [];

/** The service as every caller reaches it: each contract method through the API gate. */
function gated(service: AnnotationService): AnnotationService {
  return new Proxy(service, {
    get(target, key, receiver) {
      if (typeof key === 'string' && isMarginMethod(key)) {
        return (...args: unknown[]) => dispatch(target as unknown as MarginApi, key, args);
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

function serviceFor(...documents: Document[]): AnnotationService {
  const service = createAnnotationService({
    store: openAnnotationStore({ dataDir }),
    library: libraryOf(...documents),
  });
  services.push(service);
  return gated(service);
}

function reopen(...documents: Document[]): AnnotationService {
  for (const service of services.splice(0)) service.close();
  return serviceFor(...documents);
}

function rangeOf(phrase: string, doc: Document = v1): { start: number; end: number } {
  const start = canonicalText(doc).indexOf(phrase);
  if (start === -1) throw new Error(`not in the text: ${phrase}`);
  return { start, end: start + phrase.length };
}

async function rejection(promise: Promise<unknown>): Promise<MarginError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MarginError) return error;
    throw error;
  }
  throw new Error('expected a MarginError');
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'margin-service-'));
  services = [];
});

afterEach(() => {
  for (const service of services.splice(0)) service.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const SENTENCE =
  'security lapses and strained diplomacy are testing the limits of their traditionally strong ties';

describe('annotation-service', () => {
  it('creates a highlight from the canonical text, never from anything the renderer sends, and keeps it', async () => {
    const service = serviceFor(v1);
    const input: AnnotationInput = { docId: v1.id, range: rangeOf(SENTENCE) };
    const forged = { ...input, quote: 'forged quote' } as AnnotationInput;
    expect((await rejection(service.createAnnotation(forged))).code).toBe('invalid-argument');
    const created = await service.createAnnotation(input);
    expect(created.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(created).toMatchObject({
      docId: v1.id,
      docTextHash: v1.textHash,
      motivation: 'highlighting',
      color: 'yellow',
      note: '',
      tags: [],
      anchorStatus: 'exact',
    });
    const [quote, position] = created.selectors as Exclude<Annotation['selectors'], []>;
    expect(quote.exact).toBe(SENTENCE);
    expect(quote.prefix.length).toBeGreaterThanOrEqual(32);
    expect(quote.suffix.length).toBeGreaterThanOrEqual(32);
    expect(text.slice(position.start, position.end)).toBe(SENTENCE);

    const later = reopen(v1);
    expect(await later.listAnnotations(v1.id)).toEqual([created]);
  });

  it('leaves out white space dragged along at the edges of a selection', async () => {
    const service = serviceFor(v1);
    const { start, end } = rangeOf(SENTENCE);
    const created = await service.createAnnotation({
      docId: v1.id,
      range: { start: start - 1, end: end },
      color: 'green',
    });
    expect(created.selectors[0]?.exact).toBe(SENTENCE);
    expect(created.color).toBe('green');
  });

  it('makes a highlight with a note a comment, and a note on the whole document a document note listed first', async () => {
    const service = serviceFor(v1);
    const highlight = await service.createAnnotation({
      docId: v1.id,
      range: rangeOf(SENTENCE),
      note: 'Key *claim*.',
      tags: ['cpec', 'cpec ', 'security'],
    });
    expect(highlight.motivation).toBe('commenting');
    expect(highlight.tags).toEqual(['cpec', 'security']);
    const earlier = await service.createAnnotation({
      docId: v1.id,
      range: rangeOf('Chinese Ambassador to Pakistan Jiang Zaidong'),
    });
    const documentNote = await service.createAnnotation({ docId: v1.id, note: 'Read with the 2023 report.' });
    expect(documentNote).toMatchObject({
      selectors: [],
      anchorStatus: 'document',
      motivation: 'commenting',
      color: null,
    });
    expect((await service.listAnnotations(v1.id)).map((a) => a.id)).toEqual([
      documentNote.id,
      earlier.id,
      highlight.id,
    ]);
  });

  it('updates colour, note and tags, moving `modified` forward and keeping `created`', async () => {
    const service = serviceFor(v1);
    const created = await service.createAnnotation({ docId: v1.id, range: rangeOf(SENTENCE) });
    const updated = await service.updateAnnotation(created.id, {
      color: 'purple',
      note: 'Now a comment',
      tags: ['later'],
    });
    expect(updated).toMatchObject({
      color: 'purple',
      note: 'Now a comment',
      tags: ['later'],
      motivation: 'commenting',
      created: created.created,
    });
    expect(Date.parse(updated.modified)).toBeGreaterThan(Date.parse(created.modified));
    const cleared = await service.updateAnnotation(created.id, { note: '' });
    expect(cleared.motivation).toBe('highlighting');
    const later = reopen(v1);
    expect((await later.listAnnotations(v1.id))[0]).toEqual(cleared);
  });

  it('deletes a record, returns it for undo, and restores it exactly', async () => {
    const service = serviceFor(v1);
    const created = await service.createAnnotation({
      docId: v1.id,
      range: rangeOf(SENTENCE),
      note: 'n',
      tags: ['t'],
    });
    const removed = await service.deleteAnnotation(created.id);
    expect(removed).toEqual(created);
    expect(await service.listAnnotations(v1.id)).toEqual([]);
    expect((await rejection(service.deleteAnnotation(created.id))).code).toBe('not-found');
    expect(await service.restoreAnnotation(removed)).toEqual(created);
    expect(await service.restoreAnnotation(removed)).toEqual(created); // a second undo changes nothing
    expect(await service.listAnnotations(v1.id)).toEqual([created]);
  });

  const badInputs: Array<[string, unknown, string]> = [
    ['not an object', 'highlight this', 'invalid-argument'],
    ['a malformed document id', { docId: '../etc', range: { start: 0, end: 5 } }, 'invalid-argument'],
    ['an unknown document', { docId: 'no-such-doc', range: { start: 0, end: 5 } }, 'not-found'],
    [
      'a range past the end of the text',
      { docId: v1.id, range: { start: text.length - 2, end: text.length + 5 } },
      'invalid-argument',
    ],
    ['an empty range', { docId: v1.id, range: { start: 10, end: 10 } }, 'invalid-argument'],
    ['a reversed range', { docId: v1.id, range: { start: 20, end: 10 } }, 'invalid-argument'],
    ['fractional offsets', { docId: v1.id, range: { start: 1.5, end: 10 } }, 'invalid-argument'],
    [
      'a range of white space only',
      { docId: v1.id, range: { start: text.indexOf('\n\n'), end: text.indexOf('\n\n') + 2 } },
      'invalid-argument',
    ],
    ['an unknown colour', { docId: v1.id, range: { start: 0, end: 7 }, color: 'orange' }, 'invalid-argument'],
    [
      'a note over 100,000 characters',
      { docId: v1.id, range: { start: 0, end: 7 }, note: 'x'.repeat(MAX_NOTE_LENGTH + 1) },
      'invalid-argument',
    ],
    [
      '21 tags',
      { docId: v1.id, range: { start: 0, end: 7 }, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      'invalid-argument',
    ],
    [
      'a tag over 40 characters',
      { docId: v1.id, range: { start: 0, end: 7 }, tags: ['x'.repeat(41)] },
      'invalid-argument',
    ],
    ['an empty tag', { docId: v1.id, range: { start: 0, end: 7 }, tags: ['  '] }, 'invalid-argument'],
    [
      'tags that are not a list',
      { docId: v1.id, range: { start: 0, end: 7 }, tags: 'cpec' },
      'invalid-argument',
    ],
    ['a document note without text', { docId: v1.id, note: '   ' }, 'invalid-argument'],
  ];
  for (const [name, input, code] of badInputs) {
    it(`refuses ${name} with ${code} and stores nothing`, async () => {
      const service = serviceFor(v1);
      expect((await rejection(service.createAnnotation(input as AnnotationInput))).code).toBe(code);
      expect(await service.listAllAnnotations()).toEqual([]);
    });
  }

  it('refuses a bad change or a bad record to restore, and changes nothing', async () => {
    const service = serviceFor(v1);
    const created = await service.createAnnotation({ docId: v1.id, range: rangeOf(SENTENCE) });
    for (const patch of [{ color: 'orange' }, { color: null }, { tags: ['ok', ''] }, { note: 5 }]) {
      expect((await rejection(service.updateAnnotation(created.id, patch as never))).code).toBe(
        'invalid-argument',
      );
    }
    expect(
      (
        await rejection(
          service.updateAnnotation('urn:uuid:00000000-0000-4000-8000-000000000000', { note: 'x' }),
        )
      ).code,
    ).toBe('not-found');
    const broken = {
      ...created,
      id: 'urn:uuid:11111111-1111-4111-8111-111111111111',
      selectors: [],
      anchorStatus: 'exact',
    } as Annotation;
    expect((await rejection(service.restoreAnnotation(broken))).code).toBe('invalid-argument');
    // A change of nothing is no change at all: not even `modified` moves.
    expect(await service.updateAnnotation(created.id, {})).toEqual(created);
    expect(await service.listAllAnnotations()).toEqual([created]);
  });

  it('re-anchors when the document text changed: exact, fuzzy or orphaned, saved, with the original quote kept for orphans', async () => {
    const service = serviceFor(v1);
    const moved = await service.createAnnotation({
      docId: v1.id,
      range: rangeOf('Pakistani law prohibits foreign security companies'),
    });
    const edited = await service.createAnnotation({
      docId: v1.id,
      range: rangeOf(SENTENCE),
      note: 'edited in v2',
    });
    const gone = await service.createAnnotation({
      docId: v1.id,
      range: rangeOf('Currently, Balochistan is experiencing its fifth wave of insurgency.'),
    });
    const documentNote = await service.createAnnotation({ docId: v1.id, note: 'whole document' });

    const v2 = commentary([
      ['recently criticized the repeated attacks', 'recently and publicly criticized the repeated attacks'],
      ['strained diplomacy are testing', 'strained diplomatic contacts are testing'],
      [' Currently, Balochistan is experiencing its fifth wave of insurgency.', ''],
    ]);
    expect(v2.textHash).not.toBe(v1.textHash);
    const v2Text = canonicalText(v2);
    const later = reopen(v2);
    const listed = await later.listAnnotations(v1.id);
    const byId = new Map(listed.map((a) => [a.id, a]));

    const slice = (a: Annotation | undefined): string =>
      a?.selectors[1] ? v2Text.slice(a.selectors[1].start, a.selectors[1].end) : '';
    expect(byId.get(moved.id)?.anchorStatus).toBe('exact');
    expect(slice(byId.get(moved.id))).toBe('Pakistani law prohibits foreign security companies');
    expect(byId.get(edited.id)?.anchorStatus).toBe('fuzzy');
    expect(slice(byId.get(edited.id))).toBe(
      'security lapses and strained diplomatic contacts are testing the limits of their traditionally strong ties',
    );
    expect(byId.get(gone.id)).toMatchObject({
      anchorStatus: 'orphaned',
      selectors: gone.selectors,
      modified: gone.modified,
    });
    expect(byId.get(documentNote.id)?.anchorStatus).toBe('document');
    expect(listed.at(-1)?.id).toBe(gone.id); // orphans after the anchored highlights

    // Saved: a fresh start on v2 sees the new anchors without re-anchoring again.
    const again = reopen(v2);
    expect(await again.listAnnotations(v1.id)).toEqual(listed);
    expect(
      (await again.listAnnotations(v1.id)).every(
        (a) => a.selectors.length === 0 || a.docTextHash === v2.textHash,
      ),
    ).toBe(true);
  });

  it('keeps and lists the notes of a document that left the library, untouched', async () => {
    const other = secondDocument();
    const service = serviceFor(v1, other);
    const kept = await service.createAnnotation({
      docId: other.id,
      range: rangeOf(SENTENCE, other),
      note: 'keep me',
    });
    const later = reopen(v1);
    expect(await later.listAnnotations(other.id)).toEqual([kept]);
    expect(await later.listAllAnnotations()).toEqual([kept]);
    expect((await rejection(later.listAnnotations('never-existed'))).code).toBe('not-found');
    const [file] = await later.exportAnnotations('markdown', other.id);
    expect(file.content).toContain('keep me');
  });

  it('lists every annotation of every document and counts them per document', async () => {
    const other = secondDocument();
    const service = serviceFor(v1, other);
    await service.createAnnotation({ docId: v1.id, range: rangeOf(SENTENCE) });
    await service.createAnnotation({ docId: other.id, note: 'on the other one' });
    await service.createAnnotation({ docId: other.id, range: rangeOf(SENTENCE, other) });
    expect((await service.listAllAnnotations()).map((a) => a.docId)).toEqual([v1.id, other.id, other.id]);
    expect(service.countByDocument()).toEqual(
      new Map([
        [v1.id, 1],
        [other.id, 2],
      ]),
    );
  });

  it('finds highlights and notes by quote, note and tag, accent-insensitively, with the matches marked', async () => {
    const service = serviceFor(v1);
    const highlight = await service.createAnnotation({
      docId: v1.id,
      range: rangeOf(SENTENCE),
      note: 'The Zaïdong remarks matter',
      tags: ['bilateral'],
    });
    const other = await service.createAnnotation({
      docId: v1.id,
      range: rangeOf('Pakistani law prohibits foreign security companies'),
    });
    const titles = new Map([[v1.id, v1.title]]);

    const byNote = service.searchAnnotations('zaidong', titles);
    expect(byNote.map((h) => h.annotationId)).toEqual([highlight.id]);
    expect(byNote[0]).toMatchObject({ docTitle: v1.title, color: 'yellow', quote: SENTENCE });
    expect(byNote[0].snippet.filter((part) => part.mark).map((part) => part.text)).toEqual(['Zaïdong']);

    expect(service.searchAnnotations('prohib*', titles).map((h) => h.annotationId)).toEqual([other.id]);
    expect(service.searchAnnotations('tag:bilateral', titles).map((h) => h.annotationId)).toEqual([
      highlight.id,
    ]);
    expect(service.searchAnnotations('security -law', titles).map((h) => h.annotationId)).toEqual([
      highlight.id,
    ]);
    expect(
      service.searchAnnotations('"foreign security companies"', titles).map((h) => h.annotationId),
    ).toEqual([other.id]);

    await service.deleteAnnotation(other.id);
    expect(service.searchAnnotations('prohibits', titles)).toEqual([]); // the index follows changes
  });
});
