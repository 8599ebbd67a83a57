/**
 * Reads what the page recorded while a query was typed into the search box: each keystroke (its key-down
 * time and the field's value once its input event ran) and each set of results painted (the query they
 * answer, and when the frame that showed them was done). Pure functions, so that the counting is tested
 * without a browser (test/bench/typing-analysis.test.ts).
 */

export interface TypedKey {
  /** performance.now() at key-down (at the input event for a paste or a fill, which has no key). */
  at: number;
  /** The field's value after this key's input event; null when no input event followed the key. */
  value: string | null;
}

export interface ResultsPaint {
  /** The query the painted list answers (the list's `data-query`). */
  query: string;
  /** performance.now() once the frame that first showed this list was painted. */
  at: number;
  /** performance.now() in the animation-frame callback that first saw the list (before that frame's paint). */
  seenAt?: number;
}

export interface SearchAsked {
  /** The query sent to the API. */
  query: string;
  /** performance.now() when the page asked, and when the whole answer was in (null if it never was). */
  sentAt: number;
  answeredAt: number | null;
  /** The search's own time in main, as its answer says (`tookMs`); absent in older records. */
  searchMs?: number | null;
}

export interface TypingRecord {
  /** What was typed, in full. */
  typed: string;
  /** The field's value at the end. */
  finalValue: string;
  keys: TypedKey[];
  paints: ResultsPaint[];
  /** The searches the page asked for (absent: no breakdown by stage). */
  asks?: SearchAsked[];
}

export interface TypingAnalysis {
  /** Key → its own results painted, ms, for every key whose results were painted. */
  latencies: number[];
  /** The last key → the final query's results painted, ms; null when they never were. */
  finalLatency: number | null;
  /** Keys whose results were never painted because a newer key came first (what a debounce skips). */
  superseded: number;
  /** Keys whose character never reached the field: no input event, or a final value short of the text. */
  dropped: number;
  /** Paints of an answer to an older input after an answer to a newer one was painted. */
  stale: number;
  /** Paints answering no input of this record (left over from another query). */
  foreign: number;
}

/** The newest key at or before `at` whose field value was `query`, or -1. */
function answeredKey(keys: readonly TypedKey[], paint: ResultsPaint): number {
  for (let index = keys.length - 1; index >= 0; index--) {
    const key = keys[index]!;
    if (key.at <= paint.at && key.value === paint.query) return index;
  }
  return -1;
}

export function analyseTyping(record: TypingRecord): TypingAnalysis {
  const { keys, paints } = record;
  const firstPaintOf = new Map<number, number>();
  let newestPainted = -1;
  let stale = 0;
  let foreign = 0;
  for (const paint of [...paints].sort((a, b) => a.at - b.at)) {
    const index = answeredKey(keys, paint);
    if (index === -1) {
      foreign++;
      continue;
    }
    if (index < newestPainted) stale++;
    newestPainted = Math.max(newestPainted, index);
    if (!firstPaintOf.has(index)) firstPaintOf.set(index, paint.at);
  }
  const latencies: number[] = [];
  let superseded = 0;
  keys.forEach((key, index) => {
    const painted = firstPaintOf.get(index);
    if (painted !== undefined) latencies.push(painted - key.at);
    else if (index < keys.length - 1) superseded++;
  });
  const lastIndex = keys.length - 1;
  const lastPaint = firstPaintOf.get(lastIndex);
  const unheard = keys.filter((key) => key.value === null).length;
  const short = Math.max(0, record.typed.length - commonPrefixLength(record.typed, record.finalValue));
  return {
    latencies,
    finalLatency: lastPaint === undefined ? null : lastPaint - keys[lastIndex]!.at,
    superseded,
    dropped: Math.max(unheard, short),
    stale,
    foreign,
  };
}

/** Where the time of one painted key went, ms. */
export interface KeyStages {
  /** The field's value after the key (absent in medians). */
  value?: string;
  /** Key → its search sent (waiting for the answer on its way). */
  wait: number;
  /** Sent → the whole answer in (HTTP, the API's gate, the search worker). */
  answer: number;
  /**
   * Of `answer`, the search's own time in main (its `tookMs`); the rest is the way there and back: HTTP,
   * the gate, the worker's messages, JSON, and on a busy machine each process waiting for a core.
   * Absent where the answers did not say.
   */
  search?: number;
  /** Answer in → the first animation frame showing it (Lit's render, then the wait for a frame). */
  render: number;
  /** That frame's callback → its paint done. */
  paint: number;
}

/** For each key whose results were painted, the time by stage (keys with no matching search left out). */
export function keyStages(record: TypingRecord): KeyStages[] {
  const stages: KeyStages[] = [];
  const paints = [...record.paints].sort((a, b) => a.at - b.at);
  for (const key of record.keys) {
    const paint = paints.find((p) => p.query === key.value && p.at >= key.at);
    const ask = record.asks?.find((a) => a.query === key.value && a.sentAt >= key.at);
    if (!paint || paint.seenAt === undefined || !ask || ask.answeredAt === null) continue;
    if (ask.answeredAt > paint.seenAt) continue; // painted from an earlier search of the same text
    stages.push({
      value: key.value ?? '',
      wait: ask.sentAt - key.at,
      answer: ask.answeredAt - ask.sentAt,
      ...(typeof ask.searchMs === 'number' ? { search: ask.searchMs } : {}),
      render: paint.seenAt - ask.answeredAt,
      paint: paint.at - paint.seenAt,
    });
  }
  return stages;
}

/** The median of some numbers; NaN for none. */
function middle(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const half = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}

/** Each stage's median over these keys; the search's own time over the keys whose answer said it. */
export function medianStages(stages: readonly KeyStages[]): KeyStages {
  const searched = stages.flatMap((stage) => (stage.search === undefined ? [] : [stage.search]));
  return {
    wait: middle(stages.map((stage) => stage.wait)),
    answer: middle(stages.map((stage) => stage.answer)),
    ...(searched.length > 0 ? { search: middle(searched) } : {}),
    render: middle(stages.map((stage) => stage.render)),
    paint: middle(stages.map((stage) => stage.paint)),
  };
}

/** The slowest twentieth of the keys (at least one), slowest first: where the p95 goes. */
export function slowestStages(stages: readonly KeyStages[]): KeyStages[] {
  const total = (stage: KeyStages) => stage.wait + stage.answer + stage.render + stage.paint;
  const sorted = [...stages].sort((a, b) => total(b) - total(a));
  return sorted.slice(0, Math.max(1, Math.ceil(sorted.length / 20)));
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/** Milliseconds to wait before each key: a fast typist's pace, drawn between `min` and `max`. */
export function typingGaps(count: number, next: () => number, min = 60, max = 100): number[] {
  return Array.from({ length: count }, () => Math.round(min + next() * (max - min)));
}
