/**
 * The bundled phrase filters (phrase-filter.ts), bit-sliced per body shard and left on disk. Held whole,
 * one 2 KB filter a document, they were 195 MB of the search worker's memory at 100,000 articles. Sliced,
 * filter bit b of a shard is one bitmap over the shard's documents (ceil(count / 8) bytes), and a phrase
 * needs only the bitmaps of its pairs' bits (six a pair): their AND holds the documents that may contain
 * it. A query reads those slices (one positioned read each) when it first needs them; recently used ones
 * stay in a small cache (SLICE_CACHE_BYTES).
 *
 * `phrase-filter.bin`: MAGIC, then u32 (little-endian) format, bits per filter and shard count, then per
 * shard u32 first document and count; then per shard in order its PHRASE_FILTER_BITS slices, bit 0 first.
 * A file whose length disagrees with its header is refused as truncated or damaged.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { closeWhenCollected, readFully } from './positioned-reads';
import { copyFile, open, type FileHandle } from 'node:fs/promises';
import { forEachPhraseBit, PHRASE_FILTER_BITS, type PhraseFilter } from './phrase-filter';

const MAGIC = 'MRGNPHF1';
const FORMAT = 1;
const FIXED_HEADER_BYTES = MAGIC.length + 12;
const SHARD_ENTRY_BYTES = 8;
/** Slices kept after a query: about 3,000 of a 10,000-document shard (a few hundred phrases' worth). */
export const SLICE_CACHE_BYTES = 4 * 1024 * 1024;

/** Where a shard's documents start, and how many it holds (as corpus-stats.json lists the body shards). */
export interface FilterShard {
  first: number;
  count: number;
}

const strideOf = (count: number): number => Math.ceil(count / 8);

/** One shard's filters, bit-sliced in memory while the content build adds its documents in order. */
export class PhraseFilterSlices {
  readonly bytes: Uint8Array;
  private readonly stride: number;
  private added = 0;

  constructor(readonly shard: FilterShard) {
    this.stride = strideOf(shard.count);
    this.bytes = new Uint8Array(PHRASE_FILTER_BITS * this.stride);
  }

  /** Whether every document of the shard has been added. */
  get complete(): boolean {
    return this.added === this.shard.count;
  }

  /** Adds the shard's next document, by its texts (title, authors, headings, passages). */
  add(texts: readonly string[]): void {
    const { byte, mask } = this.next();
    forEachPhraseBit(texts, (bit) => (this.bytes[bit * this.stride + byte] |= mask));
  }

  /** Adds the shard's next document, by its own filter (buildPhraseFilter of the same texts). */
  addFilter(filter: Uint8Array): void {
    if (filter.length * 8 !== PHRASE_FILTER_BITS)
      throw new Error(`phrase filter: a document's filter has ${filter.length} bytes`);
    const { byte, mask } = this.next();
    for (let at = 0; at < filter.length; at++) {
      const bits = filter[at];
      if (bits === 0) continue;
      for (let i = 0; i < 8; i++) if (bits & (1 << i)) this.bytes[(at * 8 + i) * this.stride + byte] |= mask;
    }
  }

  private next(): { byte: number; mask: number } {
    const ref = this.added++;
    if (ref >= this.shard.count) throw new Error(`phrase filter: shard holds only ${this.shard.count}`);
    return { byte: ref >> 3, mask: 1 << (ref & 7) };
  }
}

function headerOf(shards: readonly FilterShard[]): Buffer {
  const header = Buffer.alloc(FIXED_HEADER_BYTES + shards.length * SHARD_ENTRY_BYTES);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(FORMAT, MAGIC.length);
  header.writeUInt32LE(PHRASE_FILTER_BITS, MAGIC.length + 4);
  header.writeUInt32LE(shards.length, MAGIC.length + 8);
  shards.forEach((shard, n) => {
    header.writeUInt32LE(shard.first, FIXED_HEADER_BYTES + n * SHARD_ENTRY_BYTES);
    header.writeUInt32LE(shard.count, FIXED_HEADER_BYTES + n * SHARD_ENTRY_BYTES + 4);
  });
  return header;
}

/**
 * Writes `phrase-filter.bin` a shard at a time, as the build finishes each: the build holds one shard's
 * slices (20 MB at 10,000 documents), never the whole file's.
 */
