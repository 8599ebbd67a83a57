/**
 * `records.bin`: the bundled documents' records (id, title, authors, date, sections), read one by one.
 *
 * At 100,000 articles the records are 35 MB of JSON; parsed whole they were ~100 MB of objects held
 * before the first answer, while a query shows twenty of them. So only the header and the offset table
 * (4 bytes a document) are read at load, and each record is read with one positioned read when a query
 * shows it (or checks it for a phrase), the most recently used kept parsed (RECORD_CACHE_SIZE).
 *
 * Layout (little-endian): MAGIC | format (uint32) | count (uint32) | count + 1 offsets (uint32, from the
 * start of the file; record i is the bytes offsets[i] .. offsets[i + 1]) | the records, each the UTF-8
 * JSON array [id, title, authors, published, sections, [opening block id, section, snippet]] (no key
 * names: they would be a third of the file). Bundles written before the opening passage was kept have
 * five fields and still read: their title-only hits read the document for it.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { closeWhenCollected, readFully } from './positioned-reads';
import { errorDetail, printableLine } from '../../errors';
import type { RecordTable } from './record-table';
import { isOpeningPassage, SEARCH_FORMAT, type DocumentRecord } from './search-files';

const MAGIC = Buffer.from('MRGNREC1', 'latin1');
const HEADER_BYTES = MAGIC.byteLength + 8;
/** Parsed records kept (about 1 KB each): a page of results and the next few queries' pages. */
export const RECORD_CACHE_SIZE = 2_000;

/** The bytes of a records file for `records`, in ref order. */
export function serialiseRecords(records: readonly DocumentRecord[]): Buffer {
  return assembleRecords(records.map(encodeRecord));
}

function encodeRecord(record: DocumentRecord): Buffer {
  const { id, title, authors, published, sections, opening } = record;
  const fields: unknown[] = [id, title, authors, published, sections];
  if (opening !== undefined) fields.push([opening.blockId, opening.section, opening.snippet]);
  return Buffer.from(JSON.stringify(fields), 'utf8');
}

/** The header, offset table and records of a records file, each record's bytes given. */
function assembleRecords(encoded: readonly Uint8Array[]): Buffer {
  const header = Buffer.alloc(HEADER_BYTES + (encoded.length + 1) * 4);
  MAGIC.copy(header);
  header.writeUInt32LE(SEARCH_FORMAT, MAGIC.byteLength);
  header.writeUInt32LE(encoded.length, MAGIC.byteLength + 4);
  let offset = header.byteLength;
  for (let ref = 0; ref <= encoded.length; ref++) {
    if (offset > 0xffff_ffff) throw new Error('search index: the document records pass 4 GB');
    header.writeUInt32LE(offset, HEADER_BYTES + ref * 4);
    offset += encoded[ref]?.byteLength ?? 0;
  }
  return Buffer.concat([header, ...encoded]);
}

/**
 * The bytes of a records file (`bytes`, checked as a load checks them) with the records of `changed`
 * (by ref) replaced: what serialiseRecords writes for the changed records, without parsing the others.
 */
export function replaceRecords(
  bytes: Buffer,
  changed: ReadonlyMap<number, DocumentRecord>,
): { bytes: Buffer; count: number } {
  const cutShort = 'the records file is cut short or damaged; rebuild the content';
  if (bytes.byteLength < HEADER_BYTES || !bytes.subarray(0, MAGIC.byteLength).equals(MAGIC))
    throw new Error('not a Margin records file; rebuild the content');
  if (bytes.readUInt32LE(MAGIC.byteLength) !== SEARCH_FORMAT)
    throw new Error(`not a search index of format ${SEARCH_FORMAT}; rebuild the content`);
  const count = bytes.readUInt32LE(MAGIC.byteLength + 4);
  if (HEADER_BYTES + (count + 1) * 4 > bytes.byteLength) throw new Error(cutShort);
  const offsetAt = (ref: number) => bytes.readUInt32LE(HEADER_BYTES + ref * 4);
  if (offsetAt(0) !== HEADER_BYTES + (count + 1) * 4 || offsetAt(count) !== bytes.byteLength)
    throw new Error(cutShort);
  const encoded: Uint8Array[] = [];
  for (let ref = 0; ref < count; ref++) {
    const record = changed.get(ref);
    if (record !== undefined) encoded.push(encodeRecord(record));
    else if (offsetAt(ref + 1) < offsetAt(ref)) throw new Error(cutShort);
    else encoded.push(bytes.subarray(offsetAt(ref), offsetAt(ref + 1)));
  }
  for (const ref of changed.keys())
    if (!Number.isInteger(ref) || ref < 0 || ref >= count)
      throw new Error(`the records file holds no document ${ref} (it holds ${count})`);
  return { bytes: assembleRecords(encoded), count };
}

/**
 * Opens `file` and reads its header and offset table, nothing else. Throws an Error naming the file
 * when it is missing, not a records file, of another format, or cut short.
 */
export function loadRecordsFile(file: string): RecordsFile {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? `${file}: not found, so the bundle has no search index of format ${SEARCH_FORMAT}; rebuild the content`
        : `${file}: ${errorDetail(error)}`,
      { cause: error },
    );
  }
  try {
    return new RecordsFile(file, fd);
  } catch (error) {
    closeSync(fd);
    throw new Error(`${file}: ${errorDetail(error)}`, { cause: error });
  }
}

