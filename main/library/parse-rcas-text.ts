import type { Author, Document, Publisher, Source } from '../api';
import { ContentError } from '../errors';
import { assembleDocument, type BlockDraft, type SectionDraft } from './assemble-document';
import { findDate } from './parse-date';
import { parseInline, plainText } from './parse-inline';
import {
  type Chunk,
  contactParts,
  endsOpen,
  FIGURE_MARK,
  isBioHeading,
  isContactChunk,
  isFigure,
  isHeading,
  isPublisherInvitation,
  isTitleCaseHeading,
  loneUrl,
  publisherAboutHeading,
  sameLineKey,
  sourceLineRest,
  splitChunks,
  wordsIn,
} from './rcas-chunks';
import { parseRcasHeader } from './rcas-header';

/**
 * The RCAS Commentary plain-text export → `Document`.
 *
 * Layout of the export: series line, title, author name(s) each followed by a role, date; publisher
 * boilerplate ("About RCAS" paragraphs and contact lines) wherever the layout put it, often right after
 * the header and again at the end; the title and byline repeated; the article (untitled first section,
 * then sections under headings in capitals, figures as `▲ caption.(Credit)`); "The article was first
 * published at VENUE, DATE, <URL>"; "About Author" and the bio. Page breaks split paragraphs: a
 * paragraph that ends without closing punctuation continues in the next one.
 */

const RCAS_SYNTAX = { markdown: false };

type Mode = 'front' | 'byline' | 'article' | 'about' | 'bio';

interface Collected {
  article: Chunk[];
  bio: Chunk[];
  aboutName: string | null;
  about: string[];
  contact: string[];
  source: Source | null;
}

function isByline(chunk: Chunk, authors: Author[]): boolean {
  if (wordsIn(chunk.text) > 40) return false;
  const keys = new Set(
    authors.flatMap((author) => [sameLineKey(author.name), sameLineKey(author.role ?? '')]),
  );
  keys.delete('');
  // Each line is a name or role as in the header, or several names joined by commas and "and".
  return chunk.lines.every(
    (line) =>
      keys.has(sameLineKey(line)) ||
      line
        .replace(/^by\s+/i, '')
        .split(/\s*(?:,|&|\band\b)\s*/i)
        .every((name) => name.trim() === '' || keys.has(sameLineKey(name))),
  );
}

function parseSource(
  rest: string,
  chunk: Chunk,
  next: Chunk | undefined,
  fileName: string,
): { source: Source; usedNext: boolean } {
  let text = rest;
  let usedNext = false;
  const nextUrl = next ? loneUrl(next) : null;
  if (!/https?:\/\//i.test(text) && nextUrl !== null) {
    text = `${text} ${nextUrl}`;
    usedNext = true;
  }
  const urlMatch = /<?(https?:\/\/[^\s<>]+)>?/i.exec(text);
  const url = urlMatch ? (urlMatch[1] as string).replace(/[.,;)]+$/, '') : null;
  const withoutUrl = urlMatch
    ? text.slice(0, urlMatch.index) + text.slice(urlMatch.index + urlMatch[0].length)
    : text;
  const remainder = withoutUrl.replace(/[\s,.;]+$/, '').trim();
  const found = findDate(remainder);
  if (found && found.iso === null)
    throw new ContentError(fileName, chunk.line, `"${found.text}" is not a real date`);
  const venue = (found ? remainder.slice(0, found.index) : remainder)
    .replace(/(?:[\s,;]|\bon\b)+$/i, '')
    .trim();
  if (venue === '')
    throw new ContentError(fileName, chunk.line, 'the "first published at" line names no venue');
  return { source: { venue: plainText(venue, RCAS_SYNTAX), date: found?.iso ?? null, url }, usedNext };
}

/** Sorts the chunks after the header into article, bio and publisher boilerplate. */
function collect(chunks: Chunk[], title: string, authors: Author[], fileName: string): Collected {
  const out: Collected = { article: [], bio: [], aboutName: null, about: [], contact: [], source: null };
  let mode: Mode = 'front';
  let beforeAbout: Mode = 'front';
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i] as Chunk;
    if (isContactChunk(chunk)) {
      for (const line of chunk.lines)
        for (const part of contactParts(line) ?? []) if (!out.contact.includes(part)) out.contact.push(part);
      if (mode === 'about') mode = beforeAbout;
      continue;
    }
    const aboutName = publisherAboutHeading(chunk);
    if (aboutName !== null) {
      out.aboutName ??= aboutName;
      if (mode !== 'about') beforeAbout = mode;
      mode = 'about';
      continue;
    }
    if (isPublisherInvitation(chunk)) {
      out.about.push(plainText(chunk.text, RCAS_SYNTAX));
      continue;
    }
    if (isBioHeading(chunk)) {
      mode = 'bio';
      continue;
    }
    const sourceRest = sourceLineRest(chunk);
    if (sourceRest !== null) {
      const parsed = parseSource(sourceRest, chunk, chunks[i + 1], fileName);
      out.source ??= parsed.source;
      if (parsed.usedNext) i++;
      if (mode === 'about' || mode === 'front' || mode === 'byline') mode = 'article';
      continue;
    }
    if (mode === 'about') {
      const endsAbout = sameLineKey(chunk.text) === sameLineKey(title) || isHeading(chunk) || isFigure(chunk);
      if (!endsAbout) {
        out.about.push(plainText(chunk.text, RCAS_SYNTAX));
        continue;
      }
      mode = beforeAbout;
    }
    if (mode === 'front') {
      mode = 'byline';
      if (sameLineKey(chunk.text) === sameLineKey(title)) continue;
    }
    if (mode === 'byline') {
      if (isByline(chunk, authors)) continue;
      mode = 'article';
    }
    (mode === 'bio' ? out.bio : out.article).push(chunk);
  }
  return out;
}

