import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRequest, SearchResults } from '../../../../main/api';
import { buildContent } from '../../../../main/library/content-build';
import { createMarginService, type MarginService } from '../../../../main/margin-service';
import { closePrinter, printPdf } from '../../import/render-test-pdf';
import { buildWorkers, searchReady } from './built-workers';

const BUNDLED_ID = 'security-concerns-impede-china-pakistan-relations';
const BUNDLED_SOURCE = path.resolve('content', `${BUNDLED_ID}.txt`);

const PDF_HTML = `<!doctype html><html><head><title>Reservoir sedimentation at Tarbela</title></head><body>
<h1 style="font-size:28px">Reservoir sedimentation at Tarbela</h1>
<p>Amina Qureshi</p>
<h2>Background</h2>
<p>The Tarbela reservoir has lost a third of its live storage to silt since 1976. The security of water
supply in the Indus basin now depends on how quickly the sediment delta moves towards the dam.</p>
<p>Flushing the sediment through low-level outlets was tried in the dry season, when the lake is low.</p>
<h2 style="break-before: page">Options</h2>
<p>Dredging, sluicing and raising the dam were each costed against the value of the lost storage.</p>
</body></html>`;

const WEB_PAGE = `<!doctype html><html><head><title>Mangla desilting plan</title>
<meta property="og:site_name" content="Water Weekly"><meta name="author" content="Bilal Khan">
<meta property="article:published_time" content="2024-03-05T09:00:00Z"></head><body>
<nav><a href="/">Home</a></nav><article><h1>Mangla desilting plan</h1>
<p>The Mangla reservoir authority announced a desilting plan on Tuesday, after a survey found the
reservoir had lost a fifth of its storage. Officials said the security of irrigation supplies in
Punjab was at stake, and that the plan would run for five years with dredgers working each winter.</p>
<p>Engineers will first map the sediment with sonar, then pump it to settling ponds downstream, where
farmers may use it to raise their fields. The cost is to be shared between the province and the
federal water authority, which has asked donors for help with the dredging fleet.</p>
<p>Critics say the plan treats the symptom rather than the cause: erosion in the catchment upstream,
which only reforestation and better grazing rules can slow down over the coming decades.</p>
</article><footer>Copyright Water Weekly</footer></body></html>`;

const utf8 = (text: string) => new TextEncoder().encode(text);

let scratch: string;
let bundleDir: string;
let dataDir: string;
let searchWorker: string;
let service: MarginService;
let pdfBytes: Uint8Array;

function request(name: string, bytes: Uint8Array, sameName?: ImportRequest['sameName']): ImportRequest {
  return { importId: randomUUID(), name, bytes, ...(sameName ? { sameName } : {}) };
}

async function start(): Promise<MarginService> {
  return createMarginService({
    bundleDir,
    dataDir,
    workerScript: searchWorker,
    syncIntervalMs: 0,
    citationStylesDir: path.resolve('content/csl'),
  });
}

async function found(query: string): Promise<string[]> {
  const results = (await service.search(query)) as Extract<SearchResults, { status: 'ok' }>;
  expect(results.status).toBe('ok');
  return results.groups.map((group) => group.docId);
}

/** Every file under the data folder's library, with its bytes: what "nothing changed" compares. */
function librarySnapshot(): Record<string, string> {
  const root = path.join(dataDir, 'library');
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(root, full)] = fs.readFileSync(full).toString('base64');
    }
  };
  walk(root);
  return files;
}

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'margin-yours-'));
  bundleDir = path.join(scratch, 'bundle');
  dataDir = path.join(scratch, 'data');
  await buildContent({ inDir: path.resolve('content'), outDir: bundleDir });
  ({ searchWorker } = await buildWorkers(path.join(scratch, 'workers')));
  pdfBytes = await printPdf(PDF_HTML);
  await closePrinter();
  service = await start();
}, 120_000);

