/**
 * The renderer benchmark: a document with 1,000 highlights, opened in Debian's Chromium through the
 * browser host (`dist/host/serve.js`, the real app over HTTP), timed inside the page.
 *
 * The page is instrumented before any app code runs: every `CSS.highlights` change is timestamped and
 * grouped by task. The paint of the 1,000 highlights is the task that registers them, from its first
 * registry call (the painter clears its layers first) to its last `set()`: the script part. The render
 * part is measured on the next frame: from its animation-frame callback to a task queued there, which
 * runs once the frame's style and paint are done, so no wait for vsync is counted.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { Annotation, Document } from '../main/api';
import { canonicalText } from '../main/library/canonical-text';
import { CHROMIUM, CHROMIUM_ARGS, startHost } from '../test/e2e/harness';
import { makeHighlights } from './annotation-fixtures';
import { WORK_ROOT } from './child-process';
import { ensureCorpus } from './corpus';
import { median } from './stats';

export type RendererResult =
  | { measured: false; reason: string }
  | {
      measured: true;
      highlights: number;
      /** Ranges registered (a highlight across two paragraphs is two ranges). */
      ranges: number;
      /** Click on the library entry → the 1,000 highlights registered, ms. */
      openMs: number;
      /** Script + render of the highlight paint, ms: the number to hold against one frame. */
      paintMs: number;
      scriptMs: number;
      renderMs: number;
      runs: number[];
      chromium: string;
      how: string;
    };

const ROOT = path.join(__dirname, '..');
const SERVE = path.join(ROOT, 'dist', 'host', 'serve.js');
const HIGHLIGHTS = 1_000;
const RUNS = 5;

/** Timestamps every change of the highlight registry, grouped by the task that made it. */
const INSTRUMENT = `(() => {
  const paints = [];
  window.__benchPaints = paints;
  window.addEventListener('click', () => { window.__benchClickAt = performance.now(); }, true);
  let group = null;
  const proto = HighlightRegistry.prototype;
  for (const op of ['set', 'delete', 'clear']) {
    const original = proto[op];
    proto[op] = function (...args) {
      if (args[0] === 'mg-hl-flash') return original.apply(this, args);
      const start = performance.now();
      const result = original.apply(this, args);
      const end = performance.now();
      if (group === null) {
        const current = { t0: start, t1: end, ranges: 0, done: false };
        group = current;
        setTimeout(() => {
          group = null;
          paints.push(current);
          requestAnimationFrame(() => {
            current.frameStart = performance.now();
            setTimeout(() => { current.frameEnd = performance.now(); current.done = true; }, 0);
          });
        }, 0);
      }
      group.t1 = end;
      if (op === 'set') group.ranges += args[1].size;
      return result;
    };
  }
})();`;

interface PaintGroup {
  t0: number;
  t1: number;
  ranges: number;
  done: boolean;
  frameStart: number;
  frameEnd: number;
}

/**
 * Waits for the highlight paint after the click: the registering task with the most ranges, once
 * painting has been quiet for half a second (the painter may merge overlapping highlights of a colour,
 * so there can be fewer ranges than highlights). Polled from here because the app's CSP (no eval)
 * rules out Playwright's waitForFunction.
 */
