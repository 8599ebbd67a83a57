/**
 * The library view at 10,000 and 100,000 articles, in Debian's Chromium through the browser host.
 *
 * A content build of 100,000 articles takes far too long here, so the host is a copy of a built `dist/`
 * whose `content/library.json` is replaced by generated rows (titles, authors, dates, tags and one
 * publisher, like the bench corpus's): the library lists them all, while the search index and the
 * document files stay those of the shipped article (the library view reads neither). The same rows are
 * served by this build and, with `--baseline DIST`, by an older build (a plain list of rows, as it
 * read them), so the figures stand side by side.
 *
 *   npx tsx bench/library-bench.ts [--sizes 10000,100000] [--baseline OTHER/dist] [--baseline-sizes 10000]
 *
 * `npm run bench -- --parts library [--sizes …]` runs this build's part of it and puts the figures in
 * bench/results.json and RESULTS.md beside the goals.
 *
 * Measured inside the page (an init script, so no app code is changed): first rows painted (navigation
 * start → the first frame with a card's title drawn), DOM nodes (shadow roots included), each keystroke
 * of "security" typed into the filter (key down → the frame whose count line shows that prefix's count,
 * computed here with the same folding), and a sort (click → the frame whose first row is the expected
 * one), then scrolling 700 px a frame for 120 frames (frame intervals; the DOM's size on the way).
 * Medians of RUNS page loads.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import type { DocumentMeta } from '../main/api';
import { libraryManifest } from '../main/library/library-manifest';
import { foldForFilter } from '../main/library/library-page';
import { CHROMIUM, CHROMIUM_ARGS, startHost } from '../test/e2e/harness';
import { Random } from './prng';
import { median, percentile } from './stats';

const RUNS = 3;
const TYPED = 'security';
const ROOT = path.join(__dirname, '..');

const WATCH = `(() => {
  const deep = () => {
    const view = document.querySelector('mg-app')?.shadowRoot?.querySelector('mg-library-view')?.shadowRoot;
    return view ?? null;
  };
  window.__bench = { firstRows: null, keyAt: 0 };
  window.addEventListener('keydown', () => { window.__bench.keyAt = performance.now(); }, true);
  window.addEventListener('click', () => { window.__bench.keyAt = performance.now(); }, true);
  const firstTitle = () => deep()?.querySelector('mg-document-card')?.shadowRoot?.querySelector('h2 a')?.textContent?.trim() ?? '';
  window.__benchFirstTitle = firstTitle;
  (function loop() {
    if (firstTitle()) { window.__bench.firstRows = performance.now(); return; }
    requestAnimationFrame(loop);
  })();
  window.__benchCount = () => (deep()?.querySelector('.head .muted')?.textContent ?? '').replace(/,/g, '').trim();
  window.__benchNodes = () => {
    let count = 0;
    const walk = (root) => { for (const el of root.querySelectorAll('*')) { count++; if (el.shadowRoot) walk(el.shadowRoot); } };
    walk(document);
    return count;
  };
  /** Scrolls a screenful a frame for 120 frames: the frame intervals, and the most nodes seen. */
  window.__benchScroll = () => new Promise((resolve) => {
    const intervals = [];
    let most = 0;
    let last = performance.now();
    let frames = 0;
    (function frame() {
      const now = performance.now();
      if (frames > 0) intervals.push(now - last);
      last = now;
      if (frames % 20 === 0) most = Math.max(most, window.__benchNodes());
      if (++frames > 120) return resolve({ intervals, most });
      window.scrollBy(0, 700);
      requestAnimationFrame(frame);
    })();
  });
  /** Resolves with ms since the last key or click, on the first frame where check() holds. */
  window.__benchUntil = (check) => new Promise((resolve) => {
    const deadline = performance.now() + 30000;
    (function frame() {
      if (check()) return resolve(performance.now() - window.__bench.keyAt);
      if (performance.now() > deadline) return resolve(-1);
      requestAnimationFrame(frame);
    })();
  });
})();`;

const WORDS =
  'water border trade energy port corridor election reform policy council region treaty dam river coast market debt grid'.split(
    ' ',
  );
const TOPICS = ['security', 'secular', 'second', 'sector', 'season', 'service', 'strategy', 'summit'];

/** Generated rows like the bench corpus's: each title has a topic word, so the prefixes of "security" narrow. */
function rows(count: number): DocumentMeta[] {
  const generator = new Random(`library-bench:${count}`);
  const random = (): number => generator.next();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const publisher = {
    name: 'Institute for Long Rivers',
    about: ['An independent body that studies water, borders and the treaties between them. '.repeat(6)],
    contact: ['Web: rivers.example', 'Phone: +00 0000 0000'],
  };
  return Array.from({ length: count }, (_, i) => ({
    id: `article-${i}`,
    title: `${pick(WORDS)} ${pick(TOPICS)} and the ${pick(WORDS)} ${i}`.replace(/^./, (c) => c.toUpperCase()),
    series: 'Commentary',
    authors: [{ name: `Writer ${Math.floor(random() * 900)}`, role: 'Fellow' }],
    published: `${2000 + Math.floor(random() * 25)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
    publisher,
    source: null,
    tags: [pick(WORDS), pick(WORDS)],
    wordCount: 900,
    readingMinutes: 4,
    textHash: '0'.repeat(64),
  }));
}