/** The records of a bundle on disk (see the top of this file). */
export class RecordsFile implements RecordTable {
  readonly count: number;
  /** Positioned reads made and bytes read since opening (the header and offsets included). */
  reads = 0;
  bytesRead = 0;
  private readonly offsets: Uint32Array;
  private readonly size: number;
  /** Parsed records by ref, least recently used first (a Map keeps insertion order). */
  private readonly cache = new Map<number, DocumentRecord>();
  /** Refs already reported damaged: said once, then left out quietly. */
  private readonly damaged = new Set<number>();
  private scratch = Buffer.alloc(4096);

  constructor(
    readonly file: string,
    private readonly fd: number,
  ) {
    this.size = fstatSync(fd).size;
    const head = this.readAt(0, Math.min(this.size, HEADER_BYTES));
    if (head.byteLength < HEADER_BYTES || !head.subarray(0, MAGIC.byteLength).equals(MAGIC))
      throw new Error('not a Margin records file; rebuild the content');
    const format = head.readUInt32LE(MAGIC.byteLength);
    if (format !== SEARCH_FORMAT)
      throw new Error(`not a search index of format ${SEARCH_FORMAT}; rebuild the content`);
    this.count = head.readUInt32LE(MAGIC.byteLength + 4);
    const dataStart = HEADER_BYTES + (this.count + 1) * 4;
    const cutShort = 'the records file is cut short or damaged; rebuild the content';
    if (dataStart > this.size) throw new Error(cutShort);
    // A fresh buffer starts at byte 0 of its memory, so it is aligned for 4-byte reads.
    const table = this.readAt(HEADER_BYTES, dataStart - HEADER_BYTES);
    this.offsets = new Uint32Array(table.buffer.slice(table.byteOffset, table.byteOffset + table.byteLength));
    this.scratch = Buffer.alloc(4096);
    if (this.offsets[0] !== dataStart || this.offsets[this.count] !== this.size) throw new Error(cutShort);
    for (let ref = 0; ref < this.count; ref++)
      if (this.offsets[ref + 1] < this.offsets[ref]) throw new Error(cutShort);
    // A records file closes once nothing refers to it any more.
    closeWhenCollected(this, fd);
  }

  get(ref: number): DocumentRecord | null {
    if (!Number.isInteger(ref) || ref < 0 || ref >= this.count || this.damaged.has(ref)) return null;
    const cached = this.cache.get(ref);
    if (cached !== undefined) {
      this.cache.delete(ref);
      this.cache.set(ref, cached);
      return cached;
    }
    let record: DocumentRecord;
    try {
      const start = this.offsets[ref];
      record = recordOf(this.readAt(start, this.offsets[ref + 1] - start).toString('utf8'));
    } catch (error) {
      this.damaged.add(ref);
      console.error(
        printableLine(
          `margin: ${this.file}: the record of document ${ref} (from 0) is damaged (${errorDetail(error)}); ` +
            'searches leave that document out',
          400,
        ),
      );
      return null;
    }
    this.cache.set(ref, record);
    if (this.cache.size > RECORD_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as number);
    return record;
  }

  /** `length` bytes from `position`, in a scratch buffer valid until the next read. */
  private readAt(position: number, length: number): Buffer {
    if (position + length > this.size) throw new Error('the records file is cut short');
    if (this.scratch.byteLength < length)
      this.scratch = Buffer.alloc(Math.max(length, this.scratch.byteLength * 2));
    readFully(this.fd, this.scratch, position, length, 'the records file is cut short');
    this.reads++;
    this.bytesRead += length;
    return this.scratch.subarray(0, length);
  }
}

/** A record from its JSON array, checked field by field (the file is data, not trusted code). */
function recordOf(json: string): DocumentRecord {
  const value: unknown = JSON.parse(json);
  const isText = (item: unknown): item is string => typeof item === 'string';
  // Six fields with the opening passage; five in bundles written before it was kept.
  if (!Array.isArray(value) || (value.length !== 5 && value.length !== 6)) throw new Error('not a record');
  const [id, title, authors, published, sections, opening] = value as unknown[];
  if (
    !isText(id) ||
    !isText(title) ||
    !Array.isArray(authors) ||
    !authors.every(isText) ||
    (published !== null && !isText(published)) ||
    !Array.isArray(sections) ||
    !sections.every(
      (section) =>
        Array.isArray(section) &&
        section.length === 2 &&
        isText(section[0]) &&
        (section[1] === null || isText(section[1])),
    )
  )
    throw new Error('not a record');
  const record: DocumentRecord = {
    id,
    title,
    authors: authors as string[],
    published,
    sections: sections as DocumentRecord['sections'],
  };
  if (value.length === 6) {
    const [blockId, section, snippet] = Array.isArray(opening) ? (opening as unknown[]) : [];
    const parsed = { blockId, section, snippet };
    if (!isOpeningPassage(parsed, record.sections.length)) throw new Error('not a record');
    record.opening = parsed;
  }
  return record;
}
