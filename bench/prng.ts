/**
 * Seeded randomness for the benchmark corpus and query sets. Math.random is never used in bench/:
 * the same seed must give byte-identical corpora and queries on every machine and every run.
 */

/** A 32-bit FNV-1a hash, to turn a textual seed ("margin-bench:42:doc:17") into a PRNG state. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: tiny, fast and good enough for synthetic text (not for anything secret). */
export class Random {
  private state: number;

  constructor(seed: string | number) {
    this.state = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick() from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** `count` distinct items (or all of them when there are fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    this.shuffle(copy);
    return copy.slice(0, Math.min(count, copy.length));
  }

  shuffle<T>(items: T[]): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
  }
}

/**
 * Draws ranks 0..n-1 with a Zipf–Mandelbrot law, p(r) ∝ 1 / (r + 1 + q)^s. The offset q flattens the
 * head so that "the" takes ~6% of tokens, as in English prose, rather than the ~12% of a pure Zipf law.
 */
export class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(n: number, exponent = 1.0, offset = 2.7) {
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let rank = 0; rank < n; rank++) {
      total += 1 / Math.pow(rank + 1 + offset, exponent);
      this.cumulative[rank] = total;
    }
    for (let rank = 0; rank < n; rank++) this.cumulative[rank] = (this.cumulative[rank] as number) / total;
  }

  /** The probability of a rank, for tests and for choosing query words by expected frequency. */
  probability(rank: number): number {
    const below = rank === 0 ? 0 : (this.cumulative[rank - 1] as number);
    return (this.cumulative[rank] as number) - below;
  }

  draw(random: Random): number {
    const u = random.next();
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.cumulative[mid] as number) < u) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
