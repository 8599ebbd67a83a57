/**
 * Reading Margin's own Markdown export back in. Each annotation's complete record travels in a hidden
 * `<!-- margin:annotation {…} -->` comment; the visible blockquote and note are for people. The record
 * is what is imported, with one exception: a note whose visible text was changed in Obsidian (or any
 * editor) differs from the note in the record, and that difference is reported as `editedNote` so the
 * merge can take the reader's edit without ever overwriting a note changed in Margin since the export.
 */
import type { Annotation } from '../../api';
import { errorDetail, jsonSyntaxProblem, printableLine } from '../../errors';
import { RECORD_CLOSING, RECORD_OPENING } from './annotation-markdown';
import { checkAnnotationRecord } from '../annotation-validation';

export interface IncomingRecord {
  record: Annotation;
  /** Names the record in a problem line: "Annotation 3 (urn:uuid:…)". */
  label: string;
  /** The note as the file now reads, when it is not the note in the record: edited by hand. */
  editedNote?: string;
}

export interface ParsedImport {
  records: IncomingRecord[];
  /** One line per record that could not be read, with the reason. */
  problems: string[];
}

const OPENING_MARK = RECORD_OPENING.trimEnd();
const RECORD_LINE = /^<!-- margin:annotation (\{.*\}) -->\s*$/;

/** A Markdown export from Margin: its front matter names the document, or it holds Margin's records. */
export function isMarginMarkdown(text: string): boolean {
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (frontMatter && /^margin-document:\s*\S/m.test(frontMatter[1])) return true;
  return text.split(/\r?\n/).some((line) => line.startsWith(OPENING_MARK));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recordFrom(raw: unknown): Annotation {
  if (!isObject(raw)) throw new TypeError('its hidden record is not a JSON object');
  const hasQuote = raw.exact !== undefined || raw.start !== undefined;
  return checkAnnotationRecord({
    id: raw.id,
    docId: raw.docId,
    docTextHash: raw.docTextHash,
    motivation: raw.motivation,
    color: raw.color,
    note: raw.note,
    tags: raw.tags,
    selectors: hasQuote
      ? [
          { type: 'TextQuoteSelector', exact: raw.exact, prefix: raw.prefix, suffix: raw.suffix },
          { type: 'TextPositionSelector', start: raw.start, end: raw.end },
        ]
      : [],
    anchorStatus: raw.anchorStatus,
    created: raw.created,
    modified: raw.modified,
  });
}

/** Editors strip trailing spaces and change line endings; neither is an edit of the note. */
export function sameNoteText(a: string, b: string): boolean {
  const normal = (text: string): string =>
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .trim();
  return normal(a) === normal(b);
}

/** The note as it reads between the record and its closing comment: after the quote's `>` lines. */
function noteAsItReads(lines: string[], hasQuote: boolean): string {
  let at = 0;
  while (at < lines.length && lines[at].trim() === '') at += 1;
  if (hasQuote) while (at < lines.length && lines[at].startsWith('>')) at += 1;
  return lines
    .slice(at)
    .map((line) => line.replace(/^\\(?=\s*<!-- \/?margin:annotation)/, ''))
    .join('\n')
    .trim();
}

export function parseMarginMarkdown(text: string): ParsedImport {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const records: IncomingRecord[] = [];
  const problems: string[] = [];
  let count = 0;
  for (let i = 0; i < lines.length; i += 1) {
    if (!lines[i].startsWith(OPENING_MARK)) continue;
    count += 1;
    let label = `Annotation ${count} (line ${i + 1})`;
    const match = RECORD_LINE.exec(lines[i]);
    if (!match) {
      problems.push(`${label}: its hidden record is damaged (it is not one line of JSON ending in -->).`);
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(match[1]);
    } catch (error) {
      problems.push(`${label}: its hidden record is damaged (${jsonSyntaxProblem(error, match[1])}).`);
      continue;
    }
    if (isObject(raw) && typeof raw.id === 'string')
      label = `Annotation ${count} (${printableLine(raw.id, 80)})`;
    let end = i + 1;
    while (end < lines.length && lines[end].trim() !== RECORD_CLOSING && !lines[end].startsWith(OPENING_MARK))
      end += 1;
    if (end >= lines.length || lines[end].trim() !== RECORD_CLOSING) {
      problems.push(`${label}: its closing ${RECORD_CLOSING} is missing, so where its note ends is unknown.`);
      continue;
    }
    try {
      const record = recordFrom(raw);
      const visible = noteAsItReads(lines.slice(i + 1, end), record.selectors.length > 0);
      records.push(
        sameNoteText(visible, record.note) ? { record, label } : { record, label, editedNote: visible },
      );
    } catch (error) {
      problems.push(`${label}: ${errorDetail(error)}`);
    }
    i = end;
  }
  return { records, problems };
}
