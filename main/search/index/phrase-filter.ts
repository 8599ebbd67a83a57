/**
 * A Bloom filter per document of the adjacent word pairs in its title, authors, headings and passages.
 * A phrase query must read a candidate's text to check the exact phrase; when one of the phrase's word
 * pairs is missing from the filter, the document cannot hold the phrase and is skipped unread. False
 * positives only cost a read. A one-word phrase has no pair and is always checked.
 *
 * 2 KB a document (20 MB at 10,000 articles), six probes a pair: for an article of ~1,250 words about
 * one document in 400 without the pair still gets read (at 512 bytes it was one in four).
 *
 * The bundled index stores these filters bit-sliced on disk (phrase-filter-slices.ts): a query reads
 * the few bits its phrase needs, over every document of a shard at once. Your own documents keep one
 * filter per document in memory (DocumentPhraseFilters). A stage asks either through `PhraseFilter`.
 */
import { phraseWords } from './word-forms';

export const PHRASE_FILTER_BYTES = 2048;
export const PHRASE_FILTER_BITS = PHRASE_FILTER_BYTES * 8;
const BITS = PHRASE_FILTER_BITS;
const PROBES = 6;

const FNV_PRIME = 0x01000193;
const SEED_A = 0x811c9dc5;
const SEED_B = 0x9747b28c;
const SPACE = 0x20;

/**
 * Visits the PROBES bits of the pair "first second": two FNV-1a hashes (32 bits, over UTF-16 code
 * units, seeds SEED_A and SEED_B) of the pair joined by a space, taken in one pass without building the
 * joined string (a content build hashes every pair of 100,000 articles), then double hashing.
 */
function visitPairBits(first: string, second: string, visit: (bit: number) => void): void {
  let a = SEED_A;
  let b = SEED_B;
  for (let i = 0; i < first.length; i++) {
    const code = first.charCodeAt(i);
    a = Math.imul(a ^ code, FNV_PRIME) >>> 0;
    b = Math.imul(b ^ code, FNV_PRIME) >>> 0;
  }
  a = Math.imul(a ^ SPACE, FNV_PRIME) >>> 0;
  b = Math.imul(b ^ SPACE, FNV_PRIME) >>> 0;
  for (let i = 0; i < second.length; i++) {
    const code = second.charCodeAt(i);
    a = Math.imul(a ^ code, FNV_PRIME) >>> 0;
    b = Math.imul(b ^ code, FNV_PRIME) >>> 0;
  }
  b |= 1;
  for (let i = 0; i < PROBES; i++) visit(((a + Math.imul(i, b)) >>> 0) & (BITS - 1));
}

/** Calls `visit` with every filter bit a document's texts set (a phrase never spans two texts). */
export function forEachPhraseBit(texts: readonly string[], visit: (bit: number) => void): void {
  for (const text of texts) {
    const words = phraseWords(text);
    for (let i = 0; i + 1 < words.length; i++) {
      visitPairBits(words[i], words[i + 1], visit);
    }
  }
}

/** The filter of a document's texts. */
export function buildPhraseFilter(texts: readonly string[]): Uint8Array {
  const filter = new Uint8Array(PHRASE_FILTER_BYTES);
  forEachPhraseBit(texts, (bit) => (filter[bit >> 3] |= 1 << (bit & 7)));
  return filter;
}

/** The filter bits a phrase (lower-case words) needs: computed once per query, checked per document. */
export function phraseBits(words: readonly string[]): number[] {
  const bits: number[] = [];
  for (let i = 0; i + 1 < words.length; i++) visitPairBits(words[i], words[i + 1], (bit) => bits.push(bit));
  return bits;
}

/** False when document `ref` certainly lacks the phrase whose `phraseBits` are given; true when it may hold it. */
export function mayContainPhrase(filters: Uint8Array, ref: number, bits: readonly number[]): boolean {
  const base = ref * PHRASE_FILTER_BYTES;
  if (base + PHRASE_FILTER_BYTES > filters.length) return true;
  for (const bit of bits) if ((filters[base + (bit >> 3)] & (1 << (bit & 7))) === 0) return false;
  return true;
}

/** Which documents of a stage may hold a phrase: what a stage asks instead of reading filter bytes. */
export interface PhraseFilter {
  /**
   * For the phrase whose `phraseBits` are given, a test of a document (ref within the stage): false when
   * it certainly lacks the phrase. Made once per phrase and query, then asked per candidate.
   */
  mayHold(bits: readonly number[]): (ref: number) => boolean;
}

const everyDocument = (): boolean => true;

/** A stage without filters (the meta stage): every document may hold every phrase, its text decides. */
export const NO_PHRASE_FILTER: PhraseFilter = { mayHold: () => everyDocument };

/** Filters held in memory, one after another per document (your own documents: they are few). */
export class DocumentPhraseFilters implements PhraseFilter {
  constructor(private readonly filters: Uint8Array) {}

  mayHold(bits: readonly number[]): (ref: number) => boolean {
    if (bits.length === 0) return everyDocument;
    return (ref) => mayContainPhrase(this.filters, ref, bits);
  }
}
