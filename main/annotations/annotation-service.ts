/**
 * The annotation half of MarginApi: highlights and notes created against a document's canonical text,
 * stored, re-anchored lazily when the document's text changed, exported and imported.
 *
 * Arguments arrive checked by the API gate (main/api-dispatch.ts, with the rules of
 * annotation-validation.ts), so they are trusted here; what only this service can know (is the range
 * inside the document, does a highlight keep a colour) is checked here, and every record is checked again
 * by the store on its way to disk and by the import on its way in from a file.
 */
import { randomUUID } from 'node:crypto';
import type { MarginApi, Annotation, AnnotationHit, Document } from '../api';
import { MarginError } from '../errors';
import { readingOrder } from '../shared/annotation-reading-order';
import { canonicalText } from '../library/canonical-text';
import type { Library } from '../library/library';
import { anchor, describeRange, positionHoldsQuote } from './anchoring';
import { importAnnotations } from './formats/annotation-import';
import { jsonLdExport } from './formats/annotation-jsonld';
import { markdownExports } from './formats/annotation-markdown';
import { buildAnnotationIndex } from './annotation-search';
import type { AnnotationIndex, DocumentTitles } from './annotation-search';
import type { AnnotationStore } from './store/annotation-store';
import { MAX_QUOTE_LENGTH } from './annotation-validation';

/** The annotation methods of the contract, plus what the composition layer needs. */
export interface AnnotationService extends Pick<
  MarginApi,
  | 'listAnnotations'
  | 'listAllAnnotations'
  | 'createAnnotation'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'restoreAnnotation'
  | 'exportAnnotations'
  | 'importAnnotations'
> {
  searchAnnotations(query: string, docTitles: DocumentTitles): AnnotationHit[];
  countByDocument(): Map<string, number>;
  /** Another writer (sync) changed the store: what is derived from it (the search index) is rebuilt. */
  storeChangedElsewhere(): void;
  notices(): string[];
  close(): void;
}

export interface AnnotationServiceOptions {
  store: AnnotationStore;
  library: Pick<Library, 'get' | 'has' | 'list'>;
  /** The clock; tests pass one to control `created`/`modified`. */
  now?: () => Date;
}

function invalid(message: string): never {
  throw new MarginError('invalid-argument', message);
}

