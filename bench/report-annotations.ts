/** RESULTS.md's section on notes, highlights and anchoring (the store, anchoring and renderer benches). */
import type { BenchResults } from './bench-results';
import { ms } from './format';

export function annotationSections(results: BenchResults): string[] {
  const lines: string[] = ['## Notes, highlights and anchoring', ''];
  const { store, anchoring, renderer } = results;
  if (store) {
    lines.push(
      `Store (SQLite via node:sqlite, WAL, synchronous=FULL, on the real disk, through the annotation service): ` +
        `${store.saves.toLocaleString('en')} new notes (\`createAnnotation\`, one transaction each): ` +
        `p50 ${ms(store.save.p50)} ms, p95 ${ms(store.save.p95)} ms, p99 ${ms(store.save.p99)} ms; ` +
        `${store.saves.toLocaleString('en')} edits of a note (\`updateAnnotation\`): p50 ${ms(store.edit.p50)} ms, p95 ${ms(store.edit.p95)} ms, p99 ${ms(store.edit.p99)} ms; ` +
        `the SQLite write alone (\`store.put\`): p50 ${ms(store.put.p50)} ms, p95 ${ms(store.put.p95)} ms. ` +
        `Opening the store with ${store.rows.toLocaleString('en')} annotations: ${ms(store.openMs)} ms ` +
        `(${ms(store.firstOpenMs)} ms the first time after the writes, which also writes a verified backup); ` +
        `listing all of them through the service: ${ms(store.listAllMs)} ms.`,
      '',
    );
  } else lines.push('Store: not yet measured.', '');
  if (anchoring) {
    const statuses = Object.entries(anchoring.statuses)
      .map(([status, n]) => `${n} ${status}`)
      .join(', ');
    lines.push(
      `Anchoring: ${anchoring.count.toLocaleString('en')} highlights on one article (${anchoring.textLength.toLocaleString('en')} characters) re-anchored after an edit ` +
        `(paragraph inserted near the top, a word changed in every eighth paragraph, a paragraph removed): ` +
        `${ms(anchoring.coldMs)} ms the first time in a fresh process, ${ms(anchoring.warmMedianMs)} ms warm (${statuses}). ` +
        `On the unchanged text (position check only): ${ms(anchoring.unchangedMs)} ms.`,
      '',
    );
  } else lines.push('Anchoring: not yet measured.', '');
  if (renderer?.measured) {
    const onScreen =
      renderer.onScreenRanges === undefined
        ? ''
        : `, ${renderer.onScreenRanges.toLocaleString('en')} of them on screen`;
    const all =
      renderer.allPaintedMs === undefined
        ? ''
        : `; every highlight painted ${ms(renderer.allPaintedMs)} ms after the paint began (script ${ms(renderer.allScriptMs)} ms in all, the rest in idle time)`;
    const baseline = renderer.baseline
      ? ` In the same run, opens alternating with another build (${renderer.baseline.label}): ` +
        `${ms(renderer.baseline.paintMs)} ms = script ${ms(renderer.baseline.scriptMs)} ms + render ${ms(renderer.baseline.renderMs)} ms, all ${ms(renderer.baseline.allPaintedMs)} ms.`
      : '';
    lines.push(
      `Renderer (Debian Chromium, headless, through the browser host): open a document ${ms(renderer.openMs)} ms; ` +
        `${renderer.highlights.toLocaleString('en')} highlights (${renderer.ranges.toLocaleString('en')} ranges${onScreen}), those on screen painted in ${ms(renderer.paintMs)} ms ` +
        `= script ${ms(renderer.scriptMs)} ms + render ${ms(renderer.renderMs)} ms${all} (medians of ${renderer.runs.length} opens, ${renderer.chromium}).${baseline} ${renderer.how}`,
      '',
    );
  } else lines.push(`Renderer: not yet measured${renderer?.reason ? ` (${renderer.reason})` : ''}.`, '');
  return lines;
}
