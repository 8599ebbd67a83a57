import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Document, HighlightColor } from '../../main/api';
import { canonicalText } from '../../main/library/canonical-text';
import { eventually } from './annotations-page';
import { openBrowser, screenshot, startHost, type BrowserSession, type MarginHost } from './harness';
import {
  HOLD_IDLE_CALLBACKS,
  paintState,
  releaseIdleCallbacks,
  type PaintState,
} from './highlights-scale-page';

const DOC_ID = 'long-river';
const TITLE = 'The Long River Report';
const HIGHLIGHTS = 1_000;
const COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink'];
const VICTIM_COLOR: HighlightColor = 'purple';
const VICTIM_NOTE = 'The one highlight that is removed mid-way.';

/** A long article (about fifteen screens): sixty paragraphs of numbered sentences, so every quote is unique. */
function longArticle(): string {
  const paragraphs = Array.from({ length: 60 }, (_, p) =>
    Array.from(
      { length: 6 },
      (_, s) =>
        `In part ${p + 1} line ${s + 1} the river carried silt past farms, mills and quiet towns toward the sea.`,
    ).join(' '),
  );
  return [
    '---',
    `title: '${TITLE}'`,
    'authors: [Ada Rivers]',
    'date: 2024-05-01',
    'publisher: Institute for Long Rivers',
    '---',
    '',
    ...paragraphs.flatMap((paragraph) => [paragraph, '']),
  ].join('\n');
}

/** A small deterministic generator, so a failure can be replayed. */
function* positions(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    yield state / 2 ** 31;
  }
}

/** Every character each colour should cover: the union of its highlights, on rendered text only. */
function expectedCoverage(annotations: readonly Annotation[], units: PaintState['units']) {
  const covered: Record<string, Set<number>> = {};
  for (const annotation of annotations) {
    if (annotation.selectors.length !== 2) continue;
    const { start, end } = annotation.selectors[1];
    const set = (covered[`mg-hl-${annotation.color ?? 'note'}`] ??= new Set());
    for (const unit of units) {
      for (let at = Math.max(start, unit.start); at < Math.min(end, unit.start + unit.length); at++)
        set.add(at);
    }
  }
  return covered;
}

/** The characters painted, per layer, and whether any character is painted twice in one layer. */
function paintedCoverage(state: PaintState) {
  const covered: Record<string, Set<number>> = {};
  let twice = 0;
  for (const [layer, spans] of Object.entries(state.layers)) {
    const set = (covered[layer] = new Set());
    for (const [start, end] of spans) {
      for (let at = start; at < end; at++) {
        if (set.has(at)) twice++;
        set.add(at);
      }
    }
  }
  return { covered, twice };
}

/** The characters of `expected` in [from, to) that `painted` leaves out, per layer. */
function missingIn(
  expected: Record<string, Set<number>>,
  painted: Record<string, Set<number>>,
  from = 0,
  to = Infinity,
): Record<string, number> {
  const missing: Record<string, number> = {};
  for (const [layer, set] of Object.entries(expected)) {
    const count = [...set].filter((at) => at >= from && at < to && !painted[layer]?.has(at)).length;
    if (count > 0) missing[layer] = count;
  }
  return missing;
}

/** Characters painted where no highlight of that colour is (a stale paint), per layer. */
function strayIn(expected: Record<string, Set<number>>, painted: Record<string, Set<number>>) {
  const stray: Record<string, number> = {};
  for (const [layer, set] of Object.entries(painted)) {
    const count = [...set].filter((at) => !expected[layer]?.has(at)).length;
    if (count > 0) stray[layer] = count;
  }
  return stray;
}

