import type { DocumentSummary } from '../main/api';

/** A library row with plain defaults (a publisher's document, no notes), for tests of pages and pickers. */
export function summaryRow(id: string, fields: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id,
    title: id,
    series: null,
    authors: [],
    published: null,
    publisherName: null,
    tags: [],
    wordCount: 100,
    readingMinutes: 1,
    annotationCount: 0,
    origin: 'publisher',
    kind: null,
    fileName: null,
    removed: false,
    ...fields,
  };
}
