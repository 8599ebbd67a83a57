/**
 * RESULTS.md's sections on search as you type (bench/typing-bench.ts) and the library view
 * (bench/library-bench.ts), and issue 11's goals for both.
 */
import type { BenchResults } from './bench-results';
import { ms, ratio } from './format';
import { atMostGoal, type GoalCheck } from './goal-check';
import type { LibraryFigures } from './library-bench';
import type { LatencySummary } from './stats';
import type { KeyStages } from './typing-analysis';
import type { TypingModeFigures, TypingResult } from './typing-bench';

type MeasuredTyping = Extract<TypingResult, { measured: true }>;

/** Search as you type and the library view: issue 11's targets. */
export const TYPING_P95_MS = 50;
export const LIBRARY_OPEN_MS = 300;
export const LIBRARY_FILTER_P95_MS = 50;
export const LIBRARY_SORT_MS = 100;
/** Smooth scrolling: the 95th percentile of frame intervals within one 60 Hz frame (and its timer jitter). */
export const LIBRARY_SCROLL_FRAME_MS = 17;

function largestTyping(results: BenchResults): MeasuredTyping | undefined {
  return (results.typing ?? [])
    .filter((entry): entry is MeasuredTyping => entry.measured)
    .sort((a, b) => b.size - a.size)[0];
}

function largestLibrary(results: BenchResults): LibraryFigures | undefined {
  const library = results.library;
  return library?.measured ? [...library.figures].sort((a, b) => b.size - a.size)[0] : undefined;
}

export function typingAndLibraryGoals(results: BenchResults): GoalCheck[] {
  const typing = largestTyping(results);
  const at = typing ? ` (${typing.size.toLocaleString('en')} articles)` : '';
  const dropped = typing && typing.paced.dropped + typing.burst.dropped;
  const stale = typing && typing.paced.stale + typing.burst.stale;
  const library = largestLibrary(results);
  const rows = library ? ` (${library.size.toLocaleString('en')} rows)` : '';
  return [
    atMostGoal(
      `Search as you type${at}: keystroke → its results painted, p95, a fast typist's keys`,
      typing?.paced.latency.p95,
      TYPING_P95_MS,
      `${ms(typing?.paced.latency.p95)} ms (as fast as possible: ${ms(typing?.burst.latency.p95)} ms)`,
      `≤ ${TYPING_P95_MS} ms`,
      'ms',
    ),
    atMostGoal(`Search as you type${at}: dropped keystrokes`, dropped, 0, String(dropped), '0'),
    atMostGoal(
      `Search as you type${at}: stale answers painted over newer ones`,
      stale,
      0,
      String(stale),
      '0',
    ),
    atMostGoal(
      `Library view${rows}: opens (navigation → first rows painted)`,
      library?.firstRowsMs,
      LIBRARY_OPEN_MS,
      `${ms(library?.firstRowsMs)} ms`,
      `≤ ${LIBRARY_OPEN_MS} ms`,
      'ms',
    ),
    atMostGoal(
      `Library view${rows}: scrolls smoothly (frame interval p95)`,
      library?.scrollFrameP95Ms,
      LIBRARY_SCROLL_FRAME_MS,
      `${ms(library?.scrollFrameP95Ms)} ms`,
      `≤ ${LIBRARY_SCROLL_FRAME_MS} ms`,
      'ms',
    ),
    atMostGoal(
      `Library view${rows}: filter as you type, keystroke p95`,
      library?.keystrokeP95Ms,
      LIBRARY_FILTER_P95_MS,
      `${ms(library?.keystrokeP95Ms)} ms`,
      `≤ ${LIBRARY_FILTER_P95_MS} ms`,
      'ms',
    ),
    atMostGoal(
      `Library view${rows}: sort by title`,
      library?.sortMs,
      LIBRARY_SORT_MS,
      `${ms(library?.sortMs)} ms`,
      `≤ ${LIBRARY_SORT_MS} ms`,
      'ms',
    ),
  ];
}

/** The stages of a key; the answer's stage with the search's own part in it, where the answers said. */
const stagesText = (stages: KeyStages | undefined) =>
  stages
    ? [
        ms(stages.wait),
        stages.search === undefined ? ms(stages.answer) : `${ms(stages.answer)} (${ms(stages.search)})`,
        ms(stages.render),
        ms(stages.paint),
      ].join(' / ')
    : '—';

const triple = (summary: LatencySummary) =>
  summary.count === 0 ? '—' : `${ms(summary.p50)} / ${ms(summary.p95)} / ${ms(summary.p99)}`;