describe('a thousand highlights in the reader', () => {
  let host: MarginHost;
  let browser: BrowserSession;
  let contentDir: string;

  const list = () => host.call<Annotation[]>('listAnnotations', [DOC_ID]);
  const chars = (sets: Record<string, Set<number>>) =>
    Object.values(sets).reduce((sum, set) => sum + set.size, 0);

  beforeAll(async () => {
    contentDir = await fs.mkdtemp(path.join(os.tmpdir(), 'margin-e2e-long-'));
    await fs.writeFile(path.join(contentDir, `${DOC_ID}.md`), longArticle());
    host = await startHost({ contentDir });
    const text = canonicalText(await host.call<Document>('getDocument', [DOC_ID]));
    const words = [...text.matchAll(/\S+/g)].map((match) => [match.index, match.index + match[0].length]);
    const random = positions(11);
    const next = () => random.next().value as number;
    for (let i = 0; i < HIGHLIGHTS - 1; i++) {
      const first = Math.floor(next() * (words.length - 12));
      const last = first + 1 + Math.floor(next() * 10);
      await host.call('createAnnotation', [
        {
          docId: DOC_ID,
          range: { start: words[first][0], end: words[last][1] },
          color: COLORS[i % COLORS.length],
          note: i % 4 === 0 ? `Note ${i}.` : '',
        },
      ]);
    }
    // The one purple highlight, near the end: far off screen when the document opens at its top.
    const quote = 'In part 58 line 3 the river carried silt';
    const start = text.indexOf(quote);
    await host.call('createAnnotation', [
      { docId: DOC_ID, range: { start, end: start + quote.length }, color: VICTIM_COLOR, note: VICTIM_NOTE },
    ]);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (contentDir) await fs.rm(contentDir, { recursive: true, force: true });
  });

  it('opens a document with a thousand highlights and, once idle, paints every one exactly once', async () => {
    const { page } = browser;
    await page.goto(`${host.url}#/read/${DOC_ID}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const annotations = await list();
    expect(annotations).toHaveLength(HIGHLIGHTS);
    await eventually(async () => {
      const state = await paintState(page);
      const painted = paintedCoverage(state);
      return {
        missing: missingIn(expectedCoverage(annotations, state.units), painted.covered),
        twice: painted.twice,
      };
    }).toEqual({ missing: {}, twice: 0 });
    const state = await paintState(page);
    expect(strayIn(expectedCoverage(annotations, state.units), paintedCoverage(state).covered)).toEqual({});
    await screenshot(page, 'highlights-scale-open');
  });

  it('paints what is on screen at once, what is scrolled to before idle time, and nothing removed mid-way', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      // Idle time never comes until the test says so: the rest of the paint is held back mid-way.
      await page.addInitScript(HOLD_IDLE_CALLBACKS);
      await page.goto(`${host.url}#/read/${DOC_ID}`);
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      const annotations = await list();

      await eventually(async () => Object.keys((await paintState(page)).layers).length).toBeGreaterThan(0);
      const opened = await paintState(page);
      const expectedAtOpen = expectedCoverage(annotations, opened.units);
      const paintedAtOpen = paintedCoverage(opened);
      // Every highlight on screen is painted; far below, nothing is yet (the purple one among them).
      expect(
        missingIn(expectedAtOpen, paintedAtOpen.covered, opened.onScreen.start, opened.onScreen.end),
      ).toEqual({});
      expect(chars(paintedAtOpen.covered)).toBeLessThan(chars(expectedAtOpen) / 2);
      expect(opened.layers[`mg-hl-${VICTIM_COLOR}`] ?? []).toEqual([]);

      // Removed while it waits for idle time: from the notes panel, its editor's Delete.
      await page.keyboard.press('Control+Shift+N');
      const panel = page.locator('mg-notes-panel');
      await panel
        .getByRole('listitem')
        .filter({ hasText: VICTIM_NOTE })
        .getByRole('button', { name: 'Edit' })
        .click();
      await page.getByRole('dialog', { name: 'Highlight' }).getByRole('button', { name: 'Delete' }).click();
      await eventually(async () => (await list()).length).toBe(HIGHLIGHTS - 1);
      const remaining = await list();

      // Scrolled to the end before idle time: the highlights there are painted at once, the removed one not.
      await page.evaluate(
        `window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' })`,
      );
      await eventually(async () => {
        const state = await paintState(page);
        const expected = expectedCoverage(remaining, state.units);
        return missingIn(expected, paintedCoverage(state).covered, state.onScreen.start, state.onScreen.end);
      }).toEqual({});
      const atEnd = await paintState(page);
      expect(atEnd.layers[`mg-hl-${VICTIM_COLOR}`] ?? []).toEqual([]);
      expect(strayIn(expectedCoverage(remaining, atEnd.units), paintedCoverage(atEnd).covered)).toEqual({});
      await screenshot(page, 'highlights-scale-end-before-idle');

      // Idle time at last: every remaining highlight painted, once, and nothing else.
      await releaseIdleCallbacks(page);
      await eventually(async () => {
        const state = await paintState(page);
        const painted = paintedCoverage(state);
        const expected = expectedCoverage(remaining, state.units);
        return {
          missing: missingIn(expected, painted.covered),
          stray: strayIn(expected, painted.covered),
          twice: painted.twice,
        };
      }).toEqual({ missing: {}, stray: {}, twice: 0 });
      await eventually(() => panel.getByRole('listitem').count()).toBe(HIGHLIGHTS - 1);
    } finally {
      await session.close();
    }
  });
});
