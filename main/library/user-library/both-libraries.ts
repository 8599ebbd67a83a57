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
 * The rows the library lists, as pages. The publisher's rows never change while the app runs; yours
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

/** Where a bundled document is in the library, and what its row is made from. */
export interface BundledPlace {
  meta: DocumentMeta;
  place: number;
}

/**
 * The bundled documents' metadata by id, with their places, made when first asked: a row is then made
 * without reading its document (which getDocument would), and put in library order without a walk
 * over the whole library.
 */
export function bundledPlacesOf(bundled: Library): () => Map<string, BundledPlace> {
  let places: Map<string, BundledPlace> | null = null;
  return () => (places ??= new Map(bundled.list().map((meta, place) => [meta.id, { meta, place }])));
}

/**
 * The rows of the documents with notes (`counts` above 0), in library order, removed ones of yours
 * included: as many as the reader has annotated, whatever the size of the library.
 */
export function annotatedRows(
  bundledPlaces: Map<string, BundledPlace>,
  yours: UserLibrary,
  counts: Map<string, number>,
  summarise: (meta: DocumentMeta, counts: Map<string, number>) => DocumentSummary,
): DocumentSummary[] {
  const annotated = (id: string) => (counts.get(id) ?? 0) > 0;
  const publisher = [...counts.keys()]
    .filter(annotated)
    .flatMap((id) => bundledPlaces.get(id) ?? [])
    .sort((a, b) => a.place - b.place)
    .map(({ meta }) => summarise(meta, counts));
  // A bundled id always wins over one of yours, as everywhere else.
  const own = yours
    .entries()
    .filter((entry) => annotated(entry.id) && !bundledPlaces.has(entry.id))
    .map((entry) => summarise(entry.meta, counts));
  return [...publisher, ...own];
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
