import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildContent } from '../../main/library/content-build';
import { createMarginService, type MarginService } from '../../main/margin-service';

const DOC_ID = 'security-concerns-impede-china-pakistan-relations';

describe('createMarginService', () => {
  let scratch: string;
  let bundleDir: string;
  let dataDir: string;
  let service: MarginService;

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'margin-service-'));
    bundleDir = path.join(scratch, 'bundle');
    dataDir = path.join(scratch, 'data');
    await buildContent({ inDir: path.resolve('content'), outDir: bundleDir });
    service = await createMarginService({
      bundleDir,
      dataDir,
      citationStylesDir: path.resolve('content/csl'),
    });
  });

  afterAll(async () => {
    await service?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('reports its version, the number of documents and, once loaded, that search is ready', async () => {
    const packageJson = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
    await vi.waitFor(async () => expect((await service.getStatus()).searchReady).toBe(true), {
      timeout: 10_000,
    });
    const status = await service.getStatus();
    expect(status).toEqual({ version: packageJson.version, documents: 1, searchReady: true, notices: [] });
  });

  it('lists the library with an annotation count per document', async () => {
    const [summary] = await service.listDocuments();
    expect(summary).toMatchObject({ id: DOC_ID, annotationCount: 0 });
    expect(summary.title).toMatch(/Security Concerns/i);
    expect(summary.readingMinutes).toBeGreaterThanOrEqual(1);
    expect(summary).not.toHaveProperty('sections');
  });

  it("adds the reader's own highlights and notes to search results, and counts them in the library", async () => {
    const document = await service.getDocument(DOC_ID);
    const text = document.sections
      .flatMap((section) => section.blocks)
      .find((block) => block.type === 'paragraph');
    expect(text).toBeDefined();
    const created = await service.createAnnotation({
      docId: DOC_ID,
      range: { start: text!.start, end: text!.start + 20 },
      color: 'yellow',
      note: 'Remember the zeitgeistword for the seminar',
    });

    const results = await service.search('zeitgeistword');
    expect(results.status).toBe('ok');
    if (results.status === 'ok') {
      expect(results.groups).toEqual([]);
      expect(results.annotations.map((hit) => hit.annotationId)).toEqual([created.id]);
      expect(results.annotations[0].docTitle).toBe(document.title);
    }
    expect((await service.listDocuments())[0].annotationCount).toBe(1);

    await service.deleteAnnotation(created.id);
    expect((await service.listDocuments())[0].annotationCount).toBe(0);
  });

  it('answers a query it cannot parse with a message, not an error', async () => {
    const results = await service.search('title:');
    if (results.status === 'invalid') expect(results.message.length).toBeGreaterThan(0);
    else expect(results.status).toBe('ok');
  });

  it('refuses a reading position for a document that is not in the library', async () => {
    await expect(
      service.setReadingPosition('no-such-doc', { blockId: 'p1', fraction: 0 }),
    ).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('refuses to open a link that fails the link policy, and leaves good links to the transport', async () => {
    await expect(service.openExternal('http://example.com/')).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(service.openExternal('https://example.com/')).resolves.toBe(false);

    const opened: string[] = [];
    const electronLike = await createMarginService({
      bundleDir,
      dataDir: path.join(scratch, 'other-data'),
      openExternal: async (url) => {
        opened.push(url);
        return true;
      },
    });
    try {
      await expect(electronLike.openExternal('https://Example.com/a')).resolves.toBe(true);
      await expect(electronLike.openExternal('file:///etc/passwd')).rejects.toMatchObject({
        code: 'invalid-argument',
      });
      expect(opened).toEqual(['https://example.com/a']);
    } finally {
      await electronLike.close();
    }
  });

  it('cites a passage of a bundled document, exports its bibliography, and refuses a place or a document it has not', async () => {
    const doc = await service.getDocument(DOC_ID);
    const implications = doc.sections.find((section) => section.heading === 'IMPLICATIONS');
    const second = implications?.blocks[1].start ?? -1;
    const citation = await service.citeDocument(DOC_ID, 'apa', second + 4);
    expect(citation.citation.text).toBe('(Ali, 2024, sec. Implications, para. 2)');
    expect(citation.reference.html).toContain('<i>Security Concerns Impede China-Pakistan Relations</i>');
    const file = await service.exportBibliography('bibtex', [DOC_ID]);
    expect(file).toMatchObject({ name: `${DOC_ID}.bib`, mediaType: 'application/x-bibtex' });
    expect(file.content).toMatch(/^@techreport\{/);
    await expect(service.citeDocument(DOC_ID, 'apa', 10_000_000)).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/^Offset 10000000 is past the end of "Security Concerns/),
    });
    await expect(service.citeDocument('no-such-doc', 'apa')).rejects.toMatchObject({ code: 'not-found' });
    await expect(service.exportBibliography('ris', ['no-such-doc'])).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('holds the store while open and releases it on close', async () => {
    await expect(createMarginService({ bundleDir, dataDir })).rejects.toMatchObject({ code: 'store-locked' });
    await service.setPreferences({ theme: 'sepia' });
    await service.close();
    service = await createMarginService({ bundleDir, dataDir });
    expect((await service.getPreferences()).theme).toBe('sepia');
  });
});
