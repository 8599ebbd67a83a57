import type { Author, Publisher, Source } from '../api';
import type { BlockDraft, SectionDraft } from '../library/assemble-document';
import { findDate, parseWholeDate } from '../library/parse-date';
import {
  type Chunk,
  contactParts,
  isBioHeading,
  publisherAboutHeading,
  sourceLineRest,
  wordsIn,
} from '../library/rcas-chunks';
import type { PdfLine } from './pdf-line';

/**
 * Rule 6 onwards: what each paragraph-sized group is. The title is the largest type on page 1 (all its
 * lines, so a wrapped title is one); the lines between it and the article are the byline (authors,
 * roles) and date; larger or bold short lines are headings; "Figure 1…"/"▲…" paragraphs are figure
 * captions; "About <publisher>" boxes, contact lines and copyright notices are the publisher's, not the
 * article's; "About the author" starts the bio.
 */

export interface TextGroup {
  text: string;
  lines: PdfLine[];
}

export interface PdfStructure {
  title: string | null;
  series: string | null;
  authors: Author[];
  published: string | null;
  publisher: Publisher | null;
  source: Source | null;
  sections: SectionDraft[];
  bio: BlockDraft[];
}

const FIGURE_CAPTION = /^(?:▲\s*|(?:figure|fig\.|chart|exhibit|map|photo|image)\s*[\dIVX]*\s*[.:—–-]?\s+)/iu;
const NOTICE = /^(?:©|\(c\)\s|copyright\b|all rights reserved)/i;
const NOTES_HEADING = /^(?:notes|endnotes|footnotes)$/i;
/** A person's name: two to four capitalised words ("Ghulam Ali", "Jane A. Doe"). */
const NAME = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}$/u;
/** Words of a job or an institution: "Senior Fellow, Example Institute" is a role, not two names. */
const ROLE_WORDS =
  /\b(?:fellow|director|professor|researcher|research|analyst|editor|president|chair|head|lecturer|scholar|associate|adviser|advisor|officer|manager|minister|ambassador|institute|university|cent(?:er|re)|department|school|foundation|council|program(?:me)?)\b/i;
const NAME_SEPARATOR = /\s*(?:,|&|\band\b)\s*/i;

/** "By Jane Doe and John Roe" → the names; null when the line is not a list of names. */
function namesIn(text: string): string[] | null {
  if (/\d/.test(text)) return null;
  const names = text
    .replace(/^by\s+/i, '')
    .split(NAME_SEPARATOR)
    .filter((name) => name !== '');
  return names.length > 0 && names.every((name) => NAME.test(name)) ? names : null;
}

function chunkOf(text: string): Chunk {
  return { line: 0, lines: [text], text };
}

function sizeOf(group: TextGroup): number {
  return Math.max(...group.lines.map((line) => line.size));
}

function isBold(group: TextGroup): boolean {
  return group.lines.every((line) => line.bold);
}

function isProse(text: string): boolean {
  return wordsIn(text) > 14 && /[.!?]["'”’)]*$/.test(text);
}

export function isHeadingGroup(group: TextGroup, body: number): boolean {
  if (group.lines.length > 3 || wordsIn(group.text) > 16 || /[.,;]$/.test(group.text)) return false;
  return sizeOf(group) >= body * 1.15 || (isBold(group) && sizeOf(group) >= body - 0.6);
}

function figureOf(text: string): BlockDraft {
  const body = text.replace(/^▲\s*/u, '');
  const match = /^(.*?)(?:\s*[(（]([^()（）]*)[)）]\s*\.?)?$/.exec(body) as RegExpExecArray;
  const caption = (match[1] as string).trim() || body;
  const credit = match[2]?.replace(/^(?:photo|image|source|credit|picture)\s*:\s*/i, '').trim() || null;
  return { type: 'figure', caption: [{ type: 'text', text: caption }], credit };
}

/** The page a block starts on, for citing it ("p. 3"). */
function onPage(block: BlockDraft, group: TextGroup): BlockDraft {
  const page = group.lines[0]?.page;
  return page === undefined ? block : { ...block, page };
}

function paragraph(text: string): BlockDraft {
  return { type: 'paragraph', runs: [{ type: 'text', text }] };
}

function sourceOf(rest: string): Source {
  const url = /<?(https?:\/\/[^\s<>]+)>?/i.exec(rest)?.[1]?.replace(/[.,;)]+$/, '') ?? null;
  const withoutUrl = rest.replace(/<?https?:\/\/[^\s<>]+>?/gi, '').replace(/[\s,.;]+$/, '');
  const date = findDate(withoutUrl);
  const venue = (date ? withoutUrl.slice(0, date.index) : withoutUrl)
    .replace(/(?:[\s,;]|\bon\b)+$/i, '')
    .trim();
  return { venue: venue || 'unknown', date: date?.iso ?? null, url };
}

