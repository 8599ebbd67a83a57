import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  brotliCompress,
  brotliCompressSync,
  brotliDecompressSync,
  constants,
  type BrotliOptions,
} from 'node:zlib';
import type { Document, DocumentMeta } from '../api';
import { MarginError } from '../errors';

/**
 * A bundled document's file, `docs/<id>.json.br`: its text only (`id`, `sections`, `authorBio`) as
 * brotli-compressed JSON. Its metadata (title, authors, publisher, …) is in `library.json` once, so the
 * file does not repeat it: at 1,000 articles of one publisher that repeat was a fifth of every document.
 * Every reader of the content bundle's documents goes through this module; the reader's own imported
 * documents (the user library) are stored otherwise.
 *
 * A bundle written before this format (`docs/<id>.json`, the whole Document uncompressed) still reads.
 */

export const DOCS_FOLDER = 'docs';
export const BUNDLED_DOCUMENT_SUFFIX = '.json.br';
/** The older form: the whole Document as plain JSON. */
const PLAIN_DOCUMENT_SUFFIX = '.json';

/**
 * Brotli quality 5: on the bench corpus qualities 5 to 9 give the same size (43% of the JSON), and 5 is
 * the quickest of them (4 is 3% larger); 10 and 11 save another 13% but take 10 to 20 times as long,
 * more than a 100,000-article build can spend.
 */
const BROTLI_QUALITY = 5;

/** What a bundled document file holds; `documentWithText` joins it to its row of `library.json`. */
export type DocumentText = Pick<Document, 'id' | 'sections' | 'authorBio'>;

const compress = promisify(brotliCompress);

/**
 * The most a document file may inflate to. The longest real document is a few MB of JSON; a file that
 * would grow past this (a decompression bomb, or damage) is refused as damaged before it fills memory.
 */
export const MAX_DOCUMENT_JSON_BYTES = 64 * 1024 * 1024;

/** The file's path inside the bundle, with `/` whatever the platform (as the packaging check lists them). */
export function bundledDocumentPath(id: string): string {
  return `${DOCS_FOLDER}/${id}${BUNDLED_DOCUMENT_SUFFIX}`;
}

/** `doc`'s text as the file holds it, and the brotli settings for it (the same on every thread). */
function documentTextJson(doc: Document): { json: Buffer; options: BrotliOptions } {
  const text: DocumentText = { id: doc.id, sections: doc.sections, authorBio: doc.authorBio };
  const json = Buffer.from(JSON.stringify(text), 'utf8');
  return {
    json,
    options: {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
      },
    },
  };
}

function bundledDocumentFile(bundleDir: string, id: string): string {
  return join(bundleDir, DOCS_FOLDER, `${id}${BUNDLED_DOCUMENT_SUFFIX}`);
}

/** Writes `doc`'s text to `<bundleDir>/docs/<id>.json.br`; compression runs off the calling thread. */
export async function writeBundledDocument(bundleDir: string, doc: Document): Promise<void> {
  const { json, options } = documentTextJson(doc);
  await writeFile(bundledDocumentFile(bundleDir, doc.id), await compress(json, options));
}

/**
 * `writeBundledDocument` compressing on the calling thread: for the content build's workers, each of
 * which has a core to itself (libuv's pool would only make them queue behind one another).
 */
export async function writeBundledDocumentHere(bundleDir: string, doc: Document): Promise<void> {
  const { json, options } = documentTextJson(doc);
  await writeFile(bundledDocumentFile(bundleDir, doc.id), brotliCompressSync(json, options));
}

/** The document `meta` describes, with the text read from its file. */
export function documentWithText(meta: DocumentMeta, text: DocumentText): Document {
  return { ...meta, sections: text.sections, authorBio: text.authorBio };
}

function damaged(file: string, why: string): MarginError {
  return new MarginError('unavailable', `The content bundle is damaged: ${file} ${why}.`);
}

/** Null when the file is not there (the caller tries the older form); any other failure says so. */
function absentOrUnreadable(error: unknown, id: string, suffix: string): null {
  if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') return null;
  throw damaged(`${DOCS_FOLDER}/${id}${suffix}`, 'cannot be read');
}

/** The file's bytes as JSON: compressed, or plain for a bundle of the older form. */
function decode(id: string, bytes: Buffer, compressed: boolean): DocumentText {
  const file = `${DOCS_FOLDER}/${id}${compressed ? BUNDLED_DOCUMENT_SUFFIX : PLAIN_DOCUMENT_SUFFIX}`;
  let json: string;
  try {
    json = (
      compressed ? brotliDecompressSync(bytes, { maxOutputLength: MAX_DOCUMENT_JSON_BYTES }) : bytes
    ).toString('utf8');
  } catch (error) {
    if (error instanceof RangeError) throw damaged(file, 'would inflate past its limit');
    throw damaged(file, 'cannot be decompressed');
  }
  let parsed: Partial<DocumentText> | null;
  try {
    parsed = JSON.parse(json) as Partial<DocumentText> | null;
  } catch {
    throw damaged(file, 'is not valid JSON');
  }
  if (parsed?.id !== id || !Array.isArray(parsed.sections) || !Array.isArray(parsed.authorBio))
    throw damaged(file, `is not the document "${id}"`);
  return { id, sections: parsed.sections, authorBio: parsed.authorBio };
}

/**
 * The text of the bundled document `id` (an id the caller has checked: `isDocumentId`). Throws a
 * one-line MarginError('unavailable') naming the file when it is missing, damaged or another document's.
 */
export function readBundledDocument(bundleDir: string, id: string): DocumentText {
  const read = (suffix: string): Buffer | null => {
    try {
      return readFileSync(join(bundleDir, DOCS_FOLDER, id + suffix));
    } catch (error) {
      return absentOrUnreadable(error, id, suffix);
    }
  };
  const compressed = read(BUNDLED_DOCUMENT_SUFFIX);
  if (compressed) return decode(id, compressed, true);
  const plain = read(PLAIN_DOCUMENT_SUFFIX);
  if (plain) return decode(id, plain, false);
  throw damaged(bundledDocumentPath(id), 'is missing');
}

/** `readBundledDocument` without blocking the thread on the disk (the decompression itself is quick). */
export async function readBundledDocumentAsync(bundleDir: string, id: string): Promise<DocumentText> {
  const read = async (suffix: string): Promise<Buffer | null> => {
    try {
      return await readFile(join(bundleDir, DOCS_FOLDER, id + suffix));
    } catch (error) {
      return absentOrUnreadable(error, id, suffix);
    }
  };
  const compressed = await read(BUNDLED_DOCUMENT_SUFFIX);
  if (compressed) return decode(id, compressed, true);
  const plain = await read(PLAIN_DOCUMENT_SUFFIX);
  if (plain) return decode(id, plain, false);
  throw damaged(bundledDocumentPath(id), 'is missing');
}
