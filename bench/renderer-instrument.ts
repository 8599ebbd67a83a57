/**
 * The renderer bench's page instrument, installed before any app code runs: every change of the
 * highlight registry (`set`, `delete`, `clear`) and every range added to a registered `Highlight`
 * (`add`, how the painter paints what waits for idle time) is timestamped and grouped by the task that
 * made it. Each group then times the frame that draws it: when the group was made in an animation-frame
 * callback, the rest of that frame (from its last change to a task queued then, which runs once the
 * frame's style, layout and paint are done); otherwise the next frame, from its animation-frame callback
 * to a task queued there (no vsync wait counted either way).
 */

/** One task's changes to the highlights, and the frame that drew them. */
export interface PaintGroup {
  t0: number;
  t1: number;
  /** Ranges registered by `set()` in this task (a new paint of what is on screen). */
  setRanges: number;
  /** Ranges added to registered highlights in this task (the idle pass, or a scroll ahead of it). */
  addedRanges: number;
  done: boolean;
  frameStart: number;
  frameEnd: number;
}

export const INSTRUMENT = `(() => {
  const paints = [];
  window.__benchPaints = paints;
  window.addEventListener('click', () => { window.__benchClickAt = performance.now(); }, true);
  let group = null;
  // Whether the code running is an animation-frame callback: a paint made there is drawn by that frame.
  let inFrame = false;
  const frame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => frame((time) => {
    inFrame = true;
    try { callback(time); } finally { inFrame = false; }
  });
  const record = (start, end, setRanges, addedRanges) => {
    if (group === null) {
      const current = { t0: start, t1: end, setRanges: 0, addedRanges: 0, done: false };
      group = current;
      const madeInFrame = inFrame;
      // A task queued now runs after the frame being rendered (when called from one) is drawn.
      setTimeout(() => {
        group = null;
        paints.push(current);
        if (madeInFrame) {
          current.frameStart = current.t1;
          current.frameEnd = performance.now();
          current.done = true;
          return;
        }
        frame(() => {
          current.frameStart = performance.now();
          setTimeout(() => { current.frameEnd = performance.now(); current.done = true; }, 0);
        });
      }, 0);
    }
    group.t1 = end;
    group.setRanges += setRanges;
    group.addedRanges += addedRanges;
  };
  const registry = HighlightRegistry.prototype;
  for (const op of ['set', 'delete', 'clear']) {
    const original = registry[op];
    registry[op] = function (...args) {
      // Only the painter's layers (mg-hl-<colour>): not the flash, search, find or reading-cursor layers.
      if (typeof args[0] !== 'string' || !args[0].startsWith('mg-hl-') || args[0] === 'mg-hl-flash')
        return original.apply(this, args);
      const start = performance.now();
      const result = original.apply(this, args);
      record(start, performance.now(), op === 'set' ? args[1].size : 0, 0);
      return result;
    };
  }
  const add = Highlight.prototype.add;
  Highlight.prototype.add = function (range) {
    const start = performance.now();
    const result = add.call(this, range);
    record(start, performance.now(), 0, 1);
    return result;
  };
})();`;
