/**
 * Search as you type in the real renderer: generated articles built into a bundle by the real content
 * build, served by the browser host (a copy of the built `dist/` with that bundle as its content), the
 * app opened in Debian's Chromium, and queries typed into the search box with real key presses: at a
 * fast typist's pace (60–100 ms between keys) and as fast as the browser takes them.
 *
 * Timed inside the page by an init script (no app code changed for it): each key-down, the field's
 * value after its input event, and every time the results list starts to show another query's answer
 * (the list's `data-query`, checked on every animation frame; the paint is done when a task queued from
 * that frame runs). bench/typing-analysis.ts turns that into keystroke → its results painted, keys
 * superseded, dropped keystrokes and stale paints. Baselines in the same run: the final query filled in
 * at once (one input event), and the API's own round trip for it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { SearchResults } from '../main/api';
import { buildContent } from '../main/library/content-build';
import { CHROMIUM, CHROMIUM_ARGS, startHost, type MarginHost } from '../test/e2e/harness';
import { corpusVocabulary } from './bench-queries';
import { readFieldRecords, type FieldRecord } from './bundle-documents';
import { WORK_ROOT } from './child-process';
import { ensureCorpus } from './corpus';
import { Random } from './prng';
import { median, summarise, type LatencySummary } from './stats';
import {
  analyseTyping,
  keyStages,
  medianStages,
  slowestStages,
  typingGaps,
  type KeyStages,
  type TypingAnalysis,
  type TypingRecord,
} from './typing-analysis';
import { GROUP_STEPS } from '../renderer/search/search-choices';

export interface TypingModeFigures {
  queries: number;
  keystrokes: number;
  /** Median time between key-downs, ms. */
  gapMs: number;
  /** Key → the results for the field's value after it painted, for every key whose results were. */
  latency: LatencySummary;
  /** The last key of a query → its final results painted. */
  final: LatencySummary;
  superseded: number;
  dropped: number;
  stale: number;
  /** Queries whose final results were never painted (within 10 s). */
  unanswered: number;
  /** Medians, over the painted keys, of where their time went (absent in older results). */
  stages?: KeyStages;
  /** The same for the slowest twentieth of the painted keys (where the p95 goes), and what they had typed. */
  slowestStages?: KeyStages;
  slowestKeys?: string[];
}

export type TypingResult =
  | { measured: false; size: number; reason: string }
  | {
      measured: true;
      size: number;
      queries: string[];
      paced: TypingModeFigures;
      burst: TypingModeFigures;
      /** The final query filled in at once (one input event) → its results painted. */
      oneShot: LatencySummary;
      /** … and where that time went, medians (absent in older results). */
      oneShotStages?: KeyStages;
      /** The same queries through the host's API from Node (HTTP round trip, search, JSON). */
      apiMs: LatencySummary;
      /** The 1-minute load average when the typing began and ended. */
      load: [number, number];
      chromium: string;
      measuredAt: string;
    };

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
/** What the search box asks while the reader types (renderer/search/search-choices.ts). */
const SEARCH_OPTIONS = { limit: GROUP_STEPS[0], passagesPerDocument: 3 };
const FINAL_TIMEOUT_MS = 10_000;
/** After the final results, how long to keep watching for a late (stale) answer. */
const SETTLE_MS = 400;

/** Watches keys, the field's value and the results list; exposes `window.__typing`. */
const PROBE = `(() => {
  const search = () => document.querySelector('mg-app')?.shadowRoot?.querySelector('mg-search')?.shadowRoot ?? null;
  const log = { keys: [], paints: [], asks: [], shown: null };
  log.value = () => search()?.querySelector('input')?.value ?? '';
  window.__typing = log;
  const originalFetch = window.fetch;
  window.fetch = function (input, init) {
    const asked = originalFetch.call(this, input, init);
    if (!String(input).includes('/api/search')) return asked;
    let query = null;
    try { query = JSON.parse(init.body)[0]; } catch {}
    const ask = { query, sentAt: performance.now(), answeredAt: null, searchMs: null };
    log.asks.push(ask);
    return asked.then(async (response) => {
      const text = await response.clone().text();
      ask.answeredAt = performance.now();
      const took = /"tookMs":([0-9.]+)/.exec(text);
      ask.searchMs = took ? Number(took[1]) : null;
      return response;
    });
  };
  addEventListener('keydown', (event) => {
    if (event.key.length === 1) log.keys.push({ at: performance.now(), value: null });
  }, true);
  addEventListener('input', (event) => {
    const value = event.composedPath()[0]?.value ?? '';
    const last = log.keys[log.keys.length - 1];
    if (last && last.value === null) last.value = value;
    else log.keys.push({ at: performance.now(), value });
  }, true);
  (function frame() {
    const list = search()?.querySelector('[data-query]');
    const query = list && list.checkVisibility() ? list.dataset.query : null;
    if (query !== log.shown) {
      log.shown = query;
      if (query !== null) {
        const paint = { query, seenAt: performance.now(), at: null };
        log.paints.push(paint);
        setTimeout(() => { paint.at = performance.now(); }, 0);
      }
    }
    requestAnimationFrame(frame);
  })();
})();`;

