/**
 * The RCAS Commentary export is a sequence of blank-line separated chunks. This file splits the text
 * into chunks that remember their first line (for error messages) and recognises the kinds of chunk the
 * export contains apart from article prose: publisher boilerplate, the "first published at" line,
 * headings, figures.
 */

export interface Chunk {
  /** 1-based line number of the chunk's first line in the file. */
  line: number;
  /** The chunk's lines, trimmed, none empty. */
  lines: string[];
  /** The lines joined with single spaces. */
  text: string;
}

const BLANK = /^[\s\u00a0\u3000\ufeff]*$/;

export function normaliseNewlines(text: string): string {
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}

export function splitChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | null = null;
  normaliseNewlines(text)
    .split('\n')
    .forEach((raw, index) => {
      if (BLANK.test(raw)) {
        current = null;
        return;
      }
      const line = raw.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
      if (current === null) {
        current = { line: index + 1, lines: [], text: '' };
        chunks.push(current);
      }
      current.lines.push(line);
      current.text = current.text === '' ? line : `${current.text} ${line}`;
    });
  return chunks;
}

const CONTACT_LABEL =
  /^(?:address|addr|add|ph|phone|tel|telephone|fax|mobile|e-?mail|web|website|wechat|twitter|x|linkedin)\s*[:：]/i;

/** The labelled parts of a contact line ("Ph: …|Email: …|Web: …"), or null when it is not one. */
export function contactParts(line: string): string[] | null {
  const parts = line
    .split(/[|｜]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts.length > 0 && parts.every((part) => CONTACT_LABEL.test(part)) ? parts : null;
}

/** Address, phone, e-mail and web lines: the publisher's footer, repeated wherever a page ends. */
export function isContactChunk(chunk: Chunk): boolean {
  return chunk.lines.every((line) => contactParts(line) !== null);
}

const BIO_HEADING = /^about\s+(?:the\s+)?(?:authors?|contributors?)\s*:?$/i;
const ABOUT_HEADING = /^about\s+(.{1,80}?)\s*:?$/i;

export function isBioHeading(chunk: Chunk): boolean {
  return chunk.lines.length === 1 && BIO_HEADING.test(chunk.text);
}

/** Who an "About …" heading may introduce: an acronym (RCAS, CSPS) or a generic name for a publisher. */
const PUBLISHER_NAME =
  /^(?:[\p{Lu}\d][\p{L}\d&.-]{1,11}|us|the\s+(?:publisher|institute|institution|centre|center|organi[sz]ation|think[-\s]tank|foundation|council|editors?))$/iu;

/** "About RCAS" → "RCAS"; null for anything else ("About Author", "About the Belt and Road"). */
export function publisherAboutHeading(chunk: Chunk): string | null {
  if (chunk.lines.length !== 1 || isBioHeading(chunk)) return null;
  const name = ABOUT_HEADING.exec(chunk.text)?.[1];
  if (name === undefined || !PUBLISHER_NAME.test(name)) return null;
  // A single capitalised word must be an acronym: "About Pakistan" is a section, not a publisher.
  const plausible =
    (name.match(/\p{Lu}/gu)?.length ?? 0) >= 2 || !/^[\p{Lu}\d]/u.test(name) || /\s/.test(name);
  return plausible ? name : null;
}

/** "Welcome to visit our website…": publisher text wherever it appears. */
export function isPublisherInvitation(chunk: Chunk): boolean {
  return /^(?:welcome to visit|please visit|visit|follow)\s+(?:our|us)\b/i.test(chunk.text);
}

const SOURCE_LINE =
  /^(?:the|this)\s+(?:article|commentary|piece|essay|op-ed|analysis|paper)\s+(?:was\s+|is\s+)?(?:first\s+|originally\s+)?(?:published|appeared|ran)\s+(?:at|in|on|by)\s+(.*)$/i;

/** The text after "The article was first published at", or null when the chunk is not that line. */
export function sourceLineRest(chunk: Chunk): string | null {
  const match = SOURCE_LINE.exec(chunk.text);
  return match ? (match[1] as string) : null;
}

const LONE_URL = /^<?(https?:\/\/[^\s<>]+?)>?[.,;]?$/i;

/** A chunk that is nothing but a URL (the export puts the source URL on its own line). */
export function loneUrl(chunk: Chunk): string | null {
  const match = LONE_URL.exec(chunk.text);
  return match ? (match[1] as string) : null;
}

/** Section headings are written in capitals: a short single line with letters and no lower case. */
export function isHeading(chunk: Chunk): boolean {
  const text = chunk.text;
  return (
    chunk.lines.length === 1 &&
    text.length <= 100 &&
    (text.match(/\p{Lu}/gu)?.length ?? 0) >= 2 &&
    !/\p{Ll}/u.test(text) &&
    !text.startsWith('▲') &&
    contactParts(text) === null
  );
}

const FUNCTION_WORD_END = /\b(?:a|an|the|of|and|or|to|in|on|at|by|for|with|from|as|that|its|their|his|her)$/i;

/**
 * Some exports write headings in title case ("Policy Options") rather than capitals. A short line with
 * no closing punctuation, followed by a paragraph that starts a new sentence, is such a heading; without
 * this rule it would be taken for a paragraph cut by a page break and glued to the next one.
 */
export function isTitleCaseHeading(chunk: Chunk, next: Chunk | undefined): boolean {
  const text = chunk.text;
  return (
    chunk.lines.length === 1 &&
    text.length <= 80 &&
    wordsIn(text) <= 10 &&
    /^\p{Lu}/u.test(text) &&
    !/[.!?…:;,\-–—]$/.test(text) &&
    !FUNCTION_WORD_END.test(text) &&
    !text.startsWith('▲') &&
    next !== undefined &&
    /^(?:\p{Lu}|["“‘]|▲)/u.test(next.text)
  );
}

export const FIGURE_MARK = '▲';

export function isFigure(chunk: Chunk): boolean {
  return chunk.text.startsWith(FIGURE_MARK);
}

/** A paragraph that ends without closing punctuation was cut by a page break and continues in the next. */
export function endsOpen(text: string): boolean {
  return !/[.!?…:;]["'”’)\]*_]*$/.test(text.trim());
}

export function wordsIn(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

/** Header lines are short; a sentence of some length means the article (or boilerplate) has begun. */
export function looksLikeProse(text: string): boolean {
  const words = wordsIn(text);
  return words > 40 || (words > 14 && /[.!?]["'”’)]*$/.test(text));
}

/** Comparison key for lines that repeat (the title and byline at the top of the article). */
export function sameLineKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/^by\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
