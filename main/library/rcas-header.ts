import type { Author } from '../api';
import { ContentError } from '../errors';
import { parseWholeDate } from './parse-date';
import {
  type Chunk,
  isBioHeading,
  isContactChunk,
  isFigure,
  isPublisherInvitation,
  looksLikeProse,
  publisherAboutHeading,
  sameLineKey,
  sourceLineRest,
  wordsIn,
} from './rcas-chunks';

/**
 * The header of an RCAS export: series, title, then each author's name followed by their role, then
 * the date. It ends at the date line, or failing that at the first boilerplate, prose, or repeated line.
 */
export interface RcasHeader {
  series: string | null;
  title: string;
  authors: Author[];
  published: string | null;
  /** The chunks after the header (starting with what is left of a chunk the header ended inside). */
  rest: Chunk[];
}

interface HeaderLine {
  text: string;
  line: number;
}

const MAX_HEADER_LINES = 12;

const ROLE_WORDS =
  /\b(?:fellow|director|professor|lecturer|researcher|research|analyst|scholar|editor|president|chair(?:man|woman|person)?|head|dean|associate|assistant|senior|junior|visiting|non-?resident|student|candidate|advis[eo]r|consultant|founder|member|officer|secretary|ambassador|minister|coordinator|manager|executive|partner|principal|chief|deputy|vice|intern|correspondent|journalist|writer|expert|specialist|doctoral|phd|university|institute|institution|cent(?:er|re)|school|college|department|faculty|council|foundation|program(?:me)?|commentator|retired|former)\b/i;
const NAME_PARTICLES = new Set([
  'de',
  'da',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'bin',
  'binti',
  'al',
  'el',
  'la',
  'le',
  'du',
  'dos',
  'das',
  'di',
  'ibn',
  'y',
]);

/** A byline: one or more names ("Ghulam Ali", "Ghulam Ali and Nian Peng"), no role words, no digits. */
function looksLikeNames(text: string): boolean {
  if (/[;:()\d]/.test(text) || ROLE_WORDS.test(text)) return false;
  const names = splitNames(text);
  return (
    names.length > 0 &&
    names.every((name) => {
      const words = name.split(/\s+/);
      return (
        words.length <= 5 &&
        words.every((word) => /^[\p{Lu}\p{Lo}]/u.test(word) || NAME_PARTICLES.has(word.toLowerCase()))
      );
    })
  );
}

