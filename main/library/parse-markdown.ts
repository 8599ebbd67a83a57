import type { Heading, Image, Node, Paragraph, RootContent } from 'mdast';
import type { Document, InlineRun } from '../api';
import { ContentError } from '../errors';
import { plainTextOf, readMarkdown } from '../markdown/read-markdown';
import { assembleDocument, type BlockDraft, type SectionDraft } from './assemble-document';
import { readFrontMatter } from './markdown-front-matter';
import { runsOf, sliceRuns } from './markdown-runs';
import { normaliseNewlines } from './rcas-chunks';

/**
 * Markdown with YAML front matter → `Document`, read as CommonMark (`main/markdown`). Headings
 * (ATX or setext, any level) start sections, a heading "About the author(s)" starts the author bio;
 * paragraphs, list items and the paragraphs of block quotes become paragraphs; a code block becomes
 * a paragraph of its text; a paragraph that is only an image, `![caption](file "Credit")`, or that
 * follows the RCAS convention `▲ caption (Credit)` is a figure. Without a `title` in the front
 * matter, a first `# Heading` before any text is the title.
 */

const RCAS_FIGURE = /^▲\s*(.*?)(?:\s*[(（]([^()（）]*)[)）]\s*\.?)?$/d;
/** Articles come from the publisher, not from strangers: read all their Markdown, however long. */
const PUBLISHED = { markLimit: Infinity };
const BIO_HEADING = /^about\s+(?:the\s+)?(?:authors?|contributors?)$/i;

export function parseMarkdownDocument(text: string, fileName: string): Document {
  const front = readFrontMatter(normaliseNewlines(text), fileName);
  const lineOf = (node: Node): number => front.bodyLine + (node.position?.start.line ?? 1) - 1;
  let title = front.title;
  const sections: SectionDraft[] = [{ heading: null, blocks: [] }];
  const bio: BlockDraft[] = [];
  let inBio = false;
  let sawText = false;

  const add = (block: BlockDraft | null): void => {
    if (block === null) return;
    (inBio ? bio : (sections[sections.length - 1] as SectionDraft).blocks).push(block);
    sawText = true;
  };

  const startSection = (heading: Heading): void => {
    const headingText = plainTextOf(heading).replace(/\s+/g, ' ').trim();
    if (headingText === '') return;
    if (title === null && !sawText && heading.depth === 1 && sections.length === 1) {
      title = headingText;
    } else if (front.title !== null && !sawText && sections.length === 1 && headingText === front.title) {
      // A `# Title` that repeats the front matter's title is the title, not a section.
    } else if (BIO_HEADING.test(headingText)) {
      inBio = true;
    } else {
      inBio = false;
      sections.push({ heading: headingText, blocks: [] });
    }
  };

  const read = (nodes: RootContent[], topLevel: boolean): void => {
    for (const node of nodes) {
      if (node.type === 'heading' && topLevel) startSection(node);
      else if (node.type === 'heading') add(paragraphOf(runsOf(node.children)));
      else if (node.type === 'paragraph') add(blockOf(node, front.body, fileName, lineOf(node)));
      else if (node.type === 'code') add(paragraphOf(runsOf([{ type: 'text', value: node.value }])));
      else if (node.type === 'list') for (const item of node.children) read(item.children, false);
      else if (node.type === 'blockquote') read(node.children, false);
      // Thematic breaks show nothing; raw HTML already became paragraphs of text in readMarkdown.
    }
  };
  read(readMarkdown(front.body, PUBLISHED).children, true);

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

function paragraphOf(runs: InlineRun[]): BlockDraft | null {
  return runs.length === 0 ? null : { type: 'paragraph', runs };
}

function blockOf(paragraph: Paragraph, body: string, fileName: string, line: number): BlockDraft | null {
  const only = paragraph.children.length === 1 ? paragraph.children[0] : undefined;
  let block: BlockDraft | null;
  if (only?.type === 'image') {
    block = { type: 'figure', caption: captionOf(only, body), credit: only.title?.trim() || null };
  } else {
    const runs = runsOf(paragraph.children);
    const rcas = RCAS_FIGURE.exec(runs.map((run) => run.text).join(''));
    const caption = rcas?.indices?.[1];
    block =
      rcas && caption
        ? {
            type: 'figure',
            caption: sliceRuns(runs, caption[0], caption[1]),
            credit: rcas[2]?.trim() || null,
          }
        : paragraphOf(runs);
  }
  if (block?.type === 'figure' && block.caption.length === 0) {
    throw new ContentError(fileName, line, 'a figure has no caption: write ![caption](file)');
  }
  return block;
}

/**
 * An image's caption with its emphasis kept. The tree gives an image only its plain `alt`, so its
 * source `![label](…)` is read again without the `!`: as a link, its label keeps its markup.
 */
function captionOf(image: Image, body: string): InlineRun[] {
  const start = image.position?.start.offset;
  const end = image.position?.end.offset;
  if (start !== undefined && end !== undefined) {
    const [paragraph] = readMarkdown(body.slice(start + 1, end), PUBLISHED).children;
    const link =
      paragraph?.type === 'paragraph' && paragraph.children.length === 1 ? paragraph.children[0] : undefined;
    if (link?.type === 'link') return runsOf(link.children);
  }
  return runsOf([{ type: 'text', value: image.alt ?? '' }]);
}
