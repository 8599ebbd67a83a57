/**
 * The renderer benchmark: open a document with 1,000 highlights in Debian's Chromium through the
 * browser host and time the paint in the page. Reports "not yet measured" until the reader paints
 * highlights.
 */

export type RendererResult =
  | { measured: false; reason: string }
  | { measured: true; highlights: number; openMs: number; paintMs: number; runs: number[]; how: string };

export async function runRendererBench(_seed: string, log: (line: string) => void): Promise<RendererResult> {
  log('[renderer] not yet wired');
  return { measured: false, reason: 'the highlight painting benchmark is not wired yet' };
}