async function waitForPaint(page: Page): Promise<{ group: PaintGroup; clickAt: number }> {
  const deadline = Date.now() + 30_000;
  let seen = 0;
  let quietSince = Date.now();
  for (;;) {
    const [groups, clickAt] = (await page.evaluate('[window.__benchPaints, window.__benchClickAt]')) as [
      PaintGroup[],
      number,
    ];
    if (groups.length !== seen) [seen, quietSince] = [groups.length, Date.now()];
    const painted = groups
      .filter((g) => g.done && g.ranges > 0 && g.t0 >= clickAt)
      .sort((a, b) => b.ranges - a.ranges);
    const group = painted[0];
    if (group && groups.every((g) => g.done) && Date.now() - quietSince > 500) return { group, clickAt };
    if (Date.now() > deadline)
      throw new Error('no highlights were painted within 30 s of opening the document');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One generated article (the longest of the first 20) as the host's whole library. */
async function prepareContent(seed: string, contentDir: string): Promise<void> {
  const corpus = await ensureCorpus(100, seed);
  await rm(contentDir, { recursive: true, force: true });
  await mkdir(contentDir, { recursive: true });
  const names = (await readdir(corpus.sourceDir)).sort().slice(0, 20);
  const sizes = await Promise.all(
    names.map(async (name) => (await stat(path.join(corpus.sourceDir, name))).size),
  );
  const longest = names[sizes.indexOf(Math.max(...sizes))]!;
  await copyFile(path.join(corpus.sourceDir, longest), path.join(contentDir, longest));
}

export async function runRendererBench(seed: string, log: (line: string) => void): Promise<RendererResult> {
  if (!existsSync(SERVE) || !existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) {
    return { measured: false, reason: 'dist/ is not built: run `npm run build` first' };
  }
  if (!existsSync(CHROMIUM)) return { measured: false, reason: `no Chromium at ${CHROMIUM}` };
  const work = path.join(WORK_ROOT, 'renderer');
  const contentDir = path.join(work, 'content');
  const dataDir = path.join(work, 'data');
  await prepareContent(seed, contentDir);
  await rm(dataDir, { recursive: true, force: true });

  log('[renderer] starting the browser host');
  const host = await startHost({ contentDir, dataDir });
  const profile = await mkdtemp(path.join(os.tmpdir(), 'margin-bench-profile-'));
  try {
    const [summary] = await host.call<Array<{ id: string; title: string }>>('listDocuments');
    if (!summary) throw new Error('the host lists no document');
    const doc = await host.call<Document>('getDocument', [summary.id]);
    const text = canonicalText(doc);
    log(`[renderer] creating ${HIGHLIGHTS} highlights through the API`);
    for (const highlight of makeHighlights(doc.id, text, HIGHLIGHTS, seed)) {
      const [, position] = highlight.selectors as Exclude<Annotation['selectors'], []>;
      await host.call('createAnnotation', [
        {
          docId: doc.id,
          range: { start: position.start, end: position.end },
          color: highlight.color,
          note: highlight.note,
        },
      ]);
    }

    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
    });
    context.setDefaultTimeout(30_000);
    await context.addInitScript(INSTRUMENT);
    const page = context.pages()[0] ?? (await context.newPage());
    const chromiumVersion = context.browser()?.version() ?? 'Chromium';
    const samples: Array<{ open: number; script: number; render: number; ranges: number }> = [];
    try {
      for (let run = 0; run < RUNS; run++) {
        log(`[renderer] open ${run + 1}/${RUNS}`);
        await page.goto(host.url);
        await page.getByRole('link', { name: summary.title }).click();
        const { group, clickAt } = await waitForPaint(page);
        samples.push({
          open: group.t1 - clickAt,
          script: group.t1 - group.t0,
          render: group.frameEnd - group.frameStart,
          ranges: group.ranges,
        });
      }
    } finally {
      await context.close();
    }
    const paints = samples.map((sample) => sample.script + sample.render);
    return {
      measured: true,
      highlights: HIGHLIGHTS,
      ranges: samples[0]?.ranges ?? 0,
      openMs: median(samples.map((sample) => sample.open)),
      paintMs: median(paints),
      scriptMs: median(samples.map((sample) => sample.script)),
      renderMs: median(samples.map((sample) => sample.render)),
      runs: paints,
      chromium: chromiumVersion,
      how:
        'Script: from the painter clearing its layers to its last `CSS.highlights.set()`; render: the next frame, from its ' +
        'animation-frame callback to a task queued there (style and paint done, vsync wait excluded). Open: click on the ' +
        'library entry to the highlights registered.',
    };
  } catch (error) {
    return { measured: false, reason: `the renderer run failed: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    await host.stop();
    await rm(profile, { recursive: true, force: true });
  }
}