export function createAnnotationService(options: AnnotationServiceOptions): AnnotationService {
  const { store, library } = options;
  const clock = options.now ?? (() => new Date());
  const texts = new Map<string, { hash: string; text: string }>();
  let index: AnnotationIndex | null = null;

  const textOf = (doc: Document): string => {
    const cached = texts.get(doc.id);
    if (cached?.hash === doc.textHash) return cached.text;
    const text = canonicalText(doc);
    texts.set(doc.id, { hash: doc.textHash, text });
    return text;
  };
  const changed = (): void => {
    index = null;
  };
  /** `modified` always moves forward, even for two changes within one millisecond. */
  const stamp = (after?: string): string => {
    const now = clock().getTime();
    const floor = after ? Date.parse(after) + 1 : 0;
    return new Date(Math.max(now, floor)).toISOString();
  };
  const existing = (id: string): Annotation => {
    const record = store.get(id);
    if (!record) throw new MarginError('not-found', 'That highlight or note no longer exists.');
    return record;
  };

  /**
   * The record placed in the document's current text: unchanged when it was made on this text and its
   * position holds its quote (or it is already an orphan of this text), otherwise anchored again.
   */
  const placed = (doc: Document, record: Annotation): Annotation => {
    if (record.selectors.length === 0) return record;
    const text = textOf(doc);
    if (
      record.docTextHash === doc.textHash &&
      (record.anchorStatus === 'orphaned' || positionHoldsQuote(record.selectors, text))
    )
      return record;
    const found = anchor(
      { selectors: record.selectors, docTextHash: record.docTextHash, anchorStatus: record.anchorStatus },
      text,
      doc.textHash,
    );
    // Orphans keep their original selectors (the quote is what the reader sees) with the new hash, so
    // they are tried again only when the text changes once more. `modified` is the reader's, untouched.
    return { ...record, selectors: found.selectors, anchorStatus: found.status, docTextHash: doc.textHash };
  };

  /** Re-anchors records made on another version of the document's text, and saves what changed. */
  const anchored = (doc: Document, records: Annotation[]): Annotation[] => {
    const updates: Annotation[] = [];
    const result = records.map((record) => {
      const next = placed(doc, record);
      if (next !== record) updates.push(next);
      return next;
    });
    if (updates.length > 0) {
      store.putAll(updates);
      changed();
    }
    return result.sort(readingOrder);
  };

  const listFor = (docId: string): Annotation[] => {
    const records = store.list(docId);
    if (!library.has(docId)) {
      // Notes on a document no longer in the library are kept and listed as they are.
      if (records.length === 0) throw new MarginError('not-found', `There is no document "${docId}".`);
      return records.sort(readingOrder);
    }
    return anchored(library.get(docId), records);
  };

  const allInLibraryOrder = (): Annotation[] => {
    const byDoc = new Map<string, Annotation[]>();
    for (const record of store.list()) byDoc.set(record.docId, [...(byDoc.get(record.docId) ?? []), record]);
    const order = [
      ...library
        .list()
        .map((meta) => meta.id)
        .filter((id) => byDoc.has(id)),
      ...[...byDoc.keys()].filter((id) => !library.has(id)).sort(),
    ];
    return order.flatMap((docId) => listFor(docId));
  };

  return {
    async listAnnotations(docId) {
      return listFor(docId);
    },

    async listAllAnnotations() {
      return allInLibraryOrder();
    },

    async createAnnotation(input) {
      const { docId, note = '', tags = [] } = input;
      if (!library.has(docId)) throw new MarginError('not-found', `There is no document "${docId}".`);
      const doc = library.get(docId);
      const created = stamp();
      const base = {
        id: `urn:uuid:${randomUUID()}`,
        docId,
        docTextHash: doc.textHash,
        note,
        tags,
        created,
        modified: created,
      };

      if (input.range === undefined || input.range === null) {
        if (note.trim() === '' && tags.length === 0)
          invalid('A note on the whole document needs some text or a tag.');
        const color = input.color ?? null;
        const record: Annotation = {
          ...base,
          motivation: 'commenting',
          color,
          selectors: [],
          anchorStatus: 'document',
        };
        store.put(record);
        changed();
        return record;
      }

      const text = textOf(doc);
      let { start, end } = input.range;
      if (start < 0 || end > text.length || start >= end) {
        invalid(`The range ${start}..${end} is not inside the document text (0..${text.length}).`);
      }
      // A selection usually drags along a space or line break at its edges: highlight the words only.
      while (start < end && /\s/.test(text[start])) start += 1;
      while (end > start && /\s/.test(text[end - 1])) end -= 1;
      if (start === end) invalid('The selected range holds only white space.');
      if (end - start > MAX_QUOTE_LENGTH)
        invalid(`A highlight is at most ${MAX_QUOTE_LENGTH.toLocaleString('en')} characters.`);
      const color = input.color ?? 'yellow';
      const record: Annotation = {
        ...base,
        motivation: note.trim() === '' ? 'highlighting' : 'commenting',
        color,
        selectors: describeRange(text, start, end),
        anchorStatus: 'exact',
      };
      store.put(record);
      changed();
      return record;
    },

    async updateAnnotation(id, patch) {
      const record = existing(id);
      // Every field is optional in the contract: a change of nothing is no change, not an error.
      if (patch.color === undefined && patch.note === undefined && patch.tags === undefined) return record;
      const next: Annotation = { ...record };
      if (patch.color !== undefined) {
        next.color = patch.color;
        if (next.color === null && record.selectors.length > 0)
          invalid('A highlight needs one of the colours; delete it to remove it.');
      }
      if (patch.note !== undefined) next.note = patch.note;
      if (patch.tags !== undefined) next.tags = patch.tags;
      if (record.selectors.length === 0) {
        if (next.note.trim() === '' && next.tags.length === 0)
          invalid('A note on the whole document needs some text; delete it instead.');
      } else {
        next.motivation = next.note.trim() === '' ? 'highlighting' : 'commenting';
      }
      next.modified = stamp(record.modified);
      store.put(next);
      changed();
      return next;
    },

    async deleteAnnotation(id) {
      const removed = store.remove(id);
      if (!removed) throw new MarginError('not-found', 'That highlight or note no longer exists.');
      changed();
      return removed;
    },

    async restoreAnnotation(record) {
      const current = store.get(record.id);
      // Undo twice, or undo after the record came back by import: what is there stays.
      if (current) return current;
      // An undo's record comes from the renderer: it is placed by its quote, not trusted by its numbers.
      const restored = library.has(record.docId) ? placed(library.get(record.docId), record) : record;
      store.put(restored);
      changed();
      return restored;
    },

    async exportAnnotations(format, docId) {
      if (docId !== undefined && !library.has(docId) && store.list(docId).length === 0)
        throw new MarginError('not-found', `There is no document "${docId}".`);
      const exported = stamp();
      const records = docId === undefined ? allInLibraryOrder() : listFor(docId);
      switch (format) {
        case 'jsonld':
          return [jsonLdExport(records, docId, exported)];
        case 'markdown':
          return markdownExports(
            records,
            docId,
            (id) => (library.has(id) ? library.get(id) : null),
            exported,
          );
        default:
          return invalid(`There is no export format "${String(format)}".`);
      }
    },

    async importAnnotations(text) {
      const report = importAnnotations(store, text, clock);
      changed();
      return report;
    },

    searchAnnotations(query, docTitles) {
      if (typeof query !== 'string') return [];
      index ??= buildAnnotationIndex(store.list());
      return index.search(query, docTitles);
    },

    countByDocument() {
      return store.countByDocument();
    },

    storeChangedElsewhere() {
      changed();
    },

    notices() {
      return store.notices();
    },

    close() {
      store.close();
    },
  };
}
