/**
 * The bundled library and the reader's own as one: what annotations, citations and getDocument see.
 * A removed document of yours is still here (its notes stay anchored and exportable, and it can be
 * cited); only the library's list leaves it out.
 */
import type { Document, DocumentMeta, DocumentSummary } from '../../api';
import type { CitableDocument, ImportedOrigin } from '../../citations/csl-metadata';
import type { Library } from '../library';
import { createLibraryPages, type LibraryPages } from '../library-page';
import type { UserDocumentEntry, UserLibrary } from './user-library';

export function bothLibraries(bundled: Library, yours: UserLibrary): Library {
  return {
    list: () => [...bundled.list(), ...yours.entries().map((entry) => ({ ...entry.meta }))],
    has: (id) => bundled.has(id) || yours.has(id),
    get: (id) => (bundled.has(id) || !yours.has(id) ? bundled.get(id) : yours.get(id)),
  };
}

/**
 * The rows listDocuments lists, as pages. The publisher's rows never change while the app runs; yours
 * change on an import, a removal, an undo or a replacement (a new hash under the same id), and only then
 * are the pages made again.
 */
export function libraryPagesOf(
  bundled: Library,
  yours: UserLibrary,
  summarise: (meta: DocumentMeta, counts: Map<string, number>) => DocumentSummary,
): () => LibraryPages {
  const noCounts = new Map<string, number>();
  const publisherRows = bundled.list().map((meta) => summarise(meta, noCounts));
  let made: { signature: string; pages: LibraryPages } | null = null;
  return () => {
    const live = yours.entries().filter((entry) => !entry.removed);
    const signature = live.map((entry) => `${entry.id}:${entry.sha256}`).join(' ');
    if (made?.signature !== signature) {
      const rows = [...publisherRows, ...live.map((entry) => summarise(entry.meta, noCounts))];
      made = { signature, pages: createLibraryPages(rows) };
    }
    return made.pages;
  };
}

/** A library row; `counts` holds the number of notes per document. */
export function documentSummary(
  meta: DocumentMeta,
  counts: Map<string, number>,
  entry: UserDocumentEntry | null,
): DocumentSummary {
  return {
    id: meta.id,
    title: meta.title,
    series: meta.series,
    authors: meta.authors,
    published: meta.published,
    publisherName: meta.publisher?.name ?? null,
    tags: meta.tags,
    wordCount: meta.wordCount,
    readingMinutes: meta.readingMinutes,
    annotationCount: counts.get(meta.id) ?? 0,
    origin: entry ? 'yours' : 'publisher',
    kind: entry?.kind ?? null,
    fileName: entry?.fileName ?? null,
    removed: entry?.removed ?? false,
  };
}

/**
 * A document as citations see it: one of yours says what it was imported from (a web page is cited as a
 * `webpage` in its site, a PDF as a `report`); the publisher's are cited as they are.
 */
export function citable(doc: Document, entry: UserDocumentEntry | undefined): Document & CitableDocument {
  if (!entry || (entry.kind !== 'html' && entry.kind !== 'pdf')) return doc;
  const origin: ImportedOrigin =
    entry.kind === 'html' ? { kind: 'webpage', containerTitle: doc.source?.venue ?? null } : { kind: 'pdf' };
  return { ...doc, origin };
}