export class PhraseFilterWriter {
  private written = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly shards: readonly FilterShard[],
  ) {}

  /** Creates `file` with the header of `shards` (first document and count of each, in order). */
  static async create(file: string, shards: readonly FilterShard[]): Promise<PhraseFilterWriter> {
    const handle = await open(file, 'w');
    try {
      await handle.write(headerOf(shards));
    } catch (error) {
      await handle.close();
      throw error;
    }
    return new PhraseFilterWriter(handle, shards);
  }

  /** Appends the next shard's slices, once every one of its documents has been added. */
  async write(slices: PhraseFilterSlices): Promise<void> {
    const expected = this.shards[this.written];
    const { first, count } = slices.shard;
    if (expected?.first !== first || expected.count !== count || !slices.complete)
      throw new Error(`phrase filter: shard ${this.written} written out of order or unfinished`);
    await this.handle.write(slices.bytes);
    this.written++;
  }

  /** Closes the file; throws when a shard of the header was never written. */
  async close(): Promise<void> {
    await this.handle.close();
    if (this.written !== this.shards.length)
      throw new Error(`phrase filter: ${this.written} of ${this.shards.length} shards written`);
  }
}

/**
 * Writes `newFile`: `file` (the phrase filters of `shards`) with the filters of the documents in
 * `changed` (by position in the corpus) replaced. Only the slices of the shards holding them are read,
 * patched and written; `file` itself is never written (it may be a hard link shared with another bundle).
 */
export async function replacePhraseFilters(
  file: string,
  newFile: string,
  shards: readonly FilterShard[],
  changed: ReadonlyMap<number, Uint8Array>,
): Promise<void> {
  const header = headerOf(shards);
  const starts: number[] = [];
  let end = header.byteLength;
  for (const shard of shards) {
    starts.push(end);
    end += PHRASE_FILTER_BITS * strideOf(shard.count);
  }
  await copyFile(file, newFile);
  const handle = await open(newFile, 'r+');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(header.byteLength);
    await handle.read(head, 0, head.byteLength, 0);
    if (size !== end || !head.equals(header))
      throw new Error('phrase filter file is not that of corpus-stats.json; rebuild the content');
    for (const [n, shard] of shards.entries()) {
      const refs = [...changed.keys()].filter((ref) => ref >= shard.first && ref < shard.first + shard.count);
      if (refs.length === 0) continue;
      const stride = strideOf(shard.count);
      const slices = Buffer.alloc(PHRASE_FILTER_BITS * stride);
      await handle.read(slices, 0, slices.byteLength, starts[n]);
      for (const ref of refs) {
        const filter = changed.get(ref) as Uint8Array;
        if (filter.length * 8 !== PHRASE_FILTER_BITS)
          throw new Error(`phrase filter: a document's filter has ${filter.length} bytes`);
        const local = ref - shard.first;
        const [byte, mask] = [local >> 3, 1 << (local & 7)];
        for (let bit = 0; bit < PHRASE_FILTER_BITS; bit++) {
          if (filter[bit >> 3] & (1 << (bit & 7))) slices[bit * stride + byte] |= mask;
          else slices[bit * stride + byte] &= ~mask;
        }
      }
      await handle.write(slices, 0, slices.byteLength, starts[n]);
    }
  } finally {
    await handle.close();
  }
}

/** `phrase-filter.bin` opened: its header checked, its slices read on demand. */
export class PhraseFilterFile {
  /** Slices read from disk so far (a cached slice read again does not count). */
  slicesRead = 0;
  /** One filter per shard, in the order the file (and corpus-stats.json) lists them. */
  readonly shards: ShardPhraseFilter[];
  private readonly cache = new Map<number, Uint8Array>();
  private cachedBytes = 0;

  private constructor(
    private readonly fd: number,
    shards: readonly FilterShard[],
    dataStart: number,
  ) {
    let offset = dataStart;
    this.shards = shards.map((shard, n) => {
      const filter = new ShardPhraseFilter(this, n, shard.count, offset);
      offset += PHRASE_FILTER_BITS * strideOf(shard.count);
      return filter;
    });
  }

