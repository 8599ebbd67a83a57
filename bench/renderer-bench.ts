/**
 * The renderer benchmark: a document with 1,000 highlights, opened in Debian's Chromium through the
 * browser host (`dist/host/serve.js`, the real app over HTTP), timed inside the page
 * (`renderer-instrument.ts` groups every change of the highlights by task).
 *
 * Two figures: the highlights on screen painted (the task that registers the highlights, from its
 * first registry call, when the painter clears its layers, to its last `set()`, plus the frame that
 * draws them), and every highlight painted (from that same first call to the frame that draws the
 * last range added in idle time). A build that paints everything at once has the two equal. With
 * `--baseline OTHER/dist`, another build is measured in the same run, its opens alternating with
 * this build's so that both meet the same load on a shared machine:
 *   npx tsx bench/renderer-bench.ts [--baseline OTHER/dist] [--runs 9]
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import type { Annotation, Document } from '../main/api';
import { canonicalText } from '../main/library/canonical-text';
import { CHROMIUM, CHROMIUM_ARGS, startHost, type MarginHost } from '../test/e2e/harness';
import { makeHighlights } from './annotation-fixtures';
import { WORK_ROOT } from './child-process';
import { ensureCorpus } from './corpus';
import { INSTRUMENT, type PaintGroup } from './renderer-instrument';
import { median } from './stats';

/** One build's medians over its opens. */
export interface PaintFigures {
  /** Click on the library entry → the highlights on screen registered, ms. */
  openMs: number;
  /** Script + render of the paint of the highlights on screen, ms: the goal's figure. */
  paintMs: number;
  scriptMs: number;
  renderMs: number;
  /** Ranges registered in that first paint. */
  onScreenRanges: number;
  /** From the first paint's start to the frame that draws the last highlight, ms (idle waits included). */
  allPaintedMs: number;
  /** Script of every task that painted highlights, summed, ms. */
  allScriptMs: number;
  /** Ranges painted in all (a highlight across two paragraphs is two ranges). */
  ranges: number;
  /** Script + render of the first paint, per open. */
  runs: number[];
  /** Every highlight painted, per open. */
  allRuns: number[];
}

export type RendererResult =
  | { measured: false; reason: string }
  | ({
      measured: true;
      highlights: number;
      chromium: string;
      how: string;
      /** Another build in the same run (`--baseline`), named by the folder its `dist/` is in. */
      baseline?: PaintFigures & { label: string };
    } & Partial<Pick<PaintFigures, 'onScreenRanges' | 'allPaintedMs' | 'allScriptMs' | 'allRuns'>> &
      Omit<PaintFigures, 'onScreenRanges' | 'allPaintedMs' | 'allScriptMs' | 'allRuns'>);

const ROOT = path.join(__dirname, '..');
const SERVE = path.join(ROOT, 'dist', 'host', 'serve.js');
const HIGHLIGHTS = 1_000;
const RUNS = 5;

interface OpenSample {
  open: number;
  script: number;
  render: number;
  onScreenRanges: number;
  all: number;
  allScript: number;
  ranges: number;
}

/**
 * Waits for the highlights after the click, polled from here because the app's CSP (no eval) rules
 * out Playwright's waitForFunction: painting must have been quiet for half a second, every frame
 * measured. The first paint is the last task after the click that registered ranges (a later full
 * repaint replaces an earlier one); everything after it added the rest.
 */
