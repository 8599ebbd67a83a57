import { describe, expect, it } from 'vitest';
import type { ImportOutcome, ImportRequest } from '../../../main/api';
import { MarginError } from '../../../main/errors';
import { ImportQueue, type ImportRow, type ImportSource } from '../../../renderer/imports/import-queue';
import { commentary } from '../../main/annotations/commentary-library';
import { InMemoryApi } from '../annotations/in-memory-api';

/** The in-memory API, counting how many imports run at the same moment. */
class CountingApi extends InMemoryApi {
  running = 0;
  mostAtOnce = 0;

  override async importDocument(request: ImportRequest): Promise<ImportOutcome> {
    this.running++;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
    try {
      return await super.importDocument(request);
    } finally {
      this.running--;
    }
  }
}

const encoder = new TextEncoder();

function file(name: string, text: string): ImportSource {
  return { name, read: async () => encoder.encode(text) };
}

const MEMO = '# Water and the Indus\n\nThe treaty has held since 1960, through three wars.\n';
const NOTES = 'Field notes from Gwadar\n\nThe port is quiet in the mornings.\n\nTrucks arrive after noon.\n';

function setUp() {
  const api = new CountingApi([commentary()]);
  const settled: ImportRow[] = [];
  const asked: ImportRow[] = [];
  let renders = 0;
  let ids = 0;
  const queue = new ImportQueue({
    api: () => api,
    changed: () => renders++,
    settled: (row) => settled.push(row),
    asking: (row) => asked.push(row),
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    pollMs: 5,
  });
  return { api, queue, settled, asked, renders: () => renders };
}

