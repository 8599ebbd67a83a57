/**
 * The import part: your own documents. Three PDFs printed once by Debian's Chromium (`page.pdf()`) from
 * generated articles (a 4-page think-tank brief with running header and footer, a 14-page two-column
 * paper, a long book), each imported through a real service (import worker, user library on disk,
 * search worker) and timed until a search finds it; the importer's peak memory per file (a fresh
 * process that imports only that file); pdf.js's text extraction beside poppler's `pdftotext` on the
 * same files; and adding one document to a library of 1,000 of yours until it is searchable.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { readPdfTextLayer } from '../main/import/pdf-text-layer';
import { buildContent } from '../main/library/content-build';
import { openUserLibrary } from '../main/library/user-library/user-library';
import { createMarginService, type MarginService } from '../main/margin-service';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/e2e/harness';
import { buildWorkers, searchReady } from '../test/main/library/user-library/built-workers';
import { createCorpusModel, generateArticle, type GeneratedArticle } from './article-generator';
import { bundleScript, runChild, WORK_ROOT } from './child-process';
import { median, round, summarise, type LatencySummary } from './stats';
import { fillLibrary } from './user-library-fill';

export interface ImportedPdfResult {
  name: string;
  pages: number;
  bytes: number;
  /** From the importDocument call to a search that finds a word only it holds, ms (median). */
  searchableMs: number;
  /**
   * The longest the service's process left its event loop waiting while the file was imported (the
   * IPC the window waits on runs there), ms, the most of the runs; absent in older results.
   */
  longestStallMs?: number;
  /**
   * The most of the main thread's own CPU time inside one gap of a 5 ms timer while the file was
   * imported, ms, the most of the runs: the process's own work holding its loop. On a loaded machine a
   * stall is mostly waiting for a core; this is the part an idle machine would show. Absent in older results.
   */
  longestBusyMs?: number;
  /** Peak resident memory of a process that imports only this file, MB. */
  peakRssMb: number;
  /** pdf.js reading the text layer alone, ms (median). */
  pdfjsMs: number;
  /** `pdftotext FILE -`, ms (median), or null where poppler is not installed. */
  pdftotextMs: number | null;
}

export interface ImportResult {
  /** The 4-page brief as the first import of a session: the worker starts and loads pdf.js, ms. */
  coldMs: number;
  /**
   * The same first PDF in a fresh service whose importer was readied (prepareImport, as a drag over the
   * window or Add documents… does) PREPARE_LEAD_MS before the drop, ms; absent in older results.
   */
  preparedMs?: number;
  pdfs: ImportedPdfResult[];
  /** Why the pdftotext column is empty, or null. */
  pdftotextMissing: string | null;
  library: {
    size: number;
    /**
     * Making and loading the search segments of all of them at start: service start to a search that
     * finds one of them (before 2026-12-01 20:50: to searchReady, which gave up after 10 s), ms.
     */
    firstLoadMs: number;
    /**
     * The next start of the same library (segments and the kept main stage on disk): service start to a
     * search that finds one of them, ms; absent in older results.
     */
    restartMs?: number;
    /** One more document: importDocument (Markdown, parsed in the worker) until a search finds it. */
    addOne: LatencySummary;
  };
  repeats: number;
  /** The 1-minute load average's lowest and highest while the PDFs were imported; absent in older results. */
  loadAverage?: { min: number; max: number };
}

const UNIQUE = ['Zorvathine', 'Quellmarsh', 'Brindlecote'];

/**
 * Watches the main thread: each gap between ticks of a 5 ms timer, and the thread's own CPU time in
 * it (process.threadCpuUsage counts this thread only, not the workers). A task that holds the loop
 * for 100 ms makes a gap holding 100 ms of CPU; a gap with little CPU was waiting for a core.
 */