afterAll(async () => {
  await service?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('your own documents (margin-service)', () => {
  let pdfId: string;
  let pageId: string;

  it('imports a PDF and a saved web page and lists them beside the bundled article', async () => {
    const pdf = await service.importDocument(request('tarbela.pdf', pdfBytes));
    const page = await service.importDocument(request('mangla.html', utf8(WEB_PAGE)));
    expect(pdf).toMatchObject({ status: 'imported', title: 'Reservoir sedimentation at Tarbela' });
    expect(page).toMatchObject({ status: 'imported', title: 'Mangla desilting plan' });
    if (pdf.status !== 'imported' || page.status !== 'imported') return;
    pdfId = pdf.docId;
    pageId = page.docId;
    expect(pdf.message).toBe('Imported “Reservoir sedimentation at Tarbela”.');
    expect(pdfId).toMatch(/^tarbela-[0-9a-f]{8}$/);
    const rows = await service.listDocuments();
    expect(rows.map((row) => [row.id, row.origin, row.kind, row.fileName, row.removed])).toEqual([
      [BUNDLED_ID, 'publisher', null, null, false],
      [pdfId, 'yours', 'pdf', 'tarbela.pdf', false],
      [pageId, 'yours', 'html', 'mangla.html', false],
    ]);
    expect((await service.getDocument(pdfId)).sections.map((section) => section.heading)).toContain(
      'Options',
    );
    // Private like the notes: the folder 0700, the files 0600.
    expect(fs.statSync(path.join(dataDir, 'library')).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, 'library', 'docs', `${pdfId}.json`)).mode & 0o777).toBe(0o600);
  });

  it('lists a page of the library from main: yours by origin, by filter, a removal and its undo at once', async () => {
    const yoursPage = () =>
      service.listDocumentPage({ origin: 'yours', sort: 'title', offset: 0, limit: 10 });
    expect(await yoursPage()).toMatchObject({ total: 2, libraryTotal: 3 });
    expect((await yoursPage()).rows.map((row) => row.id)).toEqual([pageId, pdfId]);
    const tarbela = await service.listDocumentPage({ text: 'TARBELA', sort: 'date', offset: 0, limit: 10 });
    expect(tarbela.rows.map((row) => [row.id, row.kind, row.fileName])).toEqual([
      [pdfId, 'pdf', 'tarbela.pdf'],
    ]);
    await service.removeDocument(pdfId);
    expect((await yoursPage()).rows.map((row) => row.id)).toEqual([pageId]);
    await service.restoreDocument(pdfId);
    expect((await yoursPage()).rows.map((row) => row.id)).toEqual([pageId, pdfId]);
  });

  it('finds passages in the bundled article and in both of yours in one result list', async () => {
    expect(await found('security')).toEqual(expect.arrayContaining([BUNDLED_ID, pdfId, pageId]));
    expect(await found('sediment')).toEqual(expect.arrayContaining([pdfId, pageId]));
    expect(await found('sediment')).not.toContain(BUNDLED_ID);
    expect(await found('Tarbela')).toEqual([pdfId]);
    const results = await service.search('desilting');
    if (results.status !== 'ok') throw new Error(results.status);
    expect(results.groups[0].passages[0].snippet.some((part) => part.mark)).toBe(true);
  });

  it('cites a PDF of yours as a report located by page, and a web page as a page of its site', async () => {
    const pdf = await service.getDocument(pdfId);
    const options = pdf.sections.find((section) => section.heading === 'Options');
    const onPageTwo = options?.blocks[0];
    expect(onPageTwo?.page).toBe(2);
    const cited = await service.citeDocument(pdfId, 'apa', (onPageTwo?.start ?? 0) + 3);
    expect(cited.locator).toBe('p. 2');
    expect(cited.citation.text).toMatch(/, p\. 2\)$/);
    expect(cited.reference.text).toContain('Reservoir sedimentation at Tarbela');

    const page = await service.citeDocument(pageId, 'apa');
    expect(page.reference.text).toContain('Mangla desilting plan');
    expect(page.reference.text).toContain('Water Weekly');
    expect(page.reference.text).toContain('Khan, B.');
  });

  it('imports a file whose name has no Latin letter or digit', async () => {
    const outcome = await service.importDocument(
      request('حالات.md', utf8('# Notes on Thar coal\n\nLignite.\n')),
    );
    expect(outcome).toMatchObject({ status: 'imported', title: 'Notes on Thar coal' });
    if (outcome.status === 'imported') {
      expect(outcome.docId).toMatch(/^document-[0-9a-f]{8}$/);
      await service.removeDocument(outcome.docId);
    }
  });

  it('says the same bytes are already in your library, and asks about a different file of the same name', async () => {
    const again = await service.importDocument(request('renamed.pdf', pdfBytes));
    expect(again).toEqual({
      status: 'already-in-library',
      docId: pdfId,
      title: 'Reservoir sedimentation at Tarbela',
      message: '“Reservoir sedimentation at Tarbela” is already in your library.',
    });
    const changed = WEB_PAGE.replace('five years', 'seven years');
    const asked = await service.importDocument(request('mangla.html', utf8(changed)));
    expect(asked).toMatchObject({ status: 'same-name', docId: pageId, title: 'Mangla desilting plan' });
    expect((await service.listDocuments()).length).toBe(3);
  });

  it('replaces a file keeping its id and re-anchoring its notes, or keeps both under two ids', async () => {
    const doc = await service.getDocument(pageId);
    const text = JSON.stringify(doc);
    expect(text).toContain('five years');
    const paragraph = doc.sections.flatMap((section) => section.blocks)[0];
    const note = await service.createAnnotation({
      docId: pageId,
      range: { start: paragraph.start + 4, end: paragraph.start + 20 },
      note: 'Check the survey',
    });
    const changed = utf8(`<!-- edition 2 -->${WEB_PAGE.replace('five years', 'seven years')}`);
    const replaced = await service.importDocument(request('mangla.html', changed, 'replace'));
    expect(replaced).toMatchObject({ status: 'imported', docId: pageId });
    expect(JSON.stringify(await service.getDocument(pageId))).toContain('seven years');
    const [kept] = await service.listAnnotations(pageId);
    expect(kept).toMatchObject({ id: note.id, anchorStatus: 'exact' });
    expect(kept.docTextHash).toBe((await service.getDocument(pageId)).textHash);

    const third = utf8(WEB_PAGE.replace('five years', 'nine years'));
    const both = await service.importDocument(request('mangla.html', third, 'keep-both'));
    expect(both.status).toBe('imported');
    if (both.status !== 'imported') return;
    expect(both.docId).not.toBe(pageId);
    expect((await service.listDocuments()).map((row) => row.id)).toEqual([
      BUNDLED_ID,
      pdfId,
      pageId,
      both.docId,
    ]);
    await service.removeDocument(both.docId);
  });

  it('removes a document of yours, keeping its notes, and restores it', async () => {
    const note = await service.createAnnotation({ docId: pdfId, note: 'Read before the meeting' });
    expect(await service.removeDocument(pdfId)).toEqual({
      docId: pdfId,
      title: 'Reservoir sedimentation at Tarbela',
    });
    expect((await service.listDocuments()).map((row) => row.id)).not.toContain(pdfId);
    expect(await found('Tarbela')).toEqual([]);
    expect(await service.getDocumentSummary(pdfId)).toMatchObject({
      removed: true,
      origin: 'yours',
      annotationCount: 1,
    });
    expect((await service.listAllAnnotations()).map((record) => record.id)).toContain(note.id);
    const exported = await service.exportAnnotations('markdown', pdfId);
    expect(exported[0].content).toContain('Read before the meeting');
    await expect(service.removeDocument(pdfId)).rejects.toThrow('is already removed');

    const restored = await service.restoreDocument(pdfId);
    expect(restored).toMatchObject({ id: pdfId, removed: false, kind: 'pdf', annotationCount: 1 });
    expect(await found('Tarbela')).toEqual([pdfId]);
  });

  it('lists only the documents with notes in library order, and rows by id as asked, a removed one of yours marked so', async () => {
    const onBundled = await service.createAnnotation({ docId: BUNDLED_ID, note: 'On the publisher’s' });
    await service.removeDocument(pdfId);
    // The web page kept the note the replacement test re-anchored; the removed PDF keeps its own.
    const onPage = (await service.listAnnotations(pageId)).length;
    const annotated = await service.listAnnotatedDocuments();
    expect(annotated.map((row) => [row.id, row.removed, row.annotationCount])).toEqual([
      [BUNDLED_ID, false, 1],
      [pdfId, true, 1],
      [pageId, false, onPage],
    ]);
    expect(annotated[1]).toMatchObject({ title: 'Reservoir sedimentation at Tarbela', kind: 'pdf' });
    expect(
      (await service.getDocumentSummaries([pageId, 'no-such-document', pdfId, BUNDLED_ID])).map((row) => [
        row.id,
        row.removed,
      ]),
    ).toEqual([
      [pageId, false],
      [pdfId, true],
      [BUNDLED_ID, false],
    ]);
    await service.restoreDocument(pdfId);
    await service.deleteAnnotation(onBundled.id);
    expect((await service.listAnnotatedDocuments()).map((row) => [row.id, row.removed])).toEqual([
      [pdfId, false],
      [pageId, false],
    ]);
  });

  it('brings a removed document back when its file is imported again', async () => {
    await service.removeDocument(pdfId);
    const again = await service.importDocument(request('tarbela (1).pdf', pdfBytes));
    expect(again).toMatchObject({ status: 'imported', docId: pdfId });
    expect(await found('Tarbela')).toEqual([pdfId]);
    expect((await service.listAnnotations(pdfId)).length).toBe(1);
  });

  it('refuses to remove a document that came with Margin', async () => {
    await expect(service.removeDocument(BUNDLED_ID)).rejects.toThrow(
      '“Security Concerns Impede China-Pakistan Relations” came with Margin; only your own documents can be removed.',
    );
  });

  it('scores a document of yours with the same text as a bundled one exactly the same', async () => {
    const copy = await service.importDocument(request('my-copy.txt', fs.readFileSync(BUNDLED_SOURCE)));
    expect(copy.status).toBe('imported');
    if (copy.status !== 'imported') return;
    for (const query of ['Gwadar', 'security China', 'attacks on Chinese nationals', 'secur*']) {
      const results = await service.search(query);
      if (results.status !== 'ok') throw new Error(query);
      const score = (id: string) => results.groups.find((group) => group.docId === id)?.score;
      expect(score(copy.docId), query).toBeDefined();
      expect(score(copy.docId), query).toBe(score(BUNDLED_ID));
    }
    await service.removeDocument(copy.docId);
  });

  it('leaves library, search and notes as they were after a refused file and a cancelled import', async () => {
    const before = librarySnapshot();
    const rows = await service.listDocuments();
    const notes = await service.listAllAnnotations();

    const refused = await service.importDocument(request('broken.pdf', pdfBytes.subarray(0, 400)));
    expect(refused.status).toBe('refused');
    expect(refused.message).toMatch(/^broken\.pdf: /);
    const empty = await service.importDocument(request('empty.txt', new Uint8Array(0)));
    expect(empty).toEqual({ status: 'refused', message: 'empty.txt: the file is empty.' });

    const long = await printPdf(
      `<!doctype html><body><h1>A long report</h1>${`<p>${'Karezbund lining pays for itself within a decade. '.repeat(40)}</p>`.repeat(400)}</body>`,
    );
    await closePrinter();
    const cancelled = request('long.pdf', long);
    const outcome = service.importDocument(cancelled);
    for (let i = 0; i < 200; i++) {
      const progress = await service.getImportProgress(cancelled.importId);
      if (progress?.phase === 'parsing' && progress.done > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await service.cancelImport(cancelled.importId)).toBe(true);
    expect(await outcome).toEqual({ status: 'cancelled', message: 'long.pdf: the import was cancelled' });
    expect(await service.getImportProgress(cancelled.importId)).toBeNull();
    expect(await service.cancelImport(cancelled.importId)).toBe(false);

    expect(librarySnapshot()).toEqual(before);
    expect(await service.listDocuments()).toEqual(rows);
    expect(await service.listAllAnnotations()).toEqual(notes);
    expect(await found('Karezbund')).toEqual([]);
  }, 60_000);

  it('still lists and finds your documents after a restart on the same data folder', async () => {
    await service.close();
    service = await start();
    await searchReady(service);
    expect((await service.listDocuments()).map((row) => row.id)).toEqual([BUNDLED_ID, pdfId, pageId]);
    expect(await found('Tarbela')).toEqual([pdfId]);
    expect(await found('desilting')).toEqual([pageId]);
  });
});