async function waitForPaint(page: Page): Promise<OpenSample> {
  const deadline = Date.now() + 30_000;
  let seen = 0;
  let quietSince = Date.now();
  for (;;) {
    const [groups, clickAt] = (await page.evaluate('[window.__benchPaints, window.__benchClickAt]')) as [
      PaintGroup[],
      number,
    ];
    if (groups.length !== seen) [seen, quietSince] = [groups.length, Date.now()];
    const after = groups.filter((g) => g.t0 >= clickAt);
    const firstIndex = after.findLastIndex((g) => g.setRanges > 0);
    if (firstIndex >= 0 && groups.every((g) => g.done) && Date.now() - quietSince > 500) {
      const first = after[firstIndex]!;
      const rest = after.slice(firstIndex + 1).filter((g) => g.addedRanges > 0);
      const last = rest[rest.length - 1] ?? first;
      return {
        open: first.t1 - clickAt,
        script: first.t1 - first.t0,
        render: first.frameEnd - first.frameStart,
        onScreenRanges: first.setRanges,
        all: last.frameEnd - first.t0,
        allScript: [first, ...rest].reduce((sum, g) => sum + g.t1 - g.t0, 0),
        ranges: first.setRanges + rest.reduce((sum, g) => sum + g.addedRanges, 0),
      };
    }
    if (Date.now() > deadline)
      throw new Error('no highlights were painted within 30 s of opening the document');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function figures(samples: readonly OpenSample[]): PaintFigures {
  const of = (pick: (sample: OpenSample) => number) => median(samples.map(pick));
  return {
    openMs: of((s) => s.open),
    paintMs: of((s) => s.script + s.render),
    scriptMs: of((s) => s.script),
    renderMs: of((s) => s.render),
    onScreenRanges: of((s) => s.onScreenRanges),
    allPaintedMs: of((s) => s.all),
    allScriptMs: of((s) => s.allScript),
    ranges: of((s) => s.ranges),
    runs: samples.map((s) => s.script + s.render),
    allRuns: samples.map((s) => s.all),
  };
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

/** The library's one document, with the bench's highlights created on it through the API; its title. */
async function seedHighlights(host: MarginHost, seed: string): Promise<string> {
  const [summary] = await host.call<Array<{ id: string; title: string }>>('listDocuments');
  if (!summary) throw new Error('the host lists no document');
  const doc = await host.call<Document>('getDocument', [summary.id]);
  const text = canonicalText(doc);
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
  return summary.title;
}

interface BuildUnderTest {
  label: string;
  serveScript: string;
  host?: MarginHost;
  title?: string;
  samples: OpenSample[];
}

export async function runRendererBench(
  seed: string,
  log: (line: string) => void,
  options: { baselineDist?: string; runs?: number } = {},
): Promise<RendererResult> {
  if (!existsSync(SERVE) || !existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) {
    return { measured: false, reason: 'dist/ is not built: run `npm run build` first' };
  }
  if (!existsSync(CHROMIUM)) return { measured: false, reason: `no Chromium at ${CHROMIUM}` };
  const builds: BuildUnderTest[] = [{ label: 'this build', serveScript: SERVE, samples: [] }];
  if (options.baselineDist) {
    const serveScript = path.join(path.resolve(options.baselineDist), 'host', 'serve.js');
    if (!existsSync(serveScript)) return { measured: false, reason: `no ${serveScript}` };
    builds.push({ label: 'baseline', serveScript, samples: [] });
  }
  const runs = options.runs ?? RUNS;
  const contentDir = path.join(WORK_ROOT, 'renderer', 'content');
  await prepareContent(seed, contentDir);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'margin-bench-profile-'));
  try {
    for (const build of builds) {
      log(
        `[renderer] starting the browser host (${build.label}), creating ${HIGHLIGHTS} highlights through the API`,
      );
      build.host = await startHost({ contentDir, serveScript: build.serveScript });
      build.title = await seedHighlights(build.host, seed);
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
    try {
      for (let run = 0; run < runs; run++) {
        // Alternating builds, so that both meet the same load on a shared machine.
        for (const build of builds) {
          log(`[renderer] open ${run + 1}/${runs} (${build.label})`);
          await page.goto(build.host!.url);
          await page.getByRole('link', { name: build.title! }).click();
          build.samples.push(await waitForPaint(page));
        }
      }
    } finally {
      await context.close();
    }
    const [current, baseline] = builds.map((build) => figures(build.samples));
    return {
      measured: true,
      highlights: HIGHLIGHTS,
      ...current!,
      ...(baseline
        ? {
            baseline: {
              ...baseline,
              label: path.basename(path.dirname(path.resolve(options.baselineDist!))),
            },
          }
        : {}),
      chromium: chromiumVersion,
      how:
        'On screen: script from the painter clearing its layers to its last `CSS.highlights.set()` (at the next animation ' +
        'frame after the document renders, with the layout that says what is on screen), then render to the end of the ' +
        'frame that draws it (style, layout and paint done; for a build that registers outside a frame, the next frame ' +
        'from its animation-frame callback; no vsync wait counted). All: from that same start to the end of the frame ' +
        'that draws the last range added in idle time, waits included. Open: click on the library entry to the ' +
        'highlights on screen registered.',
    };
  } catch (error) {
    return { measured: false, reason: `the renderer run failed: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    for (const build of builds) await build.host?.stop();
    await rm(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      baseline: { type: 'string' },
      runs: { type: 'string', default: String(RUNS) },
      seed: { type: 'string', default: 'margin-bench-1' },
    },
  });
  const result = await runRendererBench(values.seed, (line) => console.log(line), {
    baselineDist: values.baseline,
    runs: Number(values.runs),
  });
  console.log(JSON.stringify(result, null, 2));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
