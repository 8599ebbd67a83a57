/**
 * The reader's own documents, in the data folder beside the notes (`<data>/library/`, private):
 *
 * - `files/<sha256>`: each file exactly as imported, named by its content;
 * - `docs/<id>.json`: the parsed Document (where search reads passages, as in a content bundle);
 * - `manifest/<id>.json`: what the library lists (origin, kind, file name, hash, date, removed, meta);
 *   written last, so a document exists only once all of its parts do;
 * - `index/<id>.json`: its search segment, and `index/main-stage.bin` the segments put together
 *   (search/service/user-search-index.ts);
 * - `staging/<random>/`: one running import's files, written by the import worker and moved into place
 *   by `keep`; removed when the import ends, and everything in it at the next start (a crashed run's).
 *
 * Every write is atomic. A manifest or document that cannot be read is never deleted: it is skipped
 * with a logged line and a notice, and its files stay where they are.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document, DocumentMeta, ImportKind } from '../../api';
import { MARGIN_FOLDERS, PRIVATE_DIR_MODE } from '../../data-dir';
import { errorDetail, MarginError } from '../../errors';
import {
  syncDirectoryInBackground,
  writeFileAtomically,
  writeFileAtomicallyInBackground,
} from '../../storage/durable-files';
import { documentMeta } from '../assemble-document';
import { isDocumentId } from '../library';

export const USER_LIBRARY_DIR = MARGIN_FOLDERS.library;
const FILES = 'files';
const DOCS = 'docs';
const MANIFEST = 'manifest';
const STAGING = 'staging';
/** The staged Document's name in its import's staging folder. */
const STAGED_DOCUMENT = 'document.json';
/** A replaced document's old text, moved aside until the new manifest is written. */
const REPLACED_DOCUMENT = 'replaced.json';
const MANIFEST_FORMAT = 1;
const CACHE_SIZE = 16;

export interface UserDocumentEntry {
  format: number;
  id: string;
  kind: ImportKind;
  /** The file name as imported. */
  fileName: string;
  /** sha256 hex of the original file (its name under files/). */
  sha256: string;
  /** ISO date-time of the import (or of the replace). */
  importedAt: string;
  removed: boolean;
  /** Pages of a PDF. */
  pages?: number;
  meta: DocumentMeta;
}

export class UserLibrary {
  private readonly entriesById = new Map<string, UserDocumentEntry>();
  private readonly cache = new Map<string, Document>();
  /** What the reader must be told about damaged files (kept, never deleted). */
  readonly notices: string[] = [];

  constructor(
    readonly dir: string,
    private readonly log: (line: string) => void = (line) => console.warn(`margin: ${line}`),
  ) {
    for (const sub of [FILES, DOCS, MANIFEST, STAGING])
      mkdirSync(join(dir, sub), { recursive: true, mode: PRIVATE_DIR_MODE });
    for (const name of readdirSync(join(dir, MANIFEST)).sort()) {
      if (!name.endsWith('.json')) continue;
      const file = join(dir, MANIFEST, name);
      try {
        const entry = readEntry(readFileSync(file, 'utf8'), name.slice(0, -'.json'.length));
        this.entriesById.set(entry.id, entry);
      } catch (error) {
        const line = `${USER_LIBRARY_DIR}/${MANIFEST}/${name} could not be read (${errorDetail(error)}); it is kept as it is and left out of your library.`;
        this.log(line);
        this.notices.push(`One of your documents could not be read: ${line}`);
      }
    }
  }

  /** The file exactly as imported, by its sha256 (sync sends it to the reader's other devices). */
  readOriginal(sha256: string): Buffer {
    return readFileSync(join(this.dir, FILES, sha256));
  }

  /** Every document of yours, removed ones too, oldest import first. */
  entries(): UserDocumentEntry[] {
    return [...this.entriesById.values()].sort(
      (a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id),
    );
  }

  /** The ids of the documents of yours in the library (not removed). */
  liveIds(): string[] {
    return this.entries()
      .filter((entry) => !entry.removed)
      .map((entry) => entry.id);
  }

  entry(id: string): UserDocumentEntry | undefined {
    return this.entriesById.get(id);
  }

  /** Removed documents count: their id stays theirs, so their notes come back with them. */
  has(id: string): boolean {
    return this.entriesById.has(id);
  }

  withSameBytes(sha256: string): UserDocumentEntry | undefined {
    return this.entries().find((entry) => entry.sha256 === sha256);
  }

  /** A document in the library imported from a file of this name. */
  withFileName(fileName: string): UserDocumentEntry | undefined {
    return this.entries().find((entry) => !entry.removed && entry.fileName === fileName);
  }

  get(id: string): Document {
    const entry = this.entriesById.get(id);
    if (!entry) throw new MarginError('not-found', `There is no document "${id}" in your library.`);
    const cached = this.cache.get(id);
    if (cached) return cached;
    let doc: Document;
    try {
      doc = JSON.parse(readFileSync(join(this.dir, DOCS, `${id}.json`), 'utf8')) as Document;
      if (doc?.id !== id || !Array.isArray(doc.sections)) throw new Error('not this document');
    } catch (error) {
      this.log(`${USER_LIBRARY_DIR}/${DOCS}/${id}.json could not be read (${errorDetail(error)})`);
      throw new MarginError(
        'unavailable',
        `“${entry.meta.title}” could not be read from your library; its file is kept (${USER_LIBRARY_DIR}/${DOCS}/${id}.json).`,
      );
    }
    this.cache.set(id, doc);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return doc;
  }

