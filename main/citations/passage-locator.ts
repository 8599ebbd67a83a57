/**
 * Where a passage is, for a citation of an unpaginated document: its section heading and its
 * paragraph number, as APA 7 (8.28) and Chicago 17 (14.21) advise when there are no page numbers.
 *
 * Paragraphs are numbered in reading order from 1 within their section, as APA 7 (8.28) asks when
 * there are headings: "(Ali, 2024, Background section, para. 2)" is the second paragraph under
 * "Background". The opening paragraphs before the first heading are numbered from 1 too, so without
 * headings the number counts from the start of the article. Headings and figure captions are not
 * paragraphs and are not counted; figures are numbered the same way across the whole article ("fig.
 * 1"). The author's bio comes after the article, as its own section "About the author".
 */
import type { Block, Document } from '../api';

export interface PassageLocation {
  /** The section heading as a reader would cite it ("Background"), or null before the first heading. */
  section: string | null;
  /** The CSL locator label and its value. */
  label: 'paragraph' | 'figure' | 'page' | null;
  number: number | null;
}

const BIO_SECTION = 'About the author';

/** Headings set in capitals ("BACKGROUND") are cited as "Background". */
export function sectionName(heading: string): string {
  const clean = heading.replace(/\s+/g, ' ').trim();
  const letters = clean.replace(/[^\p{L}]/gu, '');
  if (letters === '' || letters !== letters.toUpperCase()) return clean;
  const lower = clean.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

interface Numbered {
  block: Block;
  section: string | null;
  number: number;
}

/**
 * Every block in reading order with its section and its number: paragraphs within their section
 * (consecutive sections without a heading count on), figures across the article.
 */
function numberedBlocks(doc: Document): Numbered[] {
  let paragraphs = 0;
  let figures = 0;
  let current: string | null = null;
  const out: Numbered[] = [];
  const add = (block: Block, section: string | null) => {
    if (section !== current) paragraphs = 0;
    current = section;
    if (block.type === 'paragraph') out.push({ block, section, number: (paragraphs += 1) });
    else out.push({ block, section, number: (figures += 1) });
  };
  for (const section of doc.sections) {
    const heading = section.heading ? sectionName(section.heading) : null;
    for (const block of section.blocks) add(block, heading);
  }
  for (const block of doc.authorBio) add(block, BIO_SECTION);
  return out;
}

/** The place of a canonical-text offset: the block it falls in, or the heading it is part of. */
export function locatePassage(doc: Document, offset: number): PassageLocation {
  const headings = doc.sections
    .filter((section) => section.heading !== null && section.headingStart !== null)
    .map((section) => ({
      start: section.headingStart as number,
      name: sectionName(section.heading as string),
    }));
  let found: PassageLocation = { section: null, label: null, number: null };
  let foundAt = -1;
  for (const { block, section, number } of numberedBlocks(doc)) {
    if (block.start <= offset && block.start > foundAt) {
      // A PDF's blocks know their page: a page is what a reader of the PDF looks for.
      found =
        block.page === undefined
          ? { section, label: block.type, number }
          : { section: null, label: 'page', number: block.page };
      foundAt = block.start;
    }
  }
  // A selection that starts in a heading cites the section it opens.
  for (const heading of headings) {
    if (heading.start <= offset && heading.start > foundAt) {
      found = { section: heading.name, label: null, number: null };
      foundAt = heading.start;
    }
  }
  return found;
}

export type LocatorWords = Readonly<Record<NonNullable<PassageLocation['label']>, string>>;

/** APA's, Chicago's and CSL's en-US abbreviations. */
export const LOCATOR_WORDS: LocatorWords = { paragraph: 'para.', figure: 'fig.', page: 'p.' };

/** The locator in words, as Margin shows it beside a quote: "Background, para. 7". */
export function describeLocation(location: PassageLocation, words = LOCATOR_WORDS): string | null {
  const parts: string[] = [];
  if (location.section) parts.push(location.section);
  if (location.label && location.number !== null) parts.push(`${words[location.label]} ${location.number}`);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** Where the canonical text ends: past the last unit (article blocks, then the bio). */
export function canonicalTextEnd(doc: Document): number {
  let end = 0;
  const blockEnd = (block: Block) =>
    block.start +
    (block.type === 'paragraph' ? block.runs : block.caption).reduce((n, run) => n + run.text.length, 0);
  for (const section of doc.sections) {
    if (section.heading !== null && section.headingStart !== null)
      end = Math.max(end, section.headingStart + section.heading.length);
    for (const block of section.blocks) end = Math.max(end, blockEnd(block));
  }
  for (const block of doc.authorBio) end = Math.max(end, blockEnd(block));
  return end;
}