function watchMainThreadCpu(): () => number {
  let last = process.threadCpuUsage();
  let most = 0;
  const tick = setInterval(() => {
    const now = process.threadCpuUsage();
    most = Math.max(most, (now.user - last.user + now.system - last.system) / 1000);
    last = now;
  }, 5);
  return () => {
    clearInterval(tick);
    const now = process.threadCpuUsage();
    return Math.max(most, (now.user - last.user + now.system - last.system) / 1000);
  };
}
/** A word only the i-th document added to the large library holds. */
const additionMarker = (i: number) => `Addition${String.fromCharCode(97 + (i % 26))}${i}x`;

/** How long before the drop the importer is readied: a drag across the window, or a file dialog. */
export const PREPARE_LEAD_MS = 1500;

/** The first import of a fresh service whose importer was readied PREPARE_LEAD_MS before, ms. */
async function firstImportAfterPrepare(
  starting: Promise<MarginService>,
  pdf: { file: string; marker: string },
): Promise<number> {
  const service = await starting;
  try {
    await searchReady(service);
    await service.prepareImport();
    await new Promise((resolve) => setTimeout(resolve, PREPARE_LEAD_MS));
    const started = performance.now();
    await timeUntilSearchable(service, 'first.pdf', new Uint8Array(readFileSync(pdf.file)), pdf.marker);
    return performance.now() - started;
  } finally {
    await service.close();
  }
}

function paragraphsOf(article: GeneratedArticle): string[] {
  return [...article.intro, ...article.sections.flatMap((section) => section.paragraphs)];
}

/** Generated prose (the bench's calibrated corpus) as an article page, `words` long or so. */
function articleHtml(
  model: ReturnType<typeof createCorpusModel>,
  first: number,
  words: number,
  marker: string,
  columns: boolean,
): string {
  const parts: string[] = [];
  let count = 0;
  let index = first;
  const lead = generateArticle(model, index);
  while (count < words) {
    const article = generateArticle(model, index++);
    parts.push(`<h2>${article.sections[0]?.heading ?? 'Background'}</h2>`);
    for (const paragraph of paragraphsOf(article)) {
      // The word only this file holds opens its first paragraph, where every layout keeps it.
      parts.push(`<p>${parts.length === 1 ? `${marker} ` : ''}${paragraph}</p>`);
      count += paragraph.split(/\s+/).length;
    }
  }
  const style = columns
    ? 'body{font:10pt serif;column-count:2;column-gap:8mm} h1{column-span:all;font-size:20pt} p{margin:0 0 6pt;text-align:justify;hyphens:auto}'
    : 'body{font:11pt serif} h1{font-size:22pt} p{margin:0 0 8pt}';
  return `<!doctype html><html lang="en"><head><style>${style}</style></head><body>
<h1>${lead.title}</h1><p>${lead.author}, ${lead.role}</p>${parts.join('\n')}</body></html>`;
}

async function printPdfs(
  dir: string,
  quick: boolean,
): Promise<Array<{ name: string; file: string; marker: string }>> {
  const model = createCorpusModel('margin-import-bench');
  const plans = [
    { name: '4-page brief', words: 1_900, columns: false, header: true },
    { name: '14-page two-column paper', words: 11_000, columns: true, header: false },
    {
      // About 620 words a page at 11pt on A4 (135,000 words printed 219 pages on the first run).
      name: quick ? '60-page book (--quick)' : '300-page book',
      words: quick ? 37_000 : 185_000,
      columns: false,
      header: true,
    },
  ];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const made: Array<{ name: string; file: string; marker: string }> = [];
  try {
    for (const [i, plan] of plans.entries()) {
      const file = path.join(dir, `import-${i}-${plan.words}.pdf`);
      if (!existsSync(file)) {
        const page = await browser.newPage();
        await page.route('**/*', (route) => route.abort());
        await page.setContent(articleHtml(model, i * 1000, plan.words, UNIQUE[i], plan.columns));
        const pdf = await page.pdf({
          format: 'A4',
          displayHeaderFooter: plan.header,
          headerTemplate: '<div style="font-size:8pt;width:100%;text-align:center">Policy Brief</div>',
          footerTemplate:
            '<div style="font-size:8pt;width:100%;text-align:center"><span class="pageNumber"></span></div>',
          margin: { top: '22mm', bottom: '22mm', left: '18mm', right: '18mm' },
        });
        writeFileSync(file, pdf);
        await page.close();
      }
      made.push({ name: plan.name, file, marker: UNIQUE[i] });
    }
  } finally {
    await browser.close();
  }
  return made;
}

