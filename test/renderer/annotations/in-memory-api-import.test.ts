import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { commentary } from '../../main/annotations/commentary-library';
import { InMemoryApi } from './in-memory-api';

const file = (text: string) => new TextEncoder().encode(text);
const BRIEF = file('# Thar coal brief\n\nLignite from Thar feeds two new plants.\n');

describe('InMemoryApi: your own documents, as the service answers them', () => {
  it('imports, finds the same bytes and the same name, removes and restores', async () => {
    const api = new InMemoryApi([commentary()]);
    const importId = randomUUID();
    const imported = await api.importDocument({ importId, name: 'thar.md', bytes: BRIEF });
    expect(imported).toMatchObject({ status: 'imported', title: 'Thar coal brief' });
    expect(await api.getImportProgress(importId)).toEqual({ phase: 'done', done: 1, total: 1 });
    if (imported.status !== 'imported') return;
    expect(imported.docId).toMatch(/^thar-[0-9a-f]{8}$/);
    const rows = await api.listDocuments();
    expect(rows.map((row) => [row.origin, row.kind, row.fileName])).toEqual([
      ['publisher', null, null],
      ['yours', 'markdown', 'thar.md'],
    ]);
    expect(await api.importDocument({ importId: randomUUID(), name: 'copy.md', bytes: BRIEF })).toMatchObject(
      {
        status: 'already-in-library',
        docId: imported.docId,
      },
    );
    const changed = file('# Thar coal brief\n\nLignite from Thar feeds three new plants.\n');
    expect(
      await api.importDocument({ importId: randomUUID(), name: 'thar.md', bytes: changed }),
    ).toMatchObject({
      status: 'same-name',
      docId: imported.docId,
    });
    const replaced = await api.importDocument({
      importId: randomUUID(),
      name: 'thar.md',
      bytes: changed,
      sameName: 'replace',
    });
    expect(replaced).toMatchObject({ status: 'imported', docId: imported.docId });

    expect(await api.removeDocument(imported.docId)).toEqual({
      docId: imported.docId,
      title: 'Thar coal brief',
    });
    expect((await api.listDocuments()).length).toBe(1);
    expect(await api.getDocumentSummary(imported.docId)).toMatchObject({ removed: true, origin: 'yours' });
    expect(await api.restoreDocument(imported.docId)).toMatchObject({ removed: false });
    expect((await api.listDocuments()).length).toBe(2);
  });

  it('refuses a file the importer cannot read, in one line, and keeps nothing', async () => {
    const api = new InMemoryApi([commentary()]);
    const outcome = await api.importDocument({
      importId: randomUUID(),
      name: 'broken.pdf',
      bytes: file('%PDF-1.7\n'),
    });
    expect(outcome.status).toBe('refused');
    expect(outcome.message).toMatch(/^broken\.pdf: /);
    expect((await api.listDocuments()).length).toBe(1);
  });

  it('refuses to remove a document that came with Margin', async () => {
    const api = new InMemoryApi([commentary()]);
    await expect(api.removeDocument(commentary().id)).rejects.toThrow(
      'Only your own documents can be removed.',
    );
  });
});
