import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRunner } from '../../../main/import/import-runner';
import type { Document } from '../../../main/api';
import type { ImportProgress, StagingTarget } from '../../../main/import/import-types';
import { closePrinter, printPdf } from './render-test-pdf';

const work = mkdtempSync(join(tmpdir(), 'margin-import-worker-'));
const workerScript = join(work, 'import-worker.js');
const utf8 = (text: string) => new TextEncoder().encode(text);
const NOTE = utf8('A note\n\nIts only paragraph.\n');

let staged = 0;
/** A fresh staging folder (0700, as the user library makes one) and the file the worker is to write. */
function target(docId = 'my-file-0123abcd'): StagingTarget {
  const folder = join(work, 'staging', String(staged++));
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  return { file: join(folder, 'document.json'), docId };
}
const stagedDocument = (at: StagingTarget) => JSON.parse(readFileSync(at.file, 'utf8')) as Document;

let longPdf: Uint8Array;
let shortPdf: Uint8Array;

beforeAll(async () => {
  // Bundled like the app build does, so the test does not depend on a previous build.
  await build({
    entryPoints: [join(__dirname, '../../../main/import/import-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: workerScript,
    // As build/build-app.ts ships it (private members lowered for the security gate).
    target: 'es2021',
    logLevel: 'silent',
  });
  const paragraph = `<p>${'A report that goes on for many pages, sentence after sentence. '.repeat(40)}</p>`;
  longPdf = await printPdf(`<!doctype html><body><h1>A long report</h1>${paragraph.repeat(300)}</body>`);
  shortPdf = await printPdf(
    '<!doctype html><body><h1>A short brief</h1><p>One paragraph of text.</p></body>',
  );
  await closePrinter();
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('ImportRunner', () => {
  it('imports files one after another in a worker thread, with progress by page', async () => {
    const runner = new ImportRunner({ workerScript });
    const progress: ImportProgress[] = [];
    const [pdfAt, noteAt] = [target('brief-0123abcd'), target('note-4567cdef')];
    const [pdf, note] = await Promise.all([
      runner.importFile(shortPdf, 'brief.pdf', pdfAt, { onProgress: (p) => progress.push(p) }),
      runner.importFile(NOTE, 'note.txt', noteAt),
    ]);
    await runner.close();
    expect(pdf.ok && pdf.staged.meta.title).toBe('A short brief');
    expect(pdf.ok && pdf.staged.source).toMatchObject({ kind: 'pdf', pages: 1 });
    expect(progress).toEqual([{ done: 1, total: 1 }]);
    expect(note.ok && note.staged.meta).toMatchObject({ id: 'note-4567cdef', title: 'A note' });
    expect(stagedDocument(pdfAt)).toMatchObject({ id: 'brief-0123abcd', title: 'A short brief' });
    expect(stagedDocument(noteAt).sections[0].blocks.length).toBe(1);
  }, 30_000);

  it('writes a long document in the worker and hands the caller only its metadata', async () => {
    // Electron's main thread is the window's: a book's Document arriving there stalled it for 343 ms.
    const runner = new ImportRunner({ workerScript });
    const at = target('long-report-0123abcd');
    const result = await runner.importFile(longPdf, 'long-report.pdf', at);
    await runner.close();
    if (!result.ok) throw new Error(result.message);
    const written = readFileSync(at.file, 'utf8');
    expect(written.length).toBeGreaterThan(500_000);
    expect(result.staged.size).toBe(Buffer.byteLength(written));
    expect(JSON.stringify(result).length).toBeLessThan(2_000);
    expect(result).not.toHaveProperty('staged.meta.sections');
    const document = JSON.parse(written) as Document;
    expect(document).toMatchObject({ id: 'long-report-0123abcd', title: 'A long report' });
    expect(result.staged.meta).toMatchObject({
      id: 'long-report-0123abcd',
      title: 'A long report',
      textHash: document.textHash,
      wordCount: document.wordCount,
    });
    expect(document.sections.flatMap((section) => section.blocks).length).toBeGreaterThan(100);
    // Private like the notes, and nothing else (no temporary file) left beside it.
    expect(statSync(at.file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(at.file, '..'))).toEqual(['document.json']);
  }, 60_000);

  it('stops a file that takes too long, says so in one line, and goes on with the next file', async () => {
    // 0.2 s is far below what the long report needs on any machine (tens of pages at ~40 ms each),
    // so the limit trips however fast or busy this machine is; the next file has the runner's own limit.
    const runner = new ImportRunner({ workerScript });
    const slowAt = target();
    const slow = runner.importFile(longPdf, 'long-report.pdf', slowAt, { timeLimitMs: 200 });
    const next = runner.importFile(NOTE, 'note.txt', target());
    expect(await slow).toEqual({
      ok: false,
      message: 'long-report.pdf: the import took longer than 0.2 s and was stopped',
    });
    expect(existsSync(slowAt.file)).toBe(false);
    expect((await next).ok).toBe(true);
    await runner.close();
  }, 30_000);

  it('reports a file that runs the worker out of memory, in one line', async () => {
    const runner = new ImportRunner({ workerScript, memoryLimitMb: 12 });
    const result = await runner.importFile(longPdf, 'long-report.pdf', target());
    expect(result).toEqual({
      ok: false,
      message: 'long-report.pdf: this file needs more memory than the importer may use (12 MB)',
    });
    await runner.close();
  }, 30_000);

  it('cancels an import when asked, and the next file still imports', async () => {
    const runner = new ImportRunner({ workerScript });
    const controller = new AbortController();
    const cancelledAt = target();
    const cancelled = runner.importFile(longPdf, 'long-report.pdf', cancelledAt, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(await cancelled).toEqual({ ok: false, message: 'long-report.pdf: the import was cancelled' });
    expect(readdirSync(join(cancelledAt.file, '..'))).toEqual([]);
    expect((await runner.importFile(NOTE, 'note.txt', target())).ok).toBe(true);
    await runner.close();
  }, 30_000);
});

describe('ImportRunner.warm', () => {
  it('gets the worker ready while the reader picks files, and imports the same afterwards', async () => {
    const runner = new ImportRunner({ workerScript });
    runner.warm();
    runner.warm(); // a second drag over the window: still one worker
    const pdf = await runner.importFile(shortPdf, 'brief.pdf', target());
    await runner.close();
    expect(pdf.ok && pdf.staged.meta.title).toBe('A short brief');
    expect(pdf.ok && pdf.staged.source).toMatchObject({ kind: 'pdf', pages: 1 });
  }, 30_000);

  it('stays quiet when the importer cannot start, and says so in one line for the file', async () => {
    const runner = new ImportRunner({ workerScript: join(work, 'no-such-worker.js') });
    runner.warm();
    // Long enough for the missing script to fail the warm worker; an unheard error would end the test run.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const result = await runner.importFile(NOTE, 'note.txt', target());
    await runner.close();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^note\.txt: .*importer/);
    expect(!result.ok && result.message).not.toContain('\n');
  }, 30_000);
});
