import { describe, expect, it } from 'vitest';
import { canonicalText } from '../../../main/library/canonical-text';
import { DEFAULT_PREFERENCES } from '../../../main/shared/preference-defaults';
import { passageFromHash, preferencePatchFor, resolvePassage } from '../../../renderer/app/shell-commands';
import { commentary } from '../../main/annotations/commentary-library';
import { InMemoryApi } from '../annotations/in-memory-api';

const ID = 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e';

describe('shell-commands', () => {
  it('steps text size and line width within their ranges, and sets the theme', () => {
    const prefs = { ...DEFAULT_PREFERENCES, fontSize: 18, lineWidth: 68 };
    expect(preferencePatchFor('text-bigger', prefs)).toEqual({ fontSize: 19 });
    expect(preferencePatchFor('text-smaller', prefs)).toEqual({ fontSize: 17 });
    expect(preferencePatchFor('line-wider', prefs)).toEqual({ lineWidth: 70 });
    expect(preferencePatchFor('line-narrower', prefs)).toEqual({ lineWidth: 66 });
    expect(preferencePatchFor('theme-dark', prefs)).toEqual({ theme: 'dark' });
    // At an end, or already so: nothing to save.
    expect(preferencePatchFor('text-bigger', { ...prefs, fontSize: 28 })).toBeNull();
    expect(preferencePatchFor('line-narrower', { ...prefs, lineWidth: 50 })).toBeNull();
    expect(preferencePatchFor('theme-system', { ...prefs, theme: 'system' })).toBeNull();
    expect(preferencePatchFor('library', prefs)).toBeNull();
  });

  it('reads the browser host’s #/open/ address, and nothing else', () => {
    expect(passageFromHash('#/open/gwadar')).toEqual({ docId: 'gwadar' });
    expect(passageFromHash(`#/open/gwadar/${encodeURIComponent(ID)}`)).toEqual({
      docId: 'gwadar',
      annotationId: ID,
    });
    // A note imported from another tool keeps its own id, a URL: encoded, it is one path segment.
    const imported = 'https://notes.example.org/annotations/7';
    expect(passageFromHash(`#/open/gwadar/${encodeURIComponent(imported)}`)).toEqual({
      docId: 'gwadar',
      annotationId: imported,
    });
    for (const hash of [
      '#/read/gwadar',
      '#/open/',
      '#/open/../x',
      '#/open/gwadar/javascript:alert(1)',
      '#/open/gwadar/%E0%A4%A',
      `#/open/${'a'.repeat(201)}`,
      `#/open/gwadar/${ID}/more`,
    ])
      expect(passageFromHash(hash), hash).toBeNull();
  });

  it('opens a link’s passage, its document alone when the highlight is gone, and nothing for an unknown or removed document', async () => {
    const doc = commentary();
    const api = new InMemoryApi([doc]);
    const text = canonicalText(doc);
    const created = await api.createAnnotation({
      docId: doc.id,
      range: { start: 0, end: 40 },
      color: 'blue',
    });
    expect(text.length).toBeGreaterThan(40);

    expect(await resolvePassage(api, { docId: doc.id, annotationId: created.id })).toEqual({
      open: { docId: doc.id, annotationId: created.id },
      notice: null,
    });
    const gone = await resolvePassage(api, { docId: doc.id, annotationId: ID });
    expect(gone.open).toEqual({ docId: doc.id });
    expect(gone.notice).toMatch(/not in your notes any more; “.+” is open instead\.$/);
    const unknown = await resolvePassage(api, { docId: 'no-such-document' });
    expect(unknown).toEqual({
      open: null,
      notice: 'The link leads to a document this library does not have (no-such-document).',
    });

    // A document of the reader's that was removed is not one the library has (its notes are kept).
    const outcome = await api.importDocument({
      importId: '00000000-0000-4000-8000-000000000001',
      name: 'memo.md',
      bytes: new TextEncoder().encode('# Water and the Indus\n\nThe treaty has held since 1960.\n'),
    });
    if (outcome.status !== 'imported') throw new Error(outcome.message);
    expect(await resolvePassage(api, { docId: outcome.docId })).toEqual({
      open: { docId: outcome.docId },
      notice: null,
    });
    await api.removeDocument(outcome.docId);
    expect(await resolvePassage(api, { docId: outcome.docId })).toEqual({
      open: null,
      notice: `The link leads to a document this library does not have (${outcome.docId}).`,
    });
    expect(api.calls).not.toContain('listDocuments');
  });
});
