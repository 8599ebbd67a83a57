/**
 * A compact index (compact-index.ts) loaded from its file with its postings left on disk: only the
 * terms and their offsets are held in memory, and a term's postings are read (one positioned read) when
 * a query first touches it. At 100,000 articles the postings are most of the index, and a query reads a
 * few terms of them; recently used ones stay decoded (DECODED_POSTINGS_BUDGET).
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import {
  fieldLengthsOf,
  indexOf,
  MAGIC,
  readHeader,
  termOffsetsOf,
  type CompactIndex,
  type Header,
  type LoadOptions,
  type PostingsReader,
} from './compact-index';
import { closeWhenCollected, readFully } from './positioned-reads';

/**
 * Loads the compact index in `file`, leaving its postings on disk: each term's are read (one positioned
 * read) when a query first touches it. Throws a plain Error when the file is not an index.
 */
export function loadCompactIndexFile(file: string, options: LoadOptions = {}): CompactIndex {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const readAt = (position: number, length: number): Uint8Array => {
      if (position + length > size) throw new Error('search index is truncated');
      const buffer = new Uint8Array(length);
      readFully(fd, buffer, position, length, 'search index is truncated');
      return buffer;
    };
    const header = readHeader(readAt(0, Math.min(size, MAGIC.length + 4)), (length) => readAt(0, length));
    const section = (name: keyof Header['sections']) => {
      const [offset, length] = header.sections[name] ?? [0, 0];
      return readAt(offset, length);
    };
    const termOffsets = termOffsetsOf(section('termOffsets'), header.termCount);
    const [postingsStart, postingsLength] = header.sections.postings;
    if (postingsStart + postingsLength > size) throw new Error('search index is truncated');
    const reader: PostingsReader = {
      term: (termIndex) => ({
        bytes: readAt(
          postingsStart + termOffsets[termIndex],
          termOffsets[termIndex + 1] - termOffsets[termIndex],
        ),
        at: 0,
      }),
      all: () => readAt(postingsStart, postingsLength),
    };
    // Field lengths (a counts index's) are read whole: every decoded posting needs its document's.
    const lengths =
      header.sections.fieldLengths === undefined ? null : fieldLengthsOf(section('fieldLengths'), header);
    const index = indexOf(header, section('terms'), termOffsets, reader, options, lengths);
    // A file-backed index closes its file once nothing refers to it any more.
    closeWhenCollected(index, fd);
    return index;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}
