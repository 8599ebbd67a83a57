/**
 * Real files nobody here wrote (../shared/corpora, see its README): PDFs from pdf.js's test suite and
 * saved pages from Readability's. Skipped with one line where ../shared is absent; required in CI.
 */
import { build } from 'esbuild';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importFile } from '../../../main/import/import-file';
import { ImportRunner } from '../../../main/import/import-runner';
import type { ImportResult } from '../../../main/import/import-types';
import { canonicalText } from '../../../main/library/canonical-text';
import { sharedFolder } from '../../shared-folder';

const pdfCorpus = sharedFolder('corpora/pdf', 'the PDF corpus');
const htmlCorpus = sharedFolder('corpora/html', 'the web page corpus');

const PER_FILE_LIMIT_MS = 30_000;
/** Messages of a file that broke the importer rather than being refused by it. */
const CRASH = /made the importer crash|stopped unexpectedly|could not read this file|took longer than/;

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Share of `expected`'s words found in `actual` in the same order (a skipped word may not derail the rest). */
function wordsInOrder(expected: string[], actual: string[]): number {
  let found = 0;
  let from = 0;
  for (const word of expected) {
    const at = actual.indexOf(word, from);
    if (at >= 0 && at - from < 60) {
      found++;
      from = at + 1;
    }
  }
  return expected.length === 0 ? 1 : found / expected.length;
}

pdfCorpus.describe('the PDF corpus (pdf.js test files)', () => {
  const work = mkdtempSync(join(tmpdir(), 'margin-corpus-worker-'));
  const workerScript = join(work, 'import-worker.js');
  const results = new Map<string, { result: ImportResult; ms: number }>();

  beforeAll(async () => {
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
    // Beside the worker, as the app build puts them: pdf.js's character maps for CID fonts.
    cpSync(join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps'), join(work, 'pdfjs-cmaps'), {
      recursive: true,
    });
    mkdirSync(join(work, 'staged'));
    // One worker, the files in sequence, as the app imports a batch.
    const runner = new ImportRunner({ workerScript, timeLimitMs: PER_FILE_LIMIT_MS });
    for (const name of readdirSync(pdfCorpus.path)
      .filter((f) => f.endsWith('.pdf'))
      .sort()) {
      const started = Date.now();
      const staged = join(work, 'staged', `${name}.json`);
      const result = await runner.importFile(readFileSync(join(pdfCorpus.path, name)), name, {
        file: staged,
        docId: 'corpus-file',
      });
      const ms = Date.now() - started;
      // The worker wrote the Document; the runner's answer is its metadata.
      results.set(name, {
        result: result.ok
          ? { ok: true, document: JSON.parse(readFileSync(staged, 'utf8')), source: result.staged.source }
          : result,
        ms,
      });
    }
    await runner.close();
    const imported = [...results.values()].filter(({ result }) => result.ok).length;
    console.info(`PDF corpus: ${imported} imported, ${results.size - imported} refused`);
  }, 30 * PER_FILE_LIMIT_MS);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('imports each of the 30 files or refuses it with one line naming it, in time, and none crashes', () => {
    expect(results.size).toBe(30);
    for (const [name, { result, ms }] of results) {
      expect(ms, name).toBeLessThan(PER_FILE_LIMIT_MS);
      if (result.ok) {
        expect(result.document.title.trim(), name).not.toBe('');
        expect(result.source.kind).toBe('pdf');
      } else {
        expect(result.message.startsWith(`${name}: `), result.message).toBe(true);
        expect(result.message, name).not.toMatch(CRASH);
        expect(result.message).not.toMatch(/\n/);
      }
    }
  });

  it('says why: the encrypted file needs a password, the fuzzed one is damaged, drawings have no text', () => {
    expect(results.get('issue3371.pdf')?.result).toEqual({
      ok: false,
      message:
        'issue3371.pdf: this PDF is encrypted and needs a password to open; pdf.js could open it with the password, but Margin does not ask for one yet',
    });
    expect(results.get('poppler-395-0-fuzzed.pdf')?.result).toMatchObject({
      ok: false,
      message: expect.stringContaining('damaged'),
    });
    expect(results.get('tiling-pattern-box.pdf')?.result).toMatchObject({
      ok: false,
      message: 'tiling-pattern-box.pdf: no text to import; Margin does not read scanned images',
    });
  });

  it('reads the text of the files that have it: two paragraphs, diacritics, Cyrillic, a CID font', () => {
    const text = (name: string) => {
      const found = results.get(name)?.result;
      return found?.ok ? `${found.document.title}\n${canonicalText(found.document)}` : '';
    };
    expect(text('two_paragraphs.pdf')).toContain('The first paragraph.');
    expect(text('two_paragraphs.pdf')).toContain('The second paragraph.');
    expect(text('french_diacritics.pdf')).toContain('à À â Â');
    expect(text('issue2840.pdf')).toContain('Номер полиса');
    // A CID font: readable only with pdf.js's character maps.
    expect(text('arial_unicode_en_cidfont.pdf')).toContain('This is an Arial Unicode PDF');
  });
});

htmlCorpus.describe('the web page corpus (Readability test pages)', () => {
  const pages = htmlCorpus.available ? readdirSync(htmlCorpus.path).sort() : [];

  it.each(pages)('imports %s with the title, byline and whole article Readability expects', async (name) => {
    const folder = join(htmlCorpus.path, name);
    const expected = JSON.parse(readFileSync(join(folder, 'expected-metadata.json'), 'utf8')) as {
      title: string;
      byline: string | null;
    };
    const result = await importFile(readFileSync(join(folder, 'source.html')), `${name}.html`);
    if (!result.ok) throw new Error(result.message);
    const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(result.document.title).toBe(collapse(expected.title));
    expect(result.document.authors.map((a) => a.name)).toEqual(
      expected.byline ? [collapse(expected.byline)] : [],
    );
    const { document } = parseHTML(
      `<html><body>${readFileSync(join(folder, 'expected.html'), 'utf8')}</body></html>`,
    );
    const share = wordsInOrder(words(document.body.textContent ?? ''), words(canonicalText(result.document)));
    expect(share).toBeGreaterThanOrEqual(0.95);
  });
});