function parseFigure(chunk: Chunk, fileName: string): BlockDraft {
  const body = chunk.text.slice(FIGURE_MARK.length).trim();
  const match = /^(.*?)(?:\s*[(（]([^()（）]*)[)）]\s*\.?)?$/.exec(body) as RegExpExecArray;
  const caption = (match[1] as string).trim();
  const credit = match[2]?.replace(/^(?:photo|image|source|credit|picture)\s*:\s*/i, '').trim() || null;
  if (caption === '')
    throw new ContentError(fileName, chunk.line, `a figure (${FIGURE_MARK}) has no caption`);
  return { type: 'figure', caption: parseInline(caption, RCAS_SYNTAX), credit };
}

interface OpenParagraph {
  text: string;
}

/** Paragraph texts with page breaks rejoined; figures met inside a broken paragraph follow it. */
function paragraphsAndFigures(chunks: Chunk[], fileName: string, withHeadings: boolean): SectionDraft[] {
  const sections: SectionDraft[] = [{ heading: null, blocks: [] }];
  const texts = new Map<BlockDraft, OpenParagraph>();
  let open: OpenParagraph | null = null;
  chunks.forEach((chunk, index) => {
    const section = sections[sections.length - 1] as SectionDraft;
    const heading = isHeading(chunk) || (open === null && isTitleCaseHeading(chunk, chunks[index + 1]));
    if (withHeadings && heading) {
      sections.push({ heading: chunk.text, blocks: [] });
      open = null;
    } else if (isFigure(chunk)) {
      section.blocks.push(parseFigure(chunk, fileName));
    } else if (open !== null) {
      open.text = `${open.text} ${chunk.text}`;
      if (!endsOpen(open.text)) open = null;
    } else {
      const draft: BlockDraft = { type: 'paragraph', runs: [] };
      const paragraph = { text: chunk.text };
      texts.set(draft, paragraph);
      section.blocks.push(draft);
      if (endsOpen(chunk.text)) open = paragraph;
    }
  });
  // Inline markup is parsed after rejoining, so emphasis cut by a page break still pairs up.
  for (const [draft, paragraph] of texts)
    if (draft.type === 'paragraph') draft.runs = parseInline(paragraph.text, RCAS_SYNTAX);
  return sections;
}

/** "About RCAS" + "香港…| The Hong Kong Research Center for Asian Studies (RCAS) is a …" → the full name. */
function publisherName(aboutName: string | null, about: string[], series: string | null): string {
  const first = (about[0] ?? '').replace(/^[^|｜]{0,40}[|｜]\s*/, '');
  const subject = /^(\p{Lu}[^.]*?)\s+(?:is|was|are)\s+(?:a|an|the)\b/u.exec(first)?.[1];
  if (subject && wordsIn(subject) <= 15) return subject;
  if (aboutName && !/^(?:us|the\s+\w+)$/i.test(aboutName)) return aboutName;
  const fromSeries = series
    ?.replace(/\s+(?:commentary|commentaries|brief|briefs|analysis|report|insights?|papers?)$/i, '')
    .trim();
  return fromSeries || aboutName || 'Unknown publisher';
}

export function parseRcasText(text: string, fileName: string): Document {
  const chunks = splitChunks(text);
  if (chunks.length === 0) throw new ContentError(fileName, null, 'the file is empty');
  const header = parseRcasHeader(chunks, fileName);
  const title = plainText(header.title, RCAS_SYNTAX);
  const collected = collect(header.rest, header.title, header.authors, fileName);

  const sections = paragraphsAndFigures(collected.article, fileName, true);
  if (!sections.some((section) => section.blocks.some((block) => block.type === 'paragraph'))) {
    const line = header.rest[0]?.line ?? (chunks[chunks.length - 1] as Chunk).line;
    throw new ContentError(fileName, line, 'no article text after the header');
  }
  const bio = paragraphsAndFigures(collected.bio, fileName, false).flatMap((section) => section.blocks);

  const publisher: Publisher | null =
    collected.about.length > 0 || collected.contact.length > 0
      ? {
          name: publisherName(collected.aboutName, collected.about, header.series),
          about: collected.about,
          contact: collected.contact,
        }
      : null;

  return assembleDocument(
    fileName,
    {
      title,
      series: header.series,
      authors: header.authors,
      published: header.published,
      publisher,
      source: collected.source,
      tags: [],
    },
    sections,
    bio,
  );
}
