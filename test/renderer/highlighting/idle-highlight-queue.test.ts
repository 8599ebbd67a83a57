import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModuleInChromium, type ModulePage } from '../module-in-chromium';

let page: ModulePage;

beforeAll(async () => {
  page = await openModuleInChromium(`export * from './renderer/highlighting/idle-highlight-queue'`);
  // Forty words; the queue's intervals are word i = [6i, 6i + 5).
  await page.run(`(() => {
    const words = Array.from({ length: 40 }, (_, i) => 'w' + String(i).padStart(4, '0'));
    document.body.innerHTML = '<p id="text">' + words.join(' ') + '</p>';
    const text = document.getElementById('text').firstChild;
    window.rangesFor = (start, end) => {
      window.built = (window.built ?? 0) + 1;
      const range = new Range();
      range.setStart(text, start);
      range.setEnd(text, end);
      return [range];
    };
    window.word = (i) => ({ start: 6 * i, end: 6 * i + 5 });
  })()`);
});

afterAll(async () => {
  await page?.close();
});

/**
 * Starts a queue over words `from`..`to` of one highlight (`window.queue`, `window.highlight`), then
 * runs `then` in the same task, before any idle time can come; returns what `then` returns.
 */
const startThen = <T>(from: number, to: number, then: string) =>
  page.run<T>(`(() => {
    window.built = 0;
    window.highlight = new Highlight();
    window.queue = new rendererModule.IdleHighlightQueue(window.rangesFor);
    const intervals = [];
    for (let i = ${from}; i <= ${to}; i++) intervals.push({ highlight: window.highlight, ...window.word(i) });
    window.queue.start(intervals);
    return ${then};
  })()`);

const painted = () => page.run<string[]>(`[...window.highlight].map((range) => range.toString()).sort()`);
const idle = () =>
  page.run(`new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 50), { timeout: 500 }))`);

describe('idle-highlight-queue', () => {
  it('paints nothing in the task that queues, and every interval once idle', async () => {
    expect(await startThen<number>(0, 39, 'window.highlight.size')).toBe(0);
    await expect.poll(() => page.run<number>('window.queue.remaining'), { timeout: 5_000 }).toBe(0);
    const texts = await painted();
    expect(texts).toHaveLength(40);
    expect(new Set(texts).size).toBe(40);
    expect(await page.run<number>('window.built')).toBe(40);
  });

  it('paints at once the intervals a span reaches, and never again later', async () => {
    const now = await startThen<string[]>(
      0,
      39,
      `(window.queue.paintWithin(window.word(30).start, window.word(32).end),
        [...window.highlight].map((range) => range.toString()))`,
    );
    expect(now).toEqual(['w0030', 'w0031', 'w0032']);
    await expect.poll(() => page.run<number>('window.queue.remaining'), { timeout: 5_000 }).toBe(0);
    expect(await page.run<number>('window.built')).toBe(40);
    expect(await painted()).toHaveLength(40);
  });

  it('adds nothing once cancelled, however long the page then stays idle', async () => {
    await startThen(0, 39, 'window.queue.cancel()');
    await idle();
    expect(await painted()).toEqual([]);
    expect(await page.run<number>('window.queue.remaining')).toBe(0);
  });

  it('drops what the previous start left when it starts over', async () => {
    await startThen(
      0,
      39,
      `(window.previous = window.highlight,
        window.highlight = new Highlight(),
        window.queue.start([{ highlight: window.highlight, ...window.word(5) }]))`,
    );
    await idle();
    expect(await painted()).toEqual(['w0005']);
    expect(await page.run<number>('window.previous.size')).toBe(0);
  });
});