/** "Ghulam Ali and Nian Peng" → both names. */
function splitNames(text: string): string[] {
  return text
    .replace(/^by\s+/i, '')
    .split(/\s*(?:,|&|\band\b)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** Each name line starts authors; each other line is the role of the next author still without one. */
function parseAuthors(lines: HeaderLine[]): Author[] {
  const authors: Author[] = [];
  let group: Author[] = [];
  for (const { text } of lines) {
    const stripped = text.replace(/^by\s+/i, '');
    if (looksLikeNames(stripped) || authors.length === 0) {
      group = splitNames(stripped).map((name) => ({ name, role: null }));
      authors.push(...group);
      continue;
    }
    const target = group.find((author) => author.role === null);
    if (target) target.role = text;
    else {
      const last = authors[authors.length - 1] as Author;
      last.role = `${last.role}; ${text}`;
    }
  }
  return authors;
}

function endsHeader(chunk: Chunk): boolean {
  return (
    isContactChunk(chunk) ||
    publisherAboutHeading(chunk) !== null ||
    isBioHeading(chunk) ||
    isPublisherInvitation(chunk) ||
    sourceLineRest(chunk) !== null ||
    isFigure(chunk)
  );
}

function noTitle(fileName: string, line: number): ContentError {
  return new ContentError(
    fileName,
    line,
    'no recognisable title: an RCAS Commentary export starts with the series line, then the title, the author(s) and the date',
  );
}

function isTitleLike(text: string): boolean {
  return text.length <= 250 && wordsIn(text) <= 30 && !/[.;,:]$/.test(text) && !looksLikeProse(text);
}

const SERIES_WORDS =
  /\b(?:commentary|commentaries|brief|briefs|briefing|analysis|insights?|papers?|report|perspectives?|series|notes?|bulletin|review|opinion|op-ed|outlook|monitor|update)\b/i;

/**
 * Whether the first header line is a series line ("RCAS Commentary") rather than the title. The title
 * is what the export repeats above the article (when only one of the two lines repeats); failing that,
 * a series names a kind of publication; when both repeat they are the title and byline; a title followed
 * by a "By …" byline has no series line above it.
 */
function seriesComesFirst(
  first: string,
  second: string,
  repeats: (text: string) => boolean,
  enoughLines: boolean,
): boolean {
  if (repeats(first) !== repeats(second)) return repeats(second);
  if (SERIES_WORDS.test(first) && wordsIn(first) <= 6) return true;
  // Both repeat: the title and the byline above the article.
  if (repeats(first)) return false;
  if (/^by\s/i.test(second) && looksLikeNames(second.replace(/^by\s+/i, ''))) return false;
  return enoughLines;
}

export function parseRcasHeader(chunks: Chunk[], fileName: string): RcasHeader {
  const lines: HeaderLine[] = [];
  let published: string | null = null;
  let chunkIndex = 0;
  let leftover: Chunk | null = null;
  let dated = false;

  outer: for (; chunkIndex < chunks.length; chunkIndex++) {
    const chunk = chunks[chunkIndex] as Chunk;
    if (endsHeader(chunk)) break;
    for (let i = 0; i < chunk.lines.length; i++) {
      const text = chunk.lines[i] as string;
      const seen = lines.some((earlier) => sameLineKey(earlier.text) === sameLineKey(text));
      if (looksLikeProse(text) || seen || lines.length >= MAX_HEADER_LINES) {
        if (i > 0) {
          const remaining = chunk.lines.slice(i);
          leftover = { line: chunk.line + i, lines: remaining, text: remaining.join(' ') };
          chunkIndex++;
        }
        break outer;
      }
      const date = parseWholeDate(text);
      if (date) {
        if (date.iso === null)
          throw new ContentError(fileName, chunk.line + i, `"${text}" is not a real date`);
        published = date.iso;
        dated = true;
        if (i + 1 < chunk.lines.length) {
          const remaining = chunk.lines.slice(i + 1);
          leftover = { line: chunk.line + i + 1, lines: remaining, text: remaining.join(' ') };
        }
        chunkIndex++;
        break outer;
      }
      lines.push({ text, line: chunk.line + i });
    }
  }

  const firstLine = chunks[0]?.line ?? 1;
  if (lines.length === 0) throw noTitle(fileName, firstLine);
  const rest = [...(leftover ? [leftover] : []), ...chunks.slice(chunkIndex)];

  // The article repeats its title after the boilerplate: when the first line is what repeats, there is no series.
  // The keys of the whole article, made once: asked afresh each time, they were a quarter of the parse.
  let restKeys: Set<string> | null = null;
  const repeats = (text: string): boolean =>
    (restKeys ??= new Set(rest.map((chunk) => sameLineKey(chunk.text)))).has(sameLineKey(text));
  const first = lines[0] as HeaderLine;
  const second = lines[1];
  const hasSeries =
    second !== undefined && seriesComesFirst(first.text, second.text, repeats, dated || lines.length > 2);
  const titleLine = hasSeries ? (second as HeaderLine) : first;
  if (!isTitleLike(titleLine.text)) throw noTitle(fileName, titleLine.line);
  // "RCAS Commentary" straight above the date is a series line whose title is missing.
  if (lines.length === 1 && SERIES_WORDS.test(first.text) && wordsIn(first.text) <= 3)
    throw noTitle(fileName, first.line);

  return {
    series: hasSeries ? first.text : null,
    title: titleLine.text,
    authors: parseAuthors(lines.slice(hasSeries ? 2 : 1)),
    published,
    rest,
  };
}
