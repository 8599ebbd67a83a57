import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document, DocumentMeta } from '../api';
import { MarginError } from '../errors';
import { documentWithText, readBundledDocument } from './bundle-document-file';
import { ManifestError, manifestDocuments } from './library-manifest';

/**
 * The built content bundle: `library.json` (every document's metadata) read at start, each document's
 * text (`docs/<id>.json.zst`, bundle-document-file.ts) read when first asked for and kept in a small
 * cache, so a library of thousands of articles costs only its manifest in memory.
 */
export interface Library {
  list(): DocumentMeta[];
  /** Throws MarginError('not-found') for an unknown id, 'invalid-argument' for a malformed one. */
  get(id: string): Document;
  has(id: string): boolean;
}

export const LIBRARY_MANIFEST = 'library.json';
const DOCUMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CACHE_SIZE = 32;

export function isDocumentId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= 200 && DOCUMENT_ID.test(id);
}

function readManifest(text: string, file: string): DocumentMeta[] {
  let metas: DocumentMeta[];
  try {
    metas = manifestDocuments(JSON.parse(text));
  } catch (error) {
    const why = error instanceof ManifestError ? error.message : 'it is not valid JSON';
    throw new MarginError('unavailable', `The content bundle is damaged: ${file} (${why}).`);
  }
  if (!metas.every((meta) => isDocumentId((meta as DocumentMeta | null)?.id))) {
    throw new MarginError(
      'unavailable',
      `The content bundle is damaged: ${file} is not a list of documents.`,
    );
  }
  return internPublishers(metas);
}

/**
 * A bundle written before the publishers table repeats the about text and contact lines on every row;
 * sharing one object per distinct publisher keeps thousands of articles from holding thousands of copies.
 */
function internPublishers(metas: DocumentMeta[]): DocumentMeta[] {
  const shared = new Map<string, DocumentMeta['publisher']>();
  for (const meta of metas) {
    if (!meta.publisher) continue;
    const key = JSON.stringify(meta.publisher);
    const known = shared.get(key);
    if (known) meta.publisher = known;
    else shared.set(key, meta.publisher);
  }
  return metas;
}

export async function loadLibrary(bundleDir: string): Promise<Library> {
  const manifestFile = join(bundleDir, LIBRARY_MANIFEST);
  let text: string;
  try {
    text = await readFile(manifestFile, 'utf8');
  } catch {
    throw new MarginError(
      'unavailable',
      `No content bundle at ${bundleDir} (${LIBRARY_MANIFEST} is missing).`,
    );
  }
  const metas = readManifest(text, manifestFile);
  const byId = new Map(metas.map((meta) => [meta.id, meta]));
  const cache = new Map<string, Document>();

  const known = (id: string): DocumentMeta => {
    if (!isDocumentId(id))
      throw new MarginError('invalid-argument', 'A document id is lower-case letters, digits and hyphens.');
    const meta = byId.get(id);
    if (!meta) throw new MarginError('not-found', `There is no document "${id}" in the library.`);
    return meta;
  };

  return {
    list: () => metas.map((meta) => ({ ...meta })),
    has: (id) => isDocumentId(id) && byId.has(id),
    get(id) {
      const meta = known(id);
      const cached = cache.get(id);
      if (cached) {
        cache.delete(id);
        cache.set(id, cached);
        return cached;
      }
      // Throws a one-line MarginError naming the file when it is missing or damaged.
      const doc = documentWithText(meta, readBundledDocument(bundleDir, id));
      cache.set(id, doc);
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      return doc;
    },
  };
}