function typingTable(result: MeasuredTyping): string[] {
  const { paced, burst, oneShot, apiMs } = result;
  const modes: TypingModeFigures[] = [paced, burst];
  const row = (label: string, cell: (mode: TypingModeFigures) => string, oneShotCell = '', apiCell = '') =>
    `| ${label} | ${modes.map(cell).join(' | ')} | ${oneShotCell} | ${apiCell} |`;
  return [
    `### ${result.size.toLocaleString('en')} articles`,
    '',
    `${result.queries.length} queries (${result.queries.map((query) => `\`${query}\``).join(', ')}), each typed in every ` +
      `mode in turn; Chromium ${result.chromium}; load average ${result.load[0].toFixed(1)} at the start, ` +
      `${result.load[1].toFixed(1)} at the end; measured ${result.measuredAt.slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    '| ms (p50 / p95 / p99) | fast typist (60–100 ms a key) | as fast as possible | baseline: final query filled at once | baseline: API alone (HTTP + search) |',
    '|---|---:|---:|---:|---:|',
    row(
      'keys typed (queries)',
      (mode) => `${mode.keystrokes} (${mode.queries})`,
      `${oneShot.count}`,
      `${apiMs.count}`,
    ),
    row('median gap between keys', (mode) => ms(mode.gapMs)),
    row(
      'keystroke → its results painted',
      (mode) => `${triple(mode.latency)} (${mode.latency.count} painted)`,
      triple(oneShot),
      triple(apiMs),
    ),
    row('last keystroke → final results painted', (mode) => triple(mode.final)),
    row('… p50 against the query filled at once', (mode) => ratio(mode.final.p50, oneShot.p50)),
    row(
      '… p50 against the API alone',
      (mode) => ratio(mode.final.p50, apiMs.p50),
      ratio(oneShot.p50, apiMs.p50),
    ),
    row(
      'where a painted key’s time went, medians: wait for the answer on its way / HTTP + search (the search’s own time in main, its `tookMs`) / render and wait for a frame / paint',
      (mode) => stagesText(mode.stages),
      stagesText(result.oneShotStages),
    ),
    row(
      '… the same for the slowest twentieth of painted keys (what they had typed)',
      (mode) =>
        `${stagesText(mode.slowestStages)}${mode.slowestKeys ? ` (${mode.slowestKeys.map((key) => `\`${key}\``).join(', ')})` : ''}`,
    ),
    row('keys whose results were never painted (a newer key came first)', (mode) => String(mode.superseded)),
    row('dropped keystrokes (field short of what was typed)', (mode) => String(mode.dropped)),
    row('stale paints (an older answer after a newer one)', (mode) => String(mode.stale)),
    row('queries whose final results never painted', (mode) => String(mode.unanswered)),
    '',
  ];
}

export function typingSection(results: BenchResults): string[] {
  const lines = ['## Search as you type (issue 11)', ''];
  const entries = results.typing ?? [];
  if (entries.length === 0)
    return [...lines, 'Not yet measured (`npm run bench -- --parts typing --merge`).', ''];
  lines.push(
    'Generated articles built into a bundle by the real content build, served by the browser host, the app in ' +
      "Chromium; queries drawn from the corpus's words typed into the search box with real key presses. Timed in " +
      "the page: key-down → the first frame painted whose results list answers the field's value after that key " +
      '(the list carries the query it answers, `data-query`; checked every animation frame, the paint done when ' +
      'a task queued from that frame runs). A key whose results were never painted because a newer key came ' +
      'first is counted apart, not timed. A stale paint is an answer to an older input shown after an answer to ' +
      'a newer one.',
    '',
  );
  for (const entry of entries) {
    if (!entry.measured)
      lines.push(`${entry.size.toLocaleString('en')} articles: not measured: ${entry.reason}.`, '');
    else lines.push(...typingTable(entry));
  }
  return lines;
}

export function librarySection(results: BenchResults): string[] {
  const lines = ['## The library view (issue 11)', ''];
  const library = results.library;
  if (!library) return [...lines, 'Not yet measured (`npm run bench -- --parts library --merge`).', ''];
  if (!library.measured) return [...lines, `Not measured: ${library.reason}.`, ''];
  const { figures } = library;
  const row = (label: string, cell: (figure: LibraryFigures) => string, goal: string) =>
    `| ${label} | ${figures.map(cell).join(' | ')} | ${goal} |`;
  lines.push(
    'This build in Chromium through the browser host, over a copy of `dist/` whose `library.json` holds generated ' +
      'rows (bench/library-bench.ts: no content build, the library view reads no document or index). Medians of ' +
      `${library.runs} page loads; load average ${library.load[0].toFixed(1)} at the start, ` +
      `${library.load[1].toFixed(1)} at the end; measured ${library.measuredAt.slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    `| | ${figures.map((figure) => `${figure.size.toLocaleString('en')} rows`).join(' | ')} | goal |`,
    `|---|${figures.map(() => '---:|').join('')}---|`,
    row('opens: navigation → first rows painted, ms', (f) => ms(f.firstRowsMs), `≤ ${LIBRARY_OPEN_MS} ms`),
    row(
      'DOM nodes once open (shadow roots included)',
      (f) => f.domNodes.toLocaleString('en'),
      'only the rows on screen',
    ),
    row(
      'filter as you type ("security"), keystroke → count shown, p50 / p95 ms',
      (f) => `${ms(f.keystrokeP50Ms)} / ${ms(f.keystrokeP95Ms)} (${f.keystrokes} keys)`,
      `p95 ≤ ${LIBRARY_FILTER_P95_MS} ms`,
    ),
    row('sort by title: click → first row, ms', (f) => ms(f.sortMs), `≤ ${LIBRARY_SORT_MS} ms`),
    row(
      'scrolling 700 px a frame: frame interval p95, ms',
      (f) => ms(f.scrollFrameP95Ms),
      `≤ ${LIBRARY_SCROLL_FRAME_MS} ms (one 60 Hz frame)`,
    ),
    row('most DOM nodes while scrolling', (f) => f.scrollMostNodes.toLocaleString('en'), ''),
    '',
    'A filter keystroke is timed only when its prefix changes the count (the count line is what tells one answer ' +
      "from another); key-down → the first frame whose count line shows that prefix's count.",
    '',
  );
  return lines;
}
