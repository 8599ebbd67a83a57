import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRunner } from '../../../../main/import/import-runner';
import {
  createDocumentImporter,
  FINISHED_REPORT_MS,
} from '../../../../main/library/user-library/document-importer';
import { openUserLibrary } from '../../../../main/library/user-library/user-library';
import { closePrinter, printPdf } from '../../import/render-test-pdf';
import { buildWorkers } from './built-workers';

const utf8 = (text: string) => new TextEncoder().encode(text);

let scratch: string;
let runner: ImportRunner;
let pages: Uint8Array;

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'margin-importer-'));
  const { importWorker } = await buildWorkers(path.join(scratch, 'workers'));
  runner = new ImportRunner({ workerScript: importWorker });
  // The title page, then a page for each part.
  const page = (n: number) =>
    `<h2 style="break-before: page">Part ${n}</h2><p>Canal lining on page ${n} of the report.</p>`;
  pages = await printPdf(`<!doctype html><body><h1>Canal lining</h1>${[1, 2, 3].map(page).join('')}</body>`);
  await closePrinter();
}, 120_000);

afterAll(async () => {
  await runner?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

/** An importer over a real library folder and the real worker, on a clock the test moves. */
function importerAt(clock: { ms: number }) {
  const library = openUserLibrary(fs.mkdtempSync(path.join(scratch, 'data-')));
  const indexed: string[][] = [];
  const importer = createDocumentImporter({
    library,
    parse: (bytes, fileName, target, options) => runner.importFile(bytes, fileName, target, options),
    isBundled: () => false,
    bundledTitle: () => null,
    reindex: async (_live, fresh) => {
      indexed.push(fresh);
      return [];
    },
    now: () => new Date(clock.ms),
  });
  return { importer, library, indexed };
}

describe('document-importer', () => {
  it('reports an import that ended as done, pages and all, for a minute, then as no import', async () => {
    const clock = { ms: Date.UTC(2026, 11, 1, 12) };
    const { importer, library } = importerAt(clock);
    const importId = randomUUID();
    const outcome = await importer.importDocument({ importId, name: 'canal.pdf', bytes: pages });
    if (outcome.status !== 'imported') throw new Error(outcome.message);
    expect(outcome.title).toBe('Canal lining');
    const total = library.entry(outcome.docId)?.pages;
    expect(total).toBe(4);
    expect(importer.getImportProgress(importId)).toEqual({ phase: 'done', done: total, total });
    expect(importer.cancelImport(importId)).toBe(false);
    clock.ms += FINISHED_REPORT_MS - 1;
    expect(importer.getImportProgress(importId)).toEqual({ phase: 'done', done: total, total });
    clock.ms += 1;
    expect(importer.getImportProgress(importId)).toBeNull();
  }, 30_000);

  it('reports a refused file as done too (its outcome says why), and an unknown id as no import', async () => {
    const { importer } = importerAt({ ms: Date.now() });
    const importId = randomUUID();
    const outcome = await importer.importDocument({ importId, name: 'empty.md', bytes: new Uint8Array(0) });
    expect(outcome.status).toBe('refused');
    expect(importer.getImportProgress(importId)).toEqual({ phase: 'done', done: 1, total: 1 });
    expect(importer.getImportProgress(randomUUID())).toBeNull();
  });

  it('keeps the staged document under its id and leaves nothing in staging', async () => {
    const { importer, library, indexed } = importerAt({ ms: Date.now() });
    const outcome = await importer.importDocument({
      importId: randomUUID(),
      name: 'weir.md',
      bytes: utf8('# Weir repairs\n\nThe weir was repaired in 2021.\n'),
    });
    if (outcome.status !== 'imported') throw new Error(outcome.message);
    expect(library.get(outcome.docId)).toMatchObject({ id: outcome.docId, title: 'Weir repairs' });
    expect(library.entry(outcome.docId)?.meta).toMatchObject({ id: outcome.docId, title: 'Weir repairs' });
    expect(indexed).toEqual([[outcome.docId]]);
    expect(fs.readdirSync(path.join(library.dir, 'staging'))).toEqual([]);
  });
});