/** Title, series and the byline block of page 1; returns how many groups they took. */
function readFront(groups: TextGroup[], body: number, metaTitle: string | null) {
  const firstPage = groups.filter((group) => group.lines[0]?.page === 1);
  const largest = Math.max(0, ...firstPage.map(sizeOf));
  const titleIndex = largest >= body * 1.25 ? groups.findIndex((group) => sizeOf(group) === largest) : -1;
  const front = {
    title: titleIndex >= 0 ? (groups[titleIndex] as TextGroup).text : metaTitle,
    series: null as string | null,
    authors: [] as Author[],
    published: null as string | null,
    used: new Set<TextGroup>(),
  };
  if (titleIndex < 0) return front;
  front.used.add(groups[titleIndex] as TextGroup);
  const before = groups.slice(0, titleIndex).filter((group) => wordsIn(group.text) <= 8);
  if (before.length > 0 && !isProse((before[0] as TextGroup).text)) {
    front.series = (before[0] as TextGroup).text;
    before.forEach((group) => front.used.add(group));
  }
  // The byline is read line by line: names, roles and the date often sit close enough to be one group.
  for (const group of groups.slice(titleIndex + 1)) {
    if (isProse(group.text) || isHeadingGroup(group, body) || wordsIn(group.text) > 60) break;
    if (publisherAboutHeading(chunkOf(group.text)) !== null) break;
    if (!group.lines.every((line) => readBylineLine(front, line.text))) break;
    front.used.add(group);
  }
  return front;
}

interface Front {
  authors: Author[];
  published: string | null;
}

/** One line of the byline: a date, names ("By A and B"), or the role of the name before. */
function readBylineLine(front: Front, text: string): boolean {
  const date = parseWholeDate(text);
  const last = front.authors.at(-1);
  if (date?.iso && front.published === null) front.published = date.iso;
  else if (last !== undefined && last.role === null && ROLE_WORDS.test(text)) last.role = text;
  else if (namesIn(text) !== null)
    front.authors.push(...(namesIn(text) as string[]).map((name) => ({ name, role: null })));
  else if (last !== undefined && wordsIn(text) <= 20 && !isProse(text))
    last.role = last.role === null ? text : `${last.role} ${text}`;
  else return false;
  return true;
}

type Mode = 'article' | 'about' | 'bio';

export function structure(
  groups: TextGroup[],
  notes: string[],
  body: number,
  metaTitle: string | null,
): PdfStructure {
  const front = readFront(groups, body, metaTitle);
  const sections: SectionDraft[] = [{ heading: null, blocks: [] }];
  const bio: BlockDraft[] = [];
  const about: string[] = [];
  const contact: string[] = [];
  let aboutName: string | null = null;
  let source: Source | null = null;
  let mode: Mode = 'article';
  let aboutSize = 0;
  const titleKey = front.title?.toLowerCase();
  for (const group of groups) {
    if (front.used.has(group)) continue;
    const text = group.text;
    const lineParts = group.lines.map((line) => contactParts(line.text));
    if (lineParts.every((parts) => parts !== null)) {
      for (const part of lineParts.flat()) if (part !== null && !contact.includes(part)) contact.push(part);
      continue;
    }
    if (NOTICE.test(text)) {
      about.push(text);
      continue;
    }
    const sourceRest = sourceLineRest(chunkOf(text));
    if (sourceRest !== null) {
      source ??= sourceOf(sourceRest);
      continue;
    }
    if (isHeadingGroup(group, body)) {
      const publisherName = publisherAboutHeading(chunkOf(text));
      if (publisherName !== null) {
        aboutName ??= publisherName;
        mode = 'about';
        aboutSize = 0;
      } else if (isBioHeading(chunkOf(text))) mode = 'bio';
      else if (text.toLowerCase() === titleKey) mode = 'article';
      else {
        mode = 'article';
        sections.push({ heading: text, blocks: [] });
      }
      continue;
    }
    // A box is set in its own type: where the type changes back, the box has ended.
    if (mode === 'about' && aboutSize !== 0 && Math.abs(sizeOf(group) - aboutSize) > 0.6) mode = 'article';
    if (mode === 'about') {
      aboutSize ||= sizeOf(group);
      about.push(text);
    } else if (mode === 'bio') bio.push(onPage(paragraph(text), group));
    else
      (sections.at(-1) as SectionDraft).blocks.push(
        onPage(FIGURE_CAPTION.test(text) ? figureOf(text) : paragraph(text), group),
      );
  }
  if (notes.length > 0) {
    const existing = sections.find((section) => NOTES_HEADING.test(section.heading ?? ''));
    const target = existing ?? { heading: 'Notes', blocks: [] };
    target.blocks.push(...notes.map(paragraph));
    if (!existing) sections.push(target);
  }
  const publisher =
    about.length > 0 || contact.length > 0 ? { name: aboutName ?? 'Publisher', about, contact } : null;
  return { ...front, publisher, source, sections, bio };
}