/** Realistic queries, drawn from the corpus's own words: one word, a rarer word, two words, a phrase. */
export function typingQueries(records: readonly FieldRecord[], count: number, seed: string): string[] {
  const random = new Random(`${seed}:typing`);
  const { common, longer, middle, titles } = corpusVocabulary(records);
  const makers = [
    () => random.pick(common),
    () => random.pick(longer),
    () => random.sample(middle, 2).join(' '),
    () => `${random.pick(titles)} ${random.pick(common)}`,
  ];
  return Array.from({ length: count }, (_, index) => makers[index % makers.length]!());
}

/** The generated articles as a content bundle, built once per corpus and build of the app. */
async function ensureBundle(size: number, seed: string, log: (line: string) => void): Promise<string> {
  const corpus = await ensureCorpus(size, seed);
  const work = path.join(WORK_ROOT, 'typing', String(size));
  const bundleDir = path.join(work, 'bundle');
  const stampFile = path.join(work, 'stamp.json');
  const serveHash = createHash('sha256')
    .update(await readFile(path.join(DIST, 'host', 'serve.js')))
    .digest('hex');
  const stamp = JSON.stringify({ corpus: corpus.manifest, serveHash });
  if (existsSync(bundleDir) && (await readFile(stampFile, 'utf8').catch(() => '')) === stamp)
    return bundleDir;
  log(`[typing] building the content bundle of ${size.toLocaleString('en')} articles`);
  await mkdir(work, { recursive: true });
  // In full: the stamp says the code changed, which a rebuild of the changed files alone would not see.
  await buildContent({ inDir: corpus.sourceDir, outDir: bundleDir, full: true });
  await writeFile(stampFile, stamp);
  return bundleDir;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the probe (the app's CSP rules out Playwright's waitForFunction). */
async function until(page: Page, expression: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await page.evaluate(expression)) return true;
    await sleep(15);
  }
  return false;
}

type Mode = 'paced' | 'burst' | 'oneShot';

async function typeOne(page: Page, text: string, mode: Mode, random: Random): Promise<TypingRecord> {
  const box = page.getByRole('combobox', { name: 'Search the library' });
  await box.fill('');
  await until(page, 'window.__typing.shown === null', 5_000);
  await sleep(150);
  await page.evaluate('window.__typing.keys = []; window.__typing.paints = []; window.__typing.asks = [];');
  if (mode === 'oneShot') await box.fill(text);
  else if (mode === 'burst') await page.keyboard.type(text);
  else {
    const gaps = typingGaps(text.length, () => random.next());
    let next = Date.now();
    for (const [index, char] of [...text].entries()) {
      await sleep(Math.max(0, next - Date.now()));
      next = Date.now() + gaps[index]!;
      await page.keyboard.type(char);
    }
  }
  const done = `window.__typing.paints.some((p) => p.at !== null && p.query === ${JSON.stringify(text)})`;
  await until(page, done, FINAL_TIMEOUT_MS);
  await sleep(SETTLE_MS);
  const logged = (await page.evaluate(
    '({ keys: window.__typing.keys, paints: window.__typing.paints.filter((p) => p.at !== null), asks: window.__typing.asks, value: window.__typing.value() })',
  )) as Required<Pick<TypingRecord, 'keys' | 'paints' | 'asks'>> & { value: string };
  const { keys, paints, asks } = logged;
  return { typed: text, finalValue: logged.value, keys, paints, asks };
}