function matchCount(metas: DocumentMeta[], text: string): number {
  const words = foldForFilter(text).split(/\s+/).filter(Boolean);
  return metas.filter((meta) => {
    const hay = foldForFilter(
      [
        meta.title,
        meta.series ?? '',
        meta.publisher?.name ?? '',
        ...meta.authors.map((a) => a.name),
        ...meta.tags,
      ].join(' '),
    );
    return words.every((word) => hay.includes(word));
  }).length;
}

export interface LibraryFigures {
  build: string;
  size: number;
  firstRowsMs: number;
  domNodes: number;
  keystrokeP50Ms: number;
  keystrokeP95Ms: number;
  keystrokes: number;
  sortMs: number;
  /** Scrolling 700 px a frame: the 95th percentile of frame intervals, and the most DOM nodes seen. */
  scrollFrameP95Ms: number;
  scrollMostNodes: number;
}

export type LibraryResult =
  | { measured: false; reason: string }
  | {
      measured: true;
      /** Page loads per size; each figure is their median. */
      runs: number;
      figures: LibraryFigures[];
      /** The 1-minute load average when the measurement began and ended. */
      load: [number, number];
      measuredAt: string;
    };

/** `npm run bench -- --parts library`: this build's library view at each size. */
export async function runLibraryBench(sizes: number[], log: (line: string) => void): Promise<LibraryResult> {
  if (!existsSync(path.join(ROOT, 'dist', 'host', 'serve.js')))
    return { measured: false, reason: 'dist/ is not built: run `npm run build` first' };
  if (!existsSync(CHROMIUM)) return { measured: false, reason: `no Chromium at ${CHROMIUM}` };
  const loadAtStart = os.loadavg()[0] ?? 0;
  const figures: LibraryFigures[] = [];
  try {
    for (const size of sizes) {
      log(`[library] ${size.toLocaleString('en')} rows`);
      figures.push(await measure(path.join(ROOT, 'dist'), 'this build', size, true, log));
    }
  } catch (error) {
    return { measured: false, reason: `the library run failed: ${(error as Error).message.split('\n')[0]}` };
  }
  const load: [number, number] = [loadAtStart, os.loadavg()[0] ?? 0];
  return { measured: true, runs: RUNS, figures, load, measuredAt: new Date().toISOString() };
}