/** Waits until `check` holds (the queue polls on timers). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
}

const statuses = (queue: ImportQueue) => queue.rows.map((row) => [row.name, row.status]);

describe('import-queue', () => {
  it('imports several files one after another, each row ending in its result, and the library lists them as yours', async () => {
    const { api, queue, settled } = setUp();
    await queue.add([file('water.md', MEMO), file('gwadar.txt', NOTES)]);

    expect(statuses(queue)).toEqual([
      ['water.md', 'imported'],
      ['gwadar.txt', 'imported'],
    ]);
    expect(api.mostAtOnce).toBe(1);
    expect(queue.rows[0].message).toBe('Imported “Water and the Indus”.');
    expect(settled.map((row) => [row.name, row.alone])).toEqual([
      ['water.md', false],
      ['gwadar.txt', false],
    ]);
    const yours = (await api.listDocuments()).filter((doc) => doc.origin === 'yours');
    expect(yours.map((doc) => [doc.title, doc.kind, doc.fileName])).toEqual([
      ['Water and the Indus', 'markdown', 'water.md'],
      ['Field notes from Gwadar', 'text', 'gwadar.txt'],
    ]);
    expect(queue.rows.map((row) => row.docId)).toEqual(yours.map((doc) => doc.id));
    expect(queue.busy).toBe(false);
  });

  it('takes files dropped while others import after them, still one at a time', async () => {
    const { api, queue } = setUp();
    const release = api.holdNext('importDocument');
    const first = queue.add([file('water.md', MEMO)]);
    await until(() => queue.rows[0]?.status === 'importing');
    const second = queue.add([file('gwadar.txt', NOTES)]);
    expect(statuses(queue)).toEqual([
      ['water.md', 'importing'],
      ['gwadar.txt', 'waiting'],
    ]);
    release();
    await Promise.all([first, second]);
    expect(statuses(queue)).toEqual([
      ['water.md', 'imported'],
      ['gwadar.txt', 'imported'],
    ]);
    expect(api.mostAtOnce).toBe(1);
    expect(queue.rows.map((row) => row.alone)).toEqual([true, true]);
  });

  it('shows the progress main reports while the call runs, and stops asking once it is done', async () => {
    const { api, queue } = setUp();
    const release = api.holdNext('importDocument');
    const done = queue.add([file('water.md', MEMO)]);
    await until(() => queue.rows[0]?.progress !== null);
    expect(queue.rows[0].progress).toEqual({ phase: 'reading', done: 0, total: 1 });
    release();
    await done;
    expect(queue.rows[0].progress).toBeNull();
    const asked = api.calls.filter((method) => method === 'getImportProgress').length;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(api.calls.filter((method) => method === 'getImportProgress').length).toBe(asked);
  });

  it('cancels a running import through main, and the library stays as it was', async () => {
    const { api, queue, settled } = setUp();
    const before = await api.listDocuments();
    const release = api.holdNext('importDocument');
    const done = queue.add([file('water.md', MEMO)]);
    await until(() => queue.rows[0]?.status === 'importing' && api.calls.includes('importDocument'));
    await queue.cancel(queue.rows[0].key);
    expect(api.calls).toContain('cancelImport');
    release();
    await done;
    expect(statuses(queue)).toEqual([['water.md', 'cancelled']]);
    expect(settled.map((row) => row.status)).toEqual(['cancelled']);
    expect(await api.listDocuments()).toEqual(before);
  });

  it('drops a waiting file at once when it is cancelled, without calling main for it', async () => {
    const { api, queue } = setUp();
    const release = api.holdNext('importDocument');
    const done = queue.add([file('water.md', MEMO), file('gwadar.txt', NOTES)]);
    await until(() => queue.rows[0]?.status === 'importing');
    await queue.cancel(queue.rows[1].key);
    expect(statuses(queue)).toEqual([
      ['water.md', 'importing'],
      ['gwadar.txt', 'cancelled'],
    ]);
    release();
    await done;
    expect(api.calls.filter((method) => method === 'importDocument')).toHaveLength(1);
    expect(statuses(queue)[0]).toEqual(['water.md', 'imported']);
  });

  it('says a file is already in the library when the same bytes come again, naming that document', async () => {
    const { queue } = setUp();
    await queue.add([file('water.md', MEMO)]);
    await queue.add([file('water copy.md', MEMO)]);
    const [first, again] = queue.rows;
    expect(again.status).toBe('already-in-library');
    expect(again.docId).toBe(first.docId);
    expect(again.message).toBe('“Water and the Indus” is already in your library.');
  });

  it('asks about a changed file of the same name, then keeps both or replaces as the reader chooses', async () => {
    const { api, queue, settled, asked } = setUp();
    await queue.add([file('water.md', MEMO)]);
    const original = queue.rows[0].docId;

    await queue.add([file('water.md', `${MEMO}\nA second edition adds this paragraph.\n`)]);
    const asking = queue.rows[1];
    expect(asking.status).toBe('same-name');
    expect(asking.docId).toBe(original);
    expect(settled).toHaveLength(1);
    expect(asked.map((row) => row.message)).toEqual(['A different “water.md” is already in your library.']);

    await queue.chooseSameName(asking.key, 'keep-both');
    expect(queue.rows[1].status).toBe('imported');
    expect(queue.rows[1].docId).not.toBe(original);

    await queue.add([file('water.md', `${MEMO}\nA third edition.\n`)]);
    await queue.chooseSameName(queue.rows[2].key, 'replace');
    expect(queue.rows[2].status).toBe('imported');
    expect(queue.rows[2].docId).toBe(original);
    const yours = (await api.listDocuments()).filter((doc) => doc.origin === 'yours');
    expect(yours).toHaveLength(2);
  });

  it('refuses a file that is not what its name says in one line, and goes on with the next file', async () => {
    const { api, queue } = setUp();
    await queue.add([file('report.pdf', 'This is plain text, not a PDF.'), file('gwadar.txt', NOTES)]);
    const [refused, next] = queue.rows;
    expect(refused.status).toBe('refused');
    expect(refused.message).toMatch(/^report\.pdf: the name says .*PDF.* but the file is/);
    expect(refused.message).not.toMatch(/\n/);
    expect(refused.docId).toBeNull();
    expect(next.status).toBe('imported');
    expect((await api.listDocuments()).map((doc) => doc.fileName)).toEqual([null, 'gwadar.txt']);
  });

  it('turns a file that cannot be read, or a call main rejects, into a refused row with the reason on one line', async () => {
    const { api, queue } = setUp();
    api.failNext('importDocument', new MarginError('invalid-argument', 'The file is too large\nfor Margin.'));
    const unreadable: ImportSource = {
      name: 'gone.txt',
      read: () => Promise.reject(new Error('gone.txt could not be read: it was moved or deleted.')),
    };
    await queue.add([file('big.txt', NOTES), unreadable]);
    expect(queue.rows.map((row) => [row.status, row.message])).toEqual([
      ['refused', 'The file is too large for Margin.'],
      ['refused', 'gone.txt could not be read: it was moved or deleted.'],
    ]);
  });

  it('clears the finished rows when dismissed and keeps a file still waiting for an answer', async () => {
    const { queue } = setUp();
    await queue.add([file('water.md', MEMO)]);
    await queue.add([file('water.md', `${MEMO}\nChanged.\n`), file('bad.pdf', 'not a pdf')]);
    expect(queue.rows.map((row) => row.status)).toEqual(['imported', 'same-name', 'refused']);
    queue.dismiss();
    expect(statuses(queue)).toEqual([['water.md', 'same-name']]);
    await queue.cancel(queue.rows[0].key);
    queue.dismiss();
    expect(queue.rows).toEqual([]);
  });
});
