import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../../main/api';
import { MarginError } from '../../../main/errors';
import { canonicalText } from '../../../main/library/canonical-text';
import { AnnotationsState } from '../../../renderer/annotations/annotations-state';
import { commentary, secondDocument } from '../../main/annotations/commentary-library';
import { InMemoryApi } from './in-memory-api';

const doc = commentary();
const other = secondDocument();
const text = canonicalText(doc);
const PHRASE = 'security lapses and strained diplomacy';
const range = { start: text.indexOf(PHRASE), end: text.indexOf(PHRASE) + PHRASE.length };

function setUp(): { api: InMemoryApi; state: AnnotationsState; renders: () => number } {
  const api = new InMemoryApi([doc, other]);
  let renders = 0;
  const state = new AnnotationsState(
    () => api,
    () => renders++,
  );
  return { api, state, renders: () => renders };
}

describe('annotations-state', () => {
  it('shows the open document’s notes, and not those of a document the reader already left', async () => {
    const { api, state } = setUp();
    await api.createAnnotation({ docId: doc.id, range, color: 'blue' });
    await api.createAnnotation({ docId: other.id, note: 'on the second one' });

    // The first document's notes arrive after the reader has moved on to the second.
    const release = api.holdNext('listAnnotations');
    const leaving = state.open(doc.id);
    await state.open(other.id);
    release();
    await leaving;
    expect(state.docId).toBe(other.id);
    expect(state.annotations.map((a) => a.note)).toEqual(['on the second one']);

    await state.open(null);
    expect(state.annotations).toEqual([]);
  });

  it('highlights a passage, deletes it with an undo that puts it back, and keeps the notebook in step', async () => {
    const { api, state, renders } = setUp();
    await state.open(doc.id);
    await state.loadAll();
    const before = renders();

    const created = await state.highlight(range, 'green');
    expect(created?.selectors[0]).toMatchObject({ exact: PHRASE });
    expect(state.annotations).toEqual([created]);
    expect(state.all).toEqual([created]);
    expect(renders()).toBeGreaterThan(before);

    await state.remove(created!.id);
    expect(state.annotations).toEqual([]);
    expect(state.all).toEqual([]);
    expect(state.toast).toEqual({ message: 'Highlight deleted', undo: created });

    await state.undo();
    expect(state.annotations).toEqual([created]);
    expect(state.all).toEqual([created]);
    expect(api.records.get(created!.id)).toEqual(created);
    expect(state.toast).toEqual({ message: 'Restored', undo: null });
  });

  it('edits a note in place and adds notes on the whole document', async () => {
    const { state } = setUp();
    await state.open(doc.id);
    const first = await state.highlight(range, 'yellow');
    const note = await state.addDocumentNote('Read again before the seminar.');
    const edited = await state.update(first!.id, { note: 'The *crux*', tags: ['cpec'] });
    expect(state.annotations).toEqual([edited, note]);
    expect(edited).toMatchObject({ note: 'The *crux*', tags: ['cpec'], color: 'yellow' });
    expect(state.revealPlace(note!.id)).toBe('panel');
    expect(state.revealPlace(edited!.id)).toBe('text');
    expect(state.find(note!.id)).toEqual(note);
  });

  it('says in one line what could not be saved and why, and loses nothing already there', async () => {
    const { api, state } = setUp();
    await state.open(doc.id);
    const kept = await state.highlight(range, 'pink');
    api.failNext('createAnnotation', new MarginError('invalid-argument', 'A highlight needs some text.'));

    expect(await state.highlight({ start: 0, end: 0 }, 'blue')).toBeNull();
    expect(state.toast).toEqual({
      message: 'The highlight could not be saved: A highlight needs some text.',
      undo: null,
    });
    expect(state.annotations).toEqual([kept]);

    api.failNext('deleteAnnotation', new MarginError('unavailable', 'The note store is busy.'));
    expect(await state.remove(kept!.id)).toBeNull();
    expect(state.annotations).toEqual([kept]);
    expect(state.toast?.message).toBe('It could not be deleted: The note store is busy.');
  });

  it('hands each exported file over to be saved and says so, or that there is nothing yet', async () => {
    const { state } = setUp();
    await state.open(doc.id);
    const saved: ExportedFile[] = [];
    await state.export('jsonld', doc.id, (file) => saved.push(file));
    expect(saved).toEqual([]);
    expect(state.toast?.message).toBe('There is nothing to export yet');

    await state.highlight(range, 'purple');
    await state.export('jsonld', doc.id, (file) => saved.push(file));
    expect(saved.map((file) => file.name)).toEqual([`${doc.id}-notes.jsonld`]);
    expect(state.toast?.message).toBe(`Saved ${doc.id}-notes.jsonld`);
  });

  it('exports a bibliography of every document with notes, or says there is none yet', async () => {
    const { state } = setUp();
    await state.open(doc.id);
    const saved: ExportedFile[] = [];
    await state.exportBibliography('ris', null, (file) => saved.push(file));
    expect(saved).toEqual([]);
    expect(state.toast?.message).toBe('There is nothing to export yet');

    await state.highlight(range, 'blue');
    await state.exportBibliography('ris', null, (file) => saved.push(file));
    expect(saved.map((file) => file.name)).toEqual(['margin-bibliography.ris']);
    expect(saved[0].content).toContain(`TI  - ${doc.title}`);
    expect(state.toast?.message).toBe('Saved margin-bibliography.ris');
  });

  it('copies the bare quote and says why when a citation cannot be made', async () => {
    const { api, state } = setUp();
    await state.open(doc.id);
    api.failNext(
      'citeDocument',
      new MarginError('unavailable', 'The citation style file apa.csl is missing.'),
    );
    expect(await state.citation(PHRASE, range.start, 'apa')).toBeNull();
    expect(state.toast?.message).toBe(
      'The citation could not be made, so only the quote was copied: The citation style file apa.csl is missing.',
    );
  });

  it('imports a file, reports what it merged and shows the records; a bad file changes nothing', async () => {
    const source = setUp();
    await source.state.open(doc.id);
    await source.state.highlight(range, 'blue');
    const [file] = await source.api.exportAnnotations('jsonld');

    const { state } = setUp();
    await state.open(doc.id);
    await state.loadAll();
    await state.import(file.content);
    expect(state.importReport).toEqual({ added: 1, updated: 0, skipped: 0, problems: [] });
    expect(state.annotations.map((a) => a.selectors[0]?.exact)).toEqual([PHRASE]);
    expect(state.all).toHaveLength(1);

    await state.import('not an export');
    expect(state.importReport).toBeNull();
    expect(state.toast?.message).toBe(
      'That file could not be imported: The file is neither Margin Markdown nor JSON-LD.',
    );
    expect(state.annotations).toHaveLength(1);
  });

  it('cites a quote in the chosen style from the open document, and a passage lost in a new edition is shown in the panel', async () => {
    const { api, state } = setUp();
    const lost = await api.createAnnotation({ docId: doc.id, range, color: 'yellow' });
    api.records.set(lost.id, { ...lost, anchorStatus: 'orphaned' });
    await state.open(doc.id);
    const cited = await state.citation(PHRASE, range.start, 'mla');
    expect(cited?.text).toContain(`Ali, Ghulam. ${doc.title}.`);
    expect(cited?.html).toContain(`<i>${doc.title}</i>`);
    expect(state.revealPlace(lost.id)).toBe('panel-orphaned');
    expect(state.toast?.message).toBe(
      'That passage is not in this edition; its note is kept in the notes panel.',
    );
  });

  it('keeps the notes of a removed document of the reader’s in the notebook, under its title, marked removed', async () => {
    const { api, state } = setUp();
    const outcome = await api.importDocument({
      importId: '00000000-0000-4000-8000-000000000001',
      name: 'memo.md',
      bytes: new TextEncoder().encode('# Water and the Indus\n\nThe treaty has held since 1960.\n'),
    });
    if (outcome.status !== 'imported') throw new Error(outcome.message);
    await api.createAnnotation({ docId: outcome.docId, note: 'check the 1960 annex' });
    await api.removeDocument(outcome.docId);

    await state.loadAll();
    expect(state.all?.map((a) => a.note)).toEqual(['check the 1960 annex']);
    // Only the documents with notes come across, not the library: the bundled ones have none.
    expect(state.documents.map((summary) => summary.id)).toEqual([outcome.docId]);
    expect(state.documents[0]).toMatchObject({
      title: 'Water and the Indus',
      removed: true,
      origin: 'yours',
    });
    expect(api.calls).not.toContain('listDocuments');
    expect((await api.listDocuments()).some((summary) => summary.id === outcome.docId)).toBe(false);

    // A removed document is not in "every document with notes" of a bibliography.
    const saved: ExportedFile[] = [];
    await state.exportBibliography('ris', null, (file) => saved.push(file));
    expect(saved).toEqual([]);
    expect(state.toast?.message).toBe('There is nothing to export yet');
  });
});
