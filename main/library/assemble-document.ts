import { createHash } from 'node:crypto';
import type { Block, Document, DocumentMeta, InlineRun, Section } from '../api';
import { ContentError } from '../errors';
import { blockText, canonicalText, UNIT_SEPARATOR } from './canonical-text';

/**
 * What a parser produces before ids and offsets exist. Both parsers hand their drafts to
 * `assembleDocument`, so ids, offsets, word counts and the text hash follow one set of rules.
 */
/** `page`: the PDF page the block starts on, where the parser knows it (citations say "p. 3"). */
export type BlockDraft =
  | { type: 'paragraph'; runs: InlineRun[]; page?: number }
  | { type: 'figure'; caption: InlineRun[]; credit: string | null; page?: number };

export interface SectionDraft {
  heading: string | null;
  blocks: BlockDraft[];
}

export type MetaDraft = Omit<DocumentMeta, 'id' | 'wordCount' | 'readingMinutes' | 'textHash'>;

export const WORDS_PER_MINUTE = 230;

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** `[a-z0-9-]+`: lower case, runs of anything else become one hyphen. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The document id: the slug of the file name without its folder and extension. */
export function documentIdFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const id = slugify(base.replace(/\.[^.]*$/, ''));
  if (id === '')
    throw new ContentError(
      fileName,
      null,
      'the file name gives no usable document id (use letters or digits)',
    );
  return id;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** Hands out ids that depend only on content, with `-2`, `-3`… for repeats in reading order. */
class IdMinter {
  private readonly used = new Set<string>();

  mint(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

function sectionBaseId(heading: string | null, index: number): string {
  if (heading === null) return index === 0 ? 's-intro' : 's-untitled';
  const slug = slugify(heading).slice(0, 60).replace(/-+$/, '');
  return slug === '' ? `s-${shortHash(heading)}` : `s-${slug}`;
}

/** Offsets follow `canonicalText`: units joined by the separator, in reading order. */
class OffsetCounter {
  private next = 0;

  take(text: string): number {
    const start = this.next;
    this.next += text.length + UNIT_SEPARATOR.length;
    return start;
  }
}

function finishBlock(draft: BlockDraft, ids: IdMinter, offsets: OffsetCounter): Block {
  const block: Block =
    draft.type === 'paragraph'
      ? { type: 'paragraph', id: '', start: 0, runs: draft.runs }
      : { type: 'figure', id: '', start: 0, caption: draft.caption, credit: draft.credit };
  const text = blockText(block);
  block.id = ids.mint(`b-${shortHash(`${draft.type}\u0000${text}`)}`);
  block.start = offsets.take(text);
  if (draft.page !== undefined) block.page = draft.page;
  return block;
}

/**
 * Turns drafts into a `Document`. Empty sections are dropped. `wordCount` counts the article (headings,
 * paragraphs, captions), not the author bio, since reading time is about the article.
 */
export function assembleDocument(
  fileName: string,
  meta: MetaDraft,
  sectionDrafts: SectionDraft[],
  bioDrafts: BlockDraft[],
): Document {
  const ids = new IdMinter();
  const offsets = new OffsetCounter();
  const sections: Section[] = [];
  let articleWords = 0;
  sectionDrafts
    .filter((draft) => draft.blocks.length > 0 || draft.heading !== null)
    .forEach((draft, index) => {
      const headingStart = draft.heading === null ? null : offsets.take(draft.heading);
      const id = ids.mint(sectionBaseId(draft.heading, index));
      const blocks = draft.blocks.map((block) => finishBlock(block, ids, offsets));
      articleWords +=
        countWords(draft.heading ?? '') + blocks.reduce((sum, b) => sum + countWords(blockText(b)), 0);
      sections.push({ id, heading: draft.heading, headingStart, blocks });
    });
  const authorBio = bioDrafts.map((block) => finishBlock(block, ids, offsets));
  const body = { sections, authorBio };
  return {
    id: documentIdFromFileName(fileName),
    ...meta,
    wordCount: articleWords,
    readingMinutes: Math.max(1, Math.round(articleWords / WORDS_PER_MINUTE)),
    textHash: createHash('sha256').update(canonicalText(body)).digest('hex'),
    ...body,
  };
}

/** The manifest row of a document: everything but its text. */
export function documentMeta(doc: Document): DocumentMeta {
  return {
    id: doc.id,
    title: doc.title,
    series: doc.series,
    authors: doc.authors,
    published: doc.published,
    publisher: doc.publisher,
    source: doc.source,
    tags: doc.tags,
    wordCount: doc.wordCount,
    readingMinutes: doc.readingMinutes,
    textHash: doc.textHash,
  };
}