function modeFigures(records: TypingRecord[], analyses: TypingAnalysis[]): TypingModeFigures {
  const gaps = records.flatMap((record) => record.keys.slice(1).map((key, i) => key.at - record.keys[i]!.at));
  const sum = (pick: (analysis: TypingAnalysis) => number) => analyses.reduce((n, a) => n + pick(a), 0);
  const stages = records.flatMap(keyStages);
  const slowest = slowestStages(stages);
  return {
    queries: records.length,
    keystrokes: sum((a) => a.latencies.length + a.superseded + (a.finalLatency === null ? 1 : 0)),
    gapMs: median(gaps),
    latency: summarise(analyses.flatMap((a) => a.latencies)),
    final: summarise(analyses.flatMap((a) => (a.finalLatency === null ? [] : [a.finalLatency]))),
    superseded: sum((a) => a.superseded),
    dropped: sum((a) => a.dropped),
    stale: sum((a) => a.stale + a.foreign),
    unanswered: sum((a) => (a.finalLatency === null ? 1 : 0)),
    stages: medianStages(stages),
    slowestStages: medianStages(slowest),
    slowestKeys: slowest.map((stage) => stage.value ?? ''),
  };
}

async function waitForFullText(host: MarginHost, query: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const results = await host.call<SearchResults>('search', [query, SEARCH_OPTIONS]);
    if (results.status === 'ok' && results.complete) return;
    await sleep(200);
  }
  throw new Error('the full-text index did not load within 60 s');
}

async function apiTimes(host: MarginHost, queries: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const query of queries) {
    const start = performance.now();
    await host.call('search', [query, SEARCH_OPTIONS]);
    times.push(performance.now() - start);
  }
  return times;
}

export async function runTypingBench(options: {
  size: number;
  seed: string;
  quick: boolean;
  log: (line: string) => void;
}): Promise<TypingResult> {
  const { size, seed, log } = options;
  if (
    !existsSync(path.join(DIST, 'host', 'serve.js')) ||
    !existsSync(path.join(DIST, 'renderer', 'index.html'))
  )
    return { measured: false, size, reason: 'dist/ is not built: run `npm run build` first' };
  if (!existsSync(CHROMIUM)) return { measured: false, size, reason: `no Chromium at ${CHROMIUM}` };
  const bundleDir = await ensureBundle(size, seed, log);
  const queries = typingQueries(await readFieldRecords(bundleDir), options.quick ? 4 : 12, seed);
  const copy = await mkdtemp(path.join(os.tmpdir(), 'margin-typing-dist-'));
  const profile = await mkdtemp(path.join(os.tmpdir(), 'margin-typing-profile-'));
  try {
    await cp(DIST, copy, { recursive: true });
    await rm(path.join(copy, 'content'), { recursive: true, force: true });
    await cp(bundleDir, path.join(copy, 'content'), { recursive: true });
    log(`[typing] ${size.toLocaleString('en')} articles: starting the browser host`);
    const host = await startHost({ serveScript: path.join(copy, 'host', 'serve.js') });
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
    });
    try {
      context.setDefaultTimeout(30_000);
      await context.addInitScript(PROBE);
      const page = context.pages()[0] ?? (await context.newPage());
      await waitForFullText(host, queries[0]!);
      await page.goto(host.url);
      await page.getByRole('combobox', { name: 'Search the library' }).click();
      const random = new Random(`${seed}:typing-gaps`);
      await typeOne(page, queries[queries.length - 1]!, 'paced', random); // warm-up, not counted
      const loadAtStart = os.loadavg()[0] ?? 0;
      const byMode: Record<Mode, TypingRecord[]> = { paced: [], burst: [], oneShot: [] };
      for (const [index, query] of queries.entries()) {
        log(`[typing] query ${index + 1}/${queries.length}: "${query}"`);
        // Modes alternate query by query, so that the machine's load falls on each alike.
        for (const mode of ['paced', 'burst', 'oneShot'] as const)
          byMode[mode].push(await typeOne(page, query, mode, random));
      }
      const api = await apiTimes(host, queries);
      const figures = (mode: Mode) => modeFigures(byMode[mode], byMode[mode].map(analyseTyping));
      const oneShot = figures('oneShot');
      return {
        measured: true,
        size,
        queries,
        paced: figures('paced'),
        burst: figures('burst'),
        oneShot: oneShot.final,
        oneShotStages: oneShot.stages,
        apiMs: summarise(api),
        load: [loadAtStart, os.loadavg()[0] ?? 0],
        chromium: context.browser()?.version() ?? 'Chromium',
        measuredAt: new Date().toISOString(),
      };
    } finally {
      await context.close();
      await host.stop();
    }
  } catch (error) {
    return {
      measured: false,
      size,
      reason: `the typing run failed: ${(error as Error).message.split('\n')[0]}`,
    };
  } finally {
    await rm(copy, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}
