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
 * The library's rows looked up by id, without reading a document and without a walk over the whole
 * library: what the notebook and a link to a passage need. The publisher's rows (notes not counted) are
 * made once, as they never change while the app runs, and shared with the pages; their places by id
 * are indexed when first asked (or warmed at start).
 */
export interface LibraryRowLookup {
  readonly publisherRows: readonly DocumentSummary[];
  /** The row of a document, the publisher's or yours (removed too); null for an id the library has not. */
  row(id: string, counts: Map<string, number>): DocumentSummary | null;
  /**
   * The rows of the documents with notes (`counts` above 0), in library order, removed ones of yours
   * included: as many as the reader has annotated, whatever the size of the library.
   */
  annotated(counts: Map<string, number>): DocumentSummary[];
  /** Indexes the publisher's places now rather than on the first lookup. */
  warm(): void;
}

export function libraryRowsOf(
  bundled: Library,
  yours: UserLibrary,
  summarise: (meta: DocumentMeta, counts: Map<string, number>) => DocumentSummary,
): LibraryRowLookup {
  const noCounts = new Map<string, number>();
  const publisherRows = bundled.list().map((meta) => summarise(meta, noCounts));
  let index: Map<string, number> | null = null;
  const places = () => (index ??= new Map(publisherRows.map((row, place) => [row.id, place])));
  const counted = (place: number, counts: Map<string, number>): DocumentSummary => {
    const row = publisherRows[place];
    return { ...row, annotationCount: counts.get(row.id) ?? 0 };
  };
  return {
    publisherRows,
    row(id, counts) {
      const place = places().get(id);
      if (place !== undefined) return counted(place, counts);
      const entry = yours.entry(id);
      return entry ? summarise(entry.meta, counts) : null;
    },
    annotated(counts) {
      const annotated = (id: string) => (counts.get(id) ?? 0) > 0;
      const publisher = [...counts.keys()]
        .filter(annotated)
        .flatMap((id) => places().get(id) ?? [])
        .sort((a, b) => a - b)
        .map((place) => counted(place, counts));
      // A bundled id always wins over one of yours, as everywhere else.
      const own = yours
        .entries()
        .filter((entry) => annotated(entry.id) && !places().has(entry.id))
        .map((entry) => summarise(entry.meta, counts));
      return [...publisher, ...own];
    },
    warm() {
      places();
    },
  };
}

/**
 * The rows the library lists, as pages. The publisher's rows never change while the app runs; yours
 * change on an import, a removal, an undo or a replacement (a new hash under the same id), and only then
 * are the pages made again.
 */
export function libraryPagesOf(
  publisherRows: readonly DocumentSummary[],
  yours: UserLibrary,
  summarise: (meta: DocumentMeta, counts: Map<string, number>) => DocumentSummary,
): () => LibraryPages {
  const noCounts = new Map<string, number>();
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