async function measure(
  distDir: string,
  label: string,
  size: number,
  tableFormat: boolean,
  log: (line: string) => void = console.log,
): Promise<LibraryFigures> {
  const copy = await mkdtemp(path.join(os.tmpdir(), 'margin-library-bench-'));
  const profile = await mkdtemp(path.join(os.tmpdir(), 'margin-library-profile-'));
  await cp(distDir, copy, { recursive: true });
  const metas = rows(size);
  const manifest = tableFormat ? libraryManifest(metas) : metas;
  await writeFile(path.join(copy, 'content', 'library.json'), JSON.stringify(manifest));
  const host = await startHost({ serveScript: path.join(copy, 'host', 'serve.js') });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(60_000);
  await context.addInitScript(WATCH);
  const page = context.pages()[0] ?? (await context.newPage());
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  const firstByTitle = [...metas].sort(
    (a, b) => collator.compare(a.title, b.title) || (a.id < b.id ? -1 : 1),
  )[0];
  const runs: Omit<LibraryFigures, 'build' | 'size'>[] = [];
  try {
    await host.call('setPreferences', [{ librarySort: 'date' }]);
    for (let run = 0; run < RUNS; run++) {
      await page.goto(host.url);
      const firstRows = await until(page, 'window.__bench.firstRows');
      const domNodes = (await page.evaluate('window.__benchNodes()')) as number;
      const filter = page.getByRole('searchbox', { name: 'Filter documents' });
      await filter.click();
      const keys: number[] = [];
      let previous = size;
      for (let typed = 1; typed <= TYPED.length; typed++) {
        const expected = matchCount(metas, TYPED.slice(0, typed));
        await page.keyboard.press(TYPED[typed - 1]);
        const line = expected === size ? `${size} documents` : `${expected} of ${size} documents`;
        const ms = (await page.evaluate(
          `window.__benchUntil(() => window.__benchCount() === ${JSON.stringify(line)})`,
        )) as number;
        // A prefix with the same count as the one before cannot be told apart on screen: not timed.
        if (expected !== previous && ms >= 0) keys.push(ms);
        previous = expected;
      }
      await filter.fill('');
      await page.evaluate(`window.__benchUntil(() => window.__benchCount() === '${size} documents')`);
      await page.getByRole('button', { name: 'Title', exact: true }).click();
      const sortMs = (await page.evaluate(
        `window.__benchUntil(() => window.__benchFirstTitle() === ${JSON.stringify(firstByTitle.title)})`,
      )) as number;
      await page.getByRole('button', { name: 'Newest' }).click();
      await host.call('setPreferences', [{ librarySort: 'date' }]);
      const scroll = (await page.evaluate('window.__benchScroll()')) as { intervals: number[]; most: number };
      await page.evaluate('window.scrollTo(0, 0)');
      runs.push({
        firstRowsMs: firstRows,
        domNodes,
        keystrokeP50Ms: median(keys),
        keystrokeP95Ms: percentile(keys, 95),
        keystrokes: keys.length,
        sortMs,
        scrollFrameP95Ms: percentile(scroll.intervals, 95),
        scrollMostNodes: scroll.most,
      });
      log(`[library] ${label} ${size}: run ${run + 1} ${JSON.stringify(runs.at(-1))}`);
    }
  } finally {
    await context.close();
    await host.stop();
    await rm(copy, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
  const mid = (pick: (r: (typeof runs)[number]) => number) => Math.round(median(runs.map(pick)) * 10) / 10;
  return {
    build: label,
    size,
    firstRowsMs: mid((r) => r.firstRowsMs),
    domNodes: mid((r) => r.domNodes),
    keystrokeP50Ms: mid((r) => r.keystrokeP50Ms),
    keystrokeP95Ms: mid((r) => r.keystrokeP95Ms),
    keystrokes: runs[0]?.keystrokes ?? 0,
    sortMs: mid((r) => r.sortMs),
    scrollFrameP95Ms: mid((r) => r.scrollFrameP95Ms),
    scrollMostNodes: mid((r) => r.scrollMostNodes),
  };
}

/** Polls a value the init script sets (the app's CSP rules out waitForFunction). */
async function until(page: Page, expression: string): Promise<number> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = (await page.evaluate(expression)) as number | null;
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${expression} never became set`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,100000' },
      baseline: { type: 'string' },
      'baseline-sizes': { type: 'string', default: '10000' },
    },
  });
  const figures: LibraryFigures[] = [];
  for (const size of values.sizes.split(',').map(Number))
    figures.push(await measure(path.join(ROOT, 'dist'), 'this build', size, true));
  if (values.baseline) {
    for (const size of values['baseline-sizes'].split(',').map(Number))
      figures.push(await measure(path.resolve(values.baseline), 'baseline', size, false));
  }
  console.table(figures);
  console.log(JSON.stringify(figures));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