/**
 * The file with a PDF comment after its end (readers ignore it): other bytes, so each run imports it
 * afresh instead of finding it already in the library.
 */
function variant(bytes: Uint8Array, run: string): Uint8Array {
  const tail = new TextEncoder().encode(`\n% ${run}\n`);
  const out = new Uint8Array(bytes.byteLength + tail.byteLength);
  out.set(bytes);
  out.set(tail, bytes.byteLength);
  return out;
}

/** Waits until a search over the full text (not the titles stage) finds `doc`, a document of yours. */
async function untilFound(
  service: MarginService,
  doc: { id: string; meta: { title: string } },
): Promise<void> {
  await searchReady(service);
  for (const deadline = performance.now() + 300_000; performance.now() < deadline;) {
    const found = await service.search(`title:"${doc.meta.title}"`);
    if (found.status === 'ok' && found.complete && found.groups.some((group) => group.docId === doc.id))
      return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no search found "${doc.meta.title}" within 5 minutes of the start`);
}

async function timeUntilSearchable(
  service: MarginService,
  name: string,
  bytes: Uint8Array,
  marker: string,
): Promise<number> {
  const started = performance.now();
  const outcome = await service.importDocument({ importId: randomUUID(), name, bytes });
  if (outcome.status !== 'imported') throw new Error(`${name}: ${outcome.message}`);
  const results = await service.search(marker);
  if (results.status !== 'ok' || !results.groups.some((group) => group.docId === outcome.docId))
    throw new Error(`${name}: not found by "${marker}" after its import`);
  const took = performance.now() - started;
  await service.removeDocument(outcome.docId);
  return took;
}

function pdftotextMs(file: string): number {
  const started = performance.now();
  execFileSync('pdftotext', [file, '-'], { stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 28 });
  return performance.now() - started;
}

export async function runImportBench(quick: boolean, log: (line: string) => void): Promise<ImportResult> {
  const work = path.join(WORK_ROOT, 'import');
  mkdirSync(work, { recursive: true });
  const scratch = path.join(os.tmpdir(), `margin-import-bench-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  const repeats = quick ? 1 : 3;
  const librarySize = quick ? 200 : 1000;
  const adds = quick ? 5 : 20;
  const pdftotext = (() => {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  try {
    log('import: printing the PDFs (once; kept in bench/.work/import/)');
    const pdfs = await printPdfs(work, quick);
    const bundleDir = path.join(scratch, 'bundle');
    await buildContent({ inDir: path.resolve(__dirname, '..', 'content'), outDir: bundleDir });
    const workers = await buildWorkers(path.join(scratch, 'workers'));
    const memoryChild = await bundleScript(
      path.join(__dirname, 'children', 'import-memory-child.ts'),
      'import-memory-child',
    );
    const open = (dataDir: string) =>
      createMarginService({
        bundleDir,
        dataDir,
        workerScript: workers.searchWorker,
        importWorker: workers.importWorker,
        syncIntervalMs: 0,
      });

    const service = await open(path.join(scratch, 'data'));
    await searchReady(service);
    // The first import starts the import worker and loads pdf.js in it; the app pays that once a session.
    const coldStarted = performance.now();
    await timeUntilSearchable(
      service,
      'warm-up.pdf',
      new Uint8Array(readFileSync(pdfs[0].file)),
      pdfs[0].marker,
    );
    const coldMs = performance.now() - coldStarted;
    log(`import: the first PDF of a session (worker start, pdf.js load): ${round(coldMs)} ms`);
    const preparedMs = await firstImportAfterPrepare(open(path.join(scratch, 'prepared')), pdfs[0]);
    log(`import: the first PDF of a session, readied ${PREPARE_LEAD_MS} ms before: ${round(preparedMs)} ms`);
    const results: ImportedPdfResult[] = [];
    const load: number[] = [];
    // pdf.js loads on its first use in this process too; that is the cold start above, not extraction.
    await readPdfTextLayer(new Uint8Array(readFileSync(pdfs[0].file)));
    try {
      for (const pdf of pdfs) {
        const bytes = new Uint8Array(readFileSync(pdf.file));
        const searchable: number[] = [];
        const extraction: number[] = [];
        const poppler: number[] = [];
        let longestStallMs = 0;
        let longestBusyMs = 0;
        let pages = 0;
        for (let r = 0; r < repeats; r++) {
          const loop = monitorEventLoopDelay({ resolution: 5 });
          loop.enable();
          const busy = watchMainThreadCpu();
          load.push(os.loadavg()[0]);
          searchable.push(
            await timeUntilSearchable(
              service,
              path.basename(pdf.file),
              variant(bytes, `run ${r}`),
              pdf.marker,
            ),
          );
          loop.disable();
          longestBusyMs = Math.max(longestBusyMs, busy());
          load.push(os.loadavg()[0]);
          longestStallMs = Math.max(longestStallMs, loop.max / 1e6);
          const started = performance.now();
          pages = (await readPdfTextLayer(bytes)).pages;
          extraction.push(performance.now() - started);
          if (pdftotext) poppler.push(pdftotextMs(pdf.file));
        }
        const memory = await runChild<{ maxRssMb: number }>(
          memoryChild,
          { file: pdf.file },
          { heapMb: 2048 },
        );
        results.push({
          name: pdf.name,
          pages,
          bytes: bytes.byteLength,
          searchableMs: round(median(searchable)),
          longestStallMs: round(longestStallMs),
          longestBusyMs: round(longestBusyMs),
          peakRssMb: round(memory.maxRssMb),
          pdfjsMs: round(median(extraction)),
          pdftotextMs: pdftotext ? round(median(poppler)) : null,
        });
        log(`import: ${pdf.name}: ${pages} pages, searchable in ${round(median(searchable))} ms`);
      }
    } finally {
      await service.close();
    }

    log(`import: a library of ${librarySize} documents of yours`);
    const libraryData = path.join(scratch, 'library-data');
    await fillLibrary(libraryData, librarySize);
    // The additions below are removed again; one of the library's own documents is what a start must find.
    const kept = openUserLibrary(libraryData)
      .entries()
      .find((entry) => !entry.removed);
    if (!kept) throw new Error('the library lists no document');
    const started = performance.now();
    const big = await open(libraryData);
    const addTimes: number[] = [];
    let firstLoadMs = 0;
    try {
      await untilFound(big, kept);
      firstLoadMs = performance.now() - started;
      const model = createCorpusModel('margin-import-additions');
      for (let i = 0; i < adds; i++) {
        const article = generateArticle(model, i);
        const marker = additionMarker(i);
        const text = `# ${article.title}\n\n${marker} opens it.\n\n${paragraphsOf(article).join('\n\n')}\n`;
        addTimes.push(
          await timeUntilSearchable(big, `addition-${i}.md`, new TextEncoder().encode(text), marker),
        );
      }
    } finally {
      await big.close();
    }
    const restarted = performance.now();
    const again = await open(libraryData);
    let restartMs = 0;
    try {
      await untilFound(again, kept);
      restartMs = performance.now() - restarted;
    } finally {
      await again.close();
    }
    log(
      `import: ${librarySize} documents of yours: first start ${round(firstLoadMs)} ms, next ${round(restartMs)} ms`,
    );
    return {
      coldMs: round(coldMs),
      preparedMs: round(preparedMs),
      pdfs: results,
      pdftotextMissing: pdftotext ? null : 'pdftotext (poppler-utils) is not installed on this machine',
      library: {
        size: librarySize,
        firstLoadMs: round(firstLoadMs),
        restartMs: round(restartMs),
        addOne: summarise(addTimes),
      },
      repeats,
      loadAverage: { min: Math.min(...load), max: Math.max(...load) },
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
