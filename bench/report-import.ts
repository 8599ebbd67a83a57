/** RESULTS.md's section on importing your own documents (bench/import-bench.ts). */
import type { BenchResults } from './bench-results';
import { ms, ratio } from './format';
import { PREPARE_LEAD_MS } from './import-bench';

export function importSection(results: BenchResults): string[] {
  const result = results.import;
  const lines: string[] = ['## Your own documents (import)', ''];
  if (!result) return [...lines, 'Import: not yet measured (`npm run bench -- --parts import --merge`).', ''];
  lines.push(
    `PDFs printed by Chromium from the bench's generated prose, imported through a real service (import worker, ` +
      `user library on disk, search worker); medians of ${result.repeats} run(s). *Searchable*: from the ` +
      `importDocument call to a search that finds a word only that file holds. *Peak memory*: resident memory ` +
      `of a fresh Node process that imports only that file (Node itself is ~45 MB of it). pdf.js and pdftotext ` +
      `read the same file's text, in the same run. *Longest stall*: the longest the service's event loop ` +
      `waited during an import (the most of the runs). *Own work*: the most of the main thread's own CPU ` +
      `time within one such wait (a 5 ms timer's gap): what holds the loop itself; the rest of a stall is ` +
      `waiting for a core on a busy machine.` +
      (result.loadAverage
        ? ` The 1-minute load average was ${result.loadAverage.min.toFixed(1)}–` +
          `${result.loadAverage.max.toFixed(1)} on ${results.machine.cores} cores while the PDFs were imported.`
        : ''),
    '',
    '| file | pages | size | searchable | longest main-process stall | own work | peak memory | pdf.js text | pdftotext | pdf.js ÷ pdftotext |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const pdf of result.pdfs) {
    lines.push(
      `| ${pdf.name} | ${pdf.pages} | ${(pdf.bytes / 1024).toFixed(0)} KB | ${ms(pdf.searchableMs)} ms | ` +
        `${pdf.longestStallMs === undefined ? '—' : `${ms(pdf.longestStallMs)} ms`} | ` +
        `${pdf.longestBusyMs === undefined ? '—' : `${ms(pdf.longestBusyMs)} ms`} | ` +
        `${Math.round(pdf.peakRssMb)} MB | ${ms(pdf.pdfjsMs)} ms | ${ms(pdf.pdftotextMs)} ms | ${ratio(pdf.pdfjsMs, pdf.pdftotextMs)} |`,
    );
  }
  lines.push(
    '',
    `The first PDF of a session also starts the import worker and loads pdf.js in it: the 4-page brief then ` +
      `takes ${ms(result.coldMs)} ms to be searchable (the table's figures are the imports after it).` +
      (result.preparedMs === undefined
        ? ''
        : ` Readied while the reader picks the file (prepareImport, ${PREPARE_LEAD_MS} ms before the drop, as ` +
          `a drag over the window or Add documents… does), the first one takes ${ms(result.preparedMs)} ms.`),
    '',
  );
  if (result.pdftotextMissing) lines.push(`pdftotext column empty: ${result.pdftotextMissing}.`, '');
  const { library } = result;
  lines.push(
    `A library of ${library.size.toLocaleString('en')} documents of yours: the search worker makes and loads ` +
      `their segments in ${ms(library.firstLoadMs)} ms at its first start, as the bench writes the library ` +
      `directly (the app makes each segment at import)` +
      (library.restartMs === undefined
        ? ''
        : `; every later start reads the kept main stage: ${ms(library.restartMs)} ms from the service's ` +
          `start to a search finding one of them`) +
      `; one more document (Markdown, parsed in the ` +
      `import worker, kept, indexed) is searchable after p50 ${ms(library.addOne.p50)} ms, p95 ` +
      `${ms(library.addOne.p95)} ms, max ${ms(library.addOne.max)} ms (${library.addOne.count} additions), ` +
      `without rebuilding the bundled index.`,
    '',
  );
  return lines;
}
