/**
 * The main stage of your documents, as assembled, kept in one file (`<library>/index/main-stage.bin`),
 * so that a start reads one file instead of a segment per document and putting them all together.
 *
 * The file names what it was assembled from: the bundled corpus its weights were scored against, and
 * each member's segment file (its hash, and its size and modification time, which let a start skip
 * hashing files nobody touched). A start that finds another corpus, another format, a damaged file, or a
 * member whose segment has changed since does not trust the changed parts (user-search-index.ts).
 *
 * Layout: MAGIC | header length (uint32 LE) | header (JSON) | compact index | phrase filters | sha256 of
 * everything before it. The checksum catches a torn or bit-flipped file, which is then made again.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { PHRASE_FILTER_BYTES } from './phrase-filter';
import { isOpeningPassage, type DocumentRecord } from './search-files';

/** Not `<id>.json`, so it is never taken for a document's segment. */
export const STAGE_FILE = 'main-stage.bin';
/** 2: records hold the opening passage (user-segments.ts, SEGMENT_FORMAT 2). */
export const STAGE_FORMAT = 2;

const MAGIC = Buffer.from('MGSTAGE\n', 'latin1');
const CHECKSUM_BYTES = 32;

/** How a member's segment file looked when the stage was assembled. */
export interface SegmentFileMark {
  /** sha256 of the segment's JSON text (hex, shortened). */
  hash: string;
  /** Size and modification time (ns, as text), or null when the file was not there. */
  size: number | null;
  mtimeNs: string | null;
}

export interface StoredStage {
  /** The scoring corpus key the member segments were scored against. */
  corpus: string;
  /** One per member, in ref order. */
  members: Array<{ id: string } & SegmentFileMark>;
  records: DocumentRecord[];
  /** The compact body index (compact-index-writer.ts). */
  index: Uint8Array;
  /** PHRASE_FILTER_BYTES per member, in ref order. */
  phraseFilters: Uint8Array;
}

interface StageHeader {
  format: number;
  corpus: string;
  members: StoredStage['members'];
  records: DocumentRecord[];
  indexBytes: number;
  filterBytes: number;
}

export function segmentTextHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** The size and modification time of a segment file, or nulls where there is none. */
export function segmentFileStat(file: string): Pick<SegmentFileMark, 'size' | 'mtimeNs'> {
  const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
  return stat === undefined
    ? { size: null, mtimeNs: null }
    : { size: Number(stat.size), mtimeNs: stat.mtimeNs.toString() };
}

export function encodeStage(stage: StoredStage): Buffer {
  const header: StageHeader = {
    format: STAGE_FORMAT,
    corpus: stage.corpus,
    members: stage.members,
    records: stage.records,
    indexBytes: stage.index.byteLength,
    filterBytes: stage.phraseFilters.byteLength,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.byteLength);
  const body = Buffer.concat([MAGIC, length, headerBytes, stage.index, stage.phraseFilters]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

/**
 * The stage in `bytes` if it is whole, of this format and scored against `corpusKey`; otherwise throws
 * an Error saying which of these it is not.
 */
export function decodeStage(bytes: Uint8Array, corpusKey: string): StoredStage {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.byteLength < MAGIC.byteLength + 4 + CHECKSUM_BYTES || !buffer.subarray(0, 8).equals(MAGIC))
    throw new Error('not a stage file');
  const body = buffer.subarray(0, buffer.byteLength - CHECKSUM_BYTES);
  const checksum = buffer.subarray(buffer.byteLength - CHECKSUM_BYTES);
  if (!createHash('sha256').update(body).digest().equals(checksum)) throw new Error('damaged (checksum)');
  const headerEnd = MAGIC.byteLength + 4 + body.readUInt32LE(MAGIC.byteLength);
  const header = JSON.parse(body.subarray(MAGIC.byteLength + 4, headerEnd).toString('utf8')) as StageHeader;
  if (header.format !== STAGE_FORMAT) throw new Error(`of format ${String(header.format)}`);
  if (header.corpus !== corpusKey) throw new Error('scored against another bundle');
  const count = header.members.length;
  if (
    header.records.length !== count ||
    header.records.some(
      (record, ref) =>
        record.id !== header.members[ref].id ||
        (record.opening !== undefined && !isOpeningPassage(record.opening, record.sections.length)),
    ) ||
    header.filterBytes !== count * PHRASE_FILTER_BYTES ||
    headerEnd + header.indexBytes + header.filterBytes !== body.byteLength
  )
    throw new Error('inconsistent');
  const indexEnd = headerEnd + header.indexBytes;
  return {
    corpus: header.corpus,
    members: header.members,
    records: header.records,
    // Copies: the index is read through typed arrays, which need it at an aligned offset of its own.
    index: Uint8Array.prototype.slice.call(body, headerEnd, indexEnd),
    phraseFilters: Uint8Array.prototype.slice.call(body, indexEnd),
  };
}
