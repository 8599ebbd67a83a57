import type { Document } from '../api';
import { ContentError } from '../errors';
import { assembleDocument, type BlockDraft, type SectionDraft } from './assemble-document';
import { readFrontMatter } from './markdown-front-matter';
import { parseInline, plainText } from './parse-inline';
import { normaliseNewlines } from './rcas-chunks';

/**
 * Markdown with YAML front matter → `Document`. The subset policy commentary needs: ATX headings
 * (`#`…`######`) start sections, a heading "About the author(s)" starts the author bio, paragraphs
 * (lines joined, list items and block quotes become paragraphs of their own), `*em*`/`_em_`,
 * `**strong**`, `[text](https://…)`, `<https://…>`, and figures as a paragraph that is only an image,
 * `![caption](file "Credit")`, or the RCAS convention `▲ caption (Credit)`. Without a `title` in the
 * front matter, a first `# Heading` before any text is the title.
 */

const MD_SYNTAX = { markdown: true };

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const QUOTE = /^\s{0,3}>[ \t]?/;
const IMAGE_ONLY = /^!\[((?:\\.|[^\]\\])*)\]\(\s*<?(?:[^\s()<>]|\([^\s()<>]*\))*>?(?:\s+"([^"]*)")?\s*\)$/;
const RCAS_FIGURE = /^▲\s*(.*?)(?:\s*[(（]([^()（）]*)[)）]\s*\.?)?$/;
const BIO_HEADING = /^about\s+(?:the\s+)?(?:authors?|contributors?)$/i;

function figureOf(text: string): BlockDraft | null {
  const image = IMAGE_ONLY.exec(text);
  if (image)
    return {
      type: 'figure',
      caption: parseInline(image[1] as string, MD_SYNTAX),
      credit: image[2]?.trim() || null,
    };
  const rcas = RCAS_FIGURE.exec(text);
  if (rcas && text.startsWith('▲'))
    return {
      type: 'figure',
      caption: parseInline(rcas[1] as string, MD_SYNTAX),
      credit: rcas[2]?.trim() || null,
    };
  return null;
}

export function parseMarkdownDocument(text: string, fileName: string): Document {
  const front = readFrontMatter(normaliseNewlines(text), fileName);
  const lines = front.body.split('\n');
  let title = front.title;
  const sections: SectionDraft[] = [{ heading: null, blocks: [] }];
  const bio: BlockDraft[] = [];
  let inBio = false;
  let paragraph: { lines: string[]; line: number; verbatim: boolean } | null = null;
  let sawText = false;

  const target = (): BlockDraft[] => (inBio ? bio : (sections[sections.length - 1] as SectionDraft).blocks);
  const flush = (): void => {
    if (paragraph === null) return;
    const joined = paragraph.lines.join(' ').replace(/\s+/g, ' ').trim();
    if (joined !== '') {
      const figure = paragraph.verbatim ? null : figureOf(joined);
      const block: BlockDraft = figure ?? {
        type: 'paragraph',
        runs: paragraph.verbatim ? [{ type: 'text', text: joined }] : parseInline(joined, MD_SYNTAX),
      };
      if (block.type === 'figure' && block.caption.length === 0) {
        throw new ContentError(fileName, paragraph.line, 'a figure has no caption: write ![caption](file)');
      }
      target().push(block);
      sawText = true;
    }
    paragraph = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const lineNumber = front.bodyLine + i;
    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      flush();
      const marker = fence[1] as string;
      const code: string[] = [];
      let j = i + 1;
      while (j < lines.length && !(lines[j] as string).trimStart().startsWith(marker))
        code.push(lines[j++] as string);
      paragraph = { lines: code, line: lineNumber, verbatim: true };
      flush();
      i = j;
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      flush();
      const headingText = plainText(heading[2] ?? '', MD_SYNTAX).trim();
      if (headingText === '') continue;
      if (title === null && !sawText && heading[1] === '#' && sections.length === 1) {
        title = headingText;
      } else if (front.title !== null && !sawText && sections.length === 1 && headingText === front.title) {
        // A `# Title` that repeats the front matter's title is the title, not a section.
      } else if (BIO_HEADING.test(headingText)) {
        inBio = true;
      } else {
        inBio = false;
        sections.push({ heading: headingText, blocks: [] });
      }
      continue;
    }
    if (line.trim() === '' || THEMATIC_BREAK.test(line)) {
      flush();
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) flush();
    const content = line
      .replace(QUOTE, '')
      .replace(LIST_ITEM, '')
      .replace(/[ \t]+$/, '');
    if (paragraph === null) paragraph = { lines: [], line: lineNumber, verbatim: false };
    paragraph.lines.push(content.trim());
  }
  flush();

  if (title === null || title.trim() === '') {
    throw new ContentError(
      fileName,
      1,
      'no recognisable title: add "title:" to the front matter or start with a "# Title" line',
    );
  }
  if (!sections.some((section) => section.blocks.length > 0)) {
    throw new ContentError(fileName, front.bodyLine, 'the document has no text');
  }
  return assembleDocument(
    fileName,
    {
      title,
      series: front.series,
      authors: front.authors,
      published: front.published,
      publisher: front.publisher,
      source: front.source,
      tags: front.tags,
    },
    sections,
    bio,
  );
}