  /**
   * Opens `file` and checks it against the body shards `expected`. Throws a plain Error (the caller
   * names the file) when it is not a phrase filter file, of another format, cut short or of other shards.
   */
  static open(file: string, expected: readonly FilterShard[]): PhraseFilterFile {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      const fixed = readExactly(fd, 0, Math.min(size, FIXED_HEADER_BYTES));
      if (fixed.length < FIXED_HEADER_BYTES || fixed.toString('latin1', 0, MAGIC.length) !== MAGIC)
        throw new Error('not a Margin phrase filter file (bad signature)');
      const format = fixed.readUInt32LE(MAGIC.length);
      const bits = fixed.readUInt32LE(MAGIC.length + 4);
      if (format !== FORMAT || bits !== PHRASE_FILTER_BITS)
        throw new Error(`unsupported phrase filter format ${format}; rebuild the content`);
      const shardCount = fixed.readUInt32LE(MAGIC.length + 8);
      const dataStart = FIXED_HEADER_BYTES + shardCount * SHARD_ENTRY_BYTES;
      if (dataStart > size) throw new Error('phrase filter file is truncated');
      const entries = readExactly(fd, FIXED_HEADER_BYTES, dataStart - FIXED_HEADER_BYTES);
      const shards = Array.from({ length: shardCount }, (_, n) => ({
        first: entries.readUInt32LE(n * SHARD_ENTRY_BYTES),
        count: entries.readUInt32LE(n * SHARD_ENTRY_BYTES + 4),
      }));
      if (
        shards.length !== expected.length ||
        shards.some((shard, n) => shard.first !== expected[n].first || shard.count !== expected[n].count)
      )
        throw new Error('its shards are not those of corpus-stats.json; rebuild the content');
      const end = shards.reduce((at, shard) => at + PHRASE_FILTER_BITS * strideOf(shard.count), dataStart);
      if (size < end) throw new Error('phrase filter file is truncated');
      if (size > end) throw new Error('phrase filter file is damaged (longer than its shards)');
      const filterFile = new PhraseFilterFile(fd, shards, dataStart);
      // A filter file closes once nothing refers to it any more.
      closeWhenCollected(filterFile, fd);
      return filterFile;
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** The slice at `position` (`length` bytes), from the cache or one positioned read. */
  slice(key: number, position: number, length: number): Uint8Array {
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      // Map order is use order: the first entry is the least recently used.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const slice = readExactly(this.fd, position, length);
    this.slicesRead++;
    this.cache.set(key, slice);
    this.cachedBytes += length;
    for (const [oldKey, old] of this.cache) {
      if (this.cachedBytes <= SLICE_CACHE_BYTES) break;
      this.cache.delete(oldKey);
      this.cachedBytes -= old.length;
    }
    return slice;
  }
}

function readExactly(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  readFully(fd, buffer, position, length, 'phrase filter file is truncated');
  return buffer;
}

const noDocument = (): boolean => false;
const everyDocument = (): boolean => true;

/** The filters of one body shard, read slice by slice from the shared file. */
export class ShardPhraseFilter implements PhraseFilter {
  private readonly stride: number;

  constructor(
    readonly file: PhraseFilterFile,
    private readonly shardIndex: number,
    count: number,
    private readonly start: number,
  ) {
    this.stride = strideOf(count);
  }

  /** The AND of the phrase's slices, made once: then a candidate costs one bit test. */
  mayHold(bits: readonly number[]): (ref: number) => boolean {
    if (bits.length === 0) return everyDocument;
    let holders: Uint8Array | null = null;
    for (const bit of new Set(bits)) {
      const slice = this.file.slice(
        this.shardIndex * PHRASE_FILTER_BITS + bit,
        this.start + bit * this.stride,
        this.stride,
      );
      let any = 0;
      if (holders === null) {
        holders = Uint8Array.from(slice);
        for (const byte of holders) any |= byte;
      } else {
        for (let i = 0; i < holders.length; i++) any |= holders[i] &= slice[i];
      }
      // No document has every bit so far: the rest need not be read.
      if (any === 0) return noDocument;
    }
    const found = holders as Uint8Array;
    return (ref) => (found[ref >> 3] & (1 << (ref & 7))) !== 0;
  }
}
