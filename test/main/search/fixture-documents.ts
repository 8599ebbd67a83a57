import { createHash } from 'node:crypto';
import type { Block, Document, Section } from '../../../main/api';
import { canonicalText } from '../../../main/library/canonical-text';

/** A document described by its texts; the builder fills in ids, offsets and metadata like the parsers do. */
export interface DocumentSpec {
  id: string;
  title: string;
  authors?: string[];
  published?: string | null;
  /** The first section may have a null heading (the lead). Figures are `{ caption }`. */
  sections: Array<{ heading: string | null; blocks: Array<string | { caption: string }> }>;
  bio?: string[];
}

/** Builds a `Document` whose block offsets and text hash agree with `canonicalText`. */
export function makeDocument(spec: DocumentSpec): Document {
  let offset = 0;
  const advance = (text: string) => {
    const start = offset;
    offset += text.length + 2;
    return start;
  };
  let blockNumber = 0;
  const block = (content: string | { caption: string }): Block => {
    const id = `${spec.id}-b${++blockNumber}`;
    if (typeof content === 'string') {
      return { type: 'paragraph', id, start: advance(content), runs: [{ type: 'text', text: content }] };
    }
    return {
      type: 'figure',
      id,
      start: advance(content.caption),
      caption: [{ type: 'text', text: content.caption }],
      credit: null,
    };
  };
  const sections: Section[] = spec.sections.map((section, i) => {
    const headingStart = section.heading === null ? null : advance(section.heading);
    return {
      id: `${spec.id}-s${i + 1}`,
      heading: section.heading,
      headingStart,
      blocks: section.blocks.map(block),
    };
  });
  const authorBio = (spec.bio ?? []).map(block);
  const doc: Document = {
    id: spec.id,
    title: spec.title,
    series: null,
    authors: (spec.authors ?? []).map((name) => ({ name, role: null })),
    published: spec.published ?? null,
    publisher: null,
    source: null,
    tags: [],
    wordCount: 0,
    readingMinutes: 1,
    textHash: '',
    sections,
    authorBio,
  };
  const text = canonicalText(doc);
  doc.wordCount = text.split(/\s+/).filter(Boolean).length;
  doc.readingMinutes = Math.max(1, Math.round(doc.wordCount / 230));
  doc.textHash = createHash('sha256').update(text).digest('hex');
  return doc;
}