  /**
   * Removes what a previous run left in staging (the app was killed mid-import): those files belong to
   * no document. Call it only while holding the data folder (the note store's lock): another instance
   * opening the same folder must not take a running import's files away.
   */
  clearStaleStaging(): void {
    try {
      const stale = readdirSync(join(this.dir, STAGING));
      for (const name of stale) rmSync(join(this.dir, STAGING, name), { recursive: true, force: true });
      if (stale.length > 0)
        this.log(
          `${USER_LIBRARY_DIR}/${STAGING}: removed ${stale.length} unfinished import(s) of an earlier run`,
        );
    } catch (error) {
      // Nothing lists staging: what stays there is never shown, and the next start tries again.
      this.log(`${USER_LIBRARY_DIR}/${STAGING} could not be cleared (${errorDetail(error)})`);
    }
  }

  /**
   * A private folder (0700) for one import's files, and the file the import worker writes the
   * Document to. `discardStaging` removes the folder whatever the import's end.
   */
  async newStaging(): Promise<{ folder: string; document: string }> {
    const folder = join(this.dir, STAGING, randomBytes(8).toString('hex'));
    await mkdir(folder, { mode: PRIVATE_DIR_MODE });
    return { folder, document: join(folder, STAGED_DOCUMENT) };
  }

  async discardStaging(folder: string): Promise<void> {
    await rm(folder, { recursive: true, force: true, maxRetries: 3 });
  }

  /**
   * Keeps a document whose parsed Document the import worker wrote to `staging.document`: the original
   * file (written in the thread pool), the staged Document renamed into docs/, then the manifest that
   * lists it. The main thread never reads or writes the Document's text. When a step fails, what this
   * call did is undone (a replaced document gets its old text back), so the library is as it was.
   */
  async keep(
    entry: Omit<UserDocumentEntry, 'format' | 'meta'>,
    meta: DocumentMeta,
    staging: { folder: string; document: string },
    bytes: Uint8Array,
  ): Promise<UserDocumentEntry> {
    const stored: UserDocumentEntry = { format: MANIFEST_FORMAT, ...entry, meta: { ...meta, id: entry.id } };
    const docFile = join(this.dir, DOCS, `${entry.id}.json`);
    const original = join(this.dir, FILES, entry.sha256);
    const hadOriginal = existsSync(original);
    const replacing = this.entriesById.has(entry.id) && existsSync(docFile);
    const aside = replacing ? join(staging.folder, REPLACED_DOCUMENT) : null;
    if (!hadOriginal) await writeFileAtomicallyInBackground(original, bytes);
    try {
      if (aside) await rename(docFile, aside);
      await rename(staging.document, docFile);
      await syncDirectoryInBackground(join(this.dir, DOCS));
      // Every file step of an import runs in the thread pool, the manifest's too: none waits on the
      // disk in the main thread (the window's, in Electron).
      await writeFileAtomicallyInBackground(this.manifestFile(entry.id), JSON.stringify(stored));
      this.entriesById.set(entry.id, stored);
    } catch (error) {
      if (aside && existsSync(aside)) await rename(aside, docFile);
      else if (!this.entriesById.has(entry.id)) await rm(docFile, { force: true });
      if (!hadOriginal) await rm(original, { force: true });
      throw error;
    }
    // A replaced document is read again from disk when next asked for (annotations re-anchor to it).
    this.cache.delete(entry.id);
    return stored;
  }

  /**
   * Keeps a Document parsed in this thread (tools that fill a library without the import worker, such
   * as the bench): staged, then kept as an import is.
   */
  async add(
    entry: Omit<UserDocumentEntry, 'format' | 'meta'>,
    doc: Document,
    bytes: Uint8Array,
  ): Promise<UserDocumentEntry> {
    const staging = await this.newStaging();
    try {
      await writeFileAtomicallyInBackground(staging.document, JSON.stringify({ ...doc, id: entry.id }));
      return await this.keep(entry, documentMeta(doc), staging, bytes);
    } finally {
      await this.discardStaging(staging.folder);
    }
  }

  setRemoved(id: string, removed: boolean): UserDocumentEntry {
    const entry = this.entriesById.get(id);
    if (!entry) throw new MarginError('not-found', `There is no document "${id}" in your library.`);
    if (entry.removed === removed) return entry;
    const changed = { ...entry, removed };
    this.writeEntry(changed);
    return changed;
  }

  private writeEntry(entry: UserDocumentEntry): void {
    writeFileAtomically(this.manifestFile(entry.id), JSON.stringify(entry));
    this.entriesById.set(entry.id, entry);
  }

  private manifestFile(id: string): string {
    return join(this.dir, MANIFEST, `${id}.json`);
  }
}

export function openUserLibrary(dataDir: string, log?: (line: string) => void): UserLibrary {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  return new UserLibrary(join(dataDir, USER_LIBRARY_DIR), log);
}

function readEntry(text: string, id: string): UserDocumentEntry {
  let parsed: Partial<UserDocumentEntry>;
  try {
    parsed = JSON.parse(text) as Partial<UserDocumentEntry>;
  } catch {
    throw new Error('it is not valid JSON');
  }
  if (parsed?.format !== MANIFEST_FORMAT) throw new Error('it is not a manifest Margin knows');
  if (parsed.id !== id || !isDocumentId(id)) throw new Error('its id does not match its name');
  if (
    typeof parsed.sha256 !== 'string' ||
    !/^[0-9a-f]{64}$/.test(parsed.sha256) ||
    typeof parsed.fileName !== 'string' ||
    typeof parsed.kind !== 'string' ||
    typeof parsed.removed !== 'boolean' ||
    typeof parsed.importedAt !== 'string' ||
    typeof parsed.meta?.title !== 'string' ||
    parsed.meta.id !== id
  )
    throw new Error('a field is missing or wrong');
  return parsed as UserDocumentEntry;
}
