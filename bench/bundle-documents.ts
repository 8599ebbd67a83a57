/**
 * Reads the documents of a content bundle (the real content build's output) and turns each into the
 * field texts every engine indexes: the same fields Margin's index uses (title, author, section headings,
 * body), so that the baselines index exactly the same text.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Document } from '../main/api';
import { manifestDocuments } from '../main/library/library-manifest';
import { blockText } from '../main/library/canonical-text';
import { documentWithText, readBundledDocumentAsync } from '../main/library/bundle-document-file';

export interface FieldRecord {
  /** Position of the document in the library: the ref every engine uses. */
  ref: number;
  id: string;
  title: string;
  author: string;
  section: string;
  body: string;
}

export const BASELINE_FIELDS = ['title', 'author', 'section', 'body'] as const;

export async function readBundleDocuments(bundleDir: string): Promise<Document[]> {
  const metas = manifestDocuments(JSON.parse(await readFile(path.join(bundleDir, 'library.json'), 'utf8')));
  const documents: Document[] = [];
  for (const meta of metas)
    documents.push(documentWithText(meta, await readBundledDocumentAsync(bundleDir, meta.id)));
  return documents;
}

/** Every passage (section blocks, then the author bio) joined: the body every engine indexes. */
export function fieldRecord(doc: Document, ref: number): FieldRecord {
  const blocks = [...doc.sections.flatMap((section) => section.blocks), ...doc.authorBio];
  return {
    ref,
    id: doc.id,
    title: doc.title,
    author: doc.authors.map((author) => author.name).join('\n'),
    section: doc.sections
      .flatMap((section) => (section.heading === null ? [] : [section.heading]))
      .join('\n'),
    body: blocks.map(blockText).join('\n'),
  };
}

export async function readFieldRecords(bundleDir: string): Promise<FieldRecord[]> {
  return (await readBundleDocuments(bundleDir)).map(fieldRecord);
}
