import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  brotliDecompressSync,
  constants,
  zstdCompress,
  zstdCompressSync,
  zstdDecompressSync,
  type ZstdOptions,
} from 'node:zlib';
import type { Document, DocumentMeta } from '../api';
import { MarginError } from '../errors';

/**
 * A bundled document's file, `docs/<id>.json.zst`: its text only (`id`, `sections`, `authorBio`) as
 * zstd-compressed JSON. Its metadata (title, authors, publisher, …) is in `library.json` once, so the
 * file does not repeat it: at 1,000 articles of one publisher that repeat was a fifth of every document.
 * Every reader of the content bundle's documents goes through this module; the reader's own imported
 * documents (the user library) are stored otherwise.
 *
 * Bundles written before this format still read: `docs/<id>.json.br` (the same text, brotli-compressed)
 * and `docs/<id>.json` (the whole Document uncompressed).
 */

export const DOCS_FOLDER = 'docs';
export const BUNDLED_DOCUMENT_SUFFIX = '.json.zst';

/** How each form of the file is decoded, newest first (the order a reader looks for them). */
const FORMS = [
  { suffix: BUNDLED_DOCUMENT_SUFFIX, inflate: zstdDecompressSync },
  { suffix: '.json.br', inflate: brotliDecompressSync },
  { suffix: '.json', inflate: null },
] as const;
type Form = (typeof FORMS)[number];

/**
 * Zstd level 9, not brotli: a search inflates the file of every document it shows, and on the
 * 10,000-article bundle zstd inflates these files 2.5 times as fast as brotli 5 did (brotli was a
 * quarter of a search's CPU), for files 3% larger (the bundle stays under its source text) and a
 * quicker build. Levels above 9 save under 1% more and compress two to six times as slowly.
 */
const ZSTD_LEVEL = 9;

/** What a bundled document file holds; `documentWithText` joins it to its row of `library.json`. */
export type DocumentText = Pick<Document, 'id' | 'sections' | 'authorBio'>;

const compress = promisify(zstdCompress);

/**
 * The most a document file may inflate to. The longest real document is a few MB of JSON; a file that
 * would grow past this (a decompression bomb, or damage) is refused as damaged before it fills memory.
 */
export const MAX_DOCUMENT_JSON_BYTES = 64 * 1024 * 1024;

/** The file's path inside the bundle, with `/` whatever the platform (as the packaging check lists them). */
export function bundledDocumentPath(id: string): string {
  return `${DOCS_FOLDER}/${id}${BUNDLED_DOCUMENT_SUFFIX}`;
}

/** `doc`'s text as the file holds it, and the zstd settings for it (the same on every thread). */
function documentTextJson(doc: Document): { json: Buffer; options: ZstdOptions } {
  const text: DocumentText = { id: doc.id, sections: doc.sections, authorBio: doc.authorBio };
  const json = Buffer.from(JSON.stringify(text), 'utf8');
  return {
    json,
    options: { params: { [constants.ZSTD_c_compressionLevel]: ZSTD_LEVEL }, pledgedSrcSize: json.length },
  };
}

function bundledDocumentFile(bundleDir: string, id: string): string {
  return join(bundleDir, DOCS_FOLDER, `${id}${BUNDLED_DOCUMENT_SUFFIX}`);
}

/** Writes `doc`'s text to `<bundleDir>/docs/<id>.json.zst`; compression runs off the calling thread. */
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
  await writeFile(bundledDocumentFile(bundleDir, doc.id), zstdCompressSync(json, options));
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

/** The file's bytes as JSON, in the form its suffix names. */
function decode(id: string, bytes: Buffer, form: Form): DocumentText {
  const file = `${DOCS_FOLDER}/${id}${form.suffix}`;
  let json: string;
  try {
    json = (
      form.inflate === null ? bytes : form.inflate(bytes, { maxOutputLength: MAX_DOCUMENT_JSON_BYTES })
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
  for (const form of FORMS) {
    let bytes: Buffer | null;
    try {
      bytes = readFileSync(join(bundleDir, DOCS_FOLDER, id + form.suffix));
    } catch (error) {
      bytes = absentOrUnreadable(error, id, form.suffix);
    }
    if (bytes) return decode(id, bytes, form);
  }
  throw damaged(bundledDocumentPath(id), 'is missing');
}

/** `readBundledDocument` without blocking the thread on the disk (the decompression itself is quick). */
export async function readBundledDocumentAsync(bundleDir: string, id: string): Promise<DocumentText> {
  for (const form of FORMS) {
    let bytes: Buffer | null;
    try {
      bytes = await readFile(join(bundleDir, DOCS_FOLDER, id + form.suffix));
    } catch (error) {
      bytes = absentOrUnreadable(error, id, form.suffix);
    }
    if (bytes) return decode(id, bytes, form);
  }
  throw damaged(bundledDocumentPath(id), 'is missing');
}
