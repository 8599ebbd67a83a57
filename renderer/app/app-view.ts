/**
 * The app's views as a small state machine, and how each maps to the address (`#/`, `#/read/<id>`,
 * `#/notebook`), so that reload and the browser's back button land on the same view.
 */

/** Where to land when a document opens: a block to scroll to and the words to mark in it. */
export interface ReaderTarget {
  blockId: string;
  /** Surface forms to mark with the `search-match` highlight inside that block. */
  terms: string[];
}

export type AppView =
  | { name: 'library' }
  | { name: 'reader'; docId: string; target: ReaderTarget | null; annotationId: string | null }
  | { name: 'notebook' };

export const LIBRARY: AppView = { name: 'library' };

export function readerView(
  docId: string,
  target: ReaderTarget | null = null,
  annotationId: string | null = null,
): AppView {
  return { name: 'reader', docId, target, annotationId };
}

/** The view an address names; anything unknown is the library. */
export function viewFromHash(hash: string): AppView {
  const read = /^#\/read\/([a-z0-9-]+)$/.exec(hash);
  if (read) return readerView(read[1]);
  if (hash === '#/notebook') return { name: 'notebook' };
  return LIBRARY;
}

export function hashForView(view: AppView): string {
  switch (view.name) {
    case 'library':
      return '#/';
    case 'reader':
      return `#/read/${view.docId}`;
    case 'notebook':
      return '#/notebook';
  }
}

/** The same view for the address bar's purposes (a new search target in the same document is not). */
export function sameAddress(a: AppView, b: AppView): boolean {
  return hashForView(a) === hashForView(b);
}
