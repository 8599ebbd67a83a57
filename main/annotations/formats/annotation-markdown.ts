/**
 * Markdown export: one file per document, ready for Obsidian. YAML front matter and a citation header,
 * then the notes on the whole document, then each highlight as a blockquote in reading order with its
 * note below and its tags as #tags, then highlights no longer found in this edition of the text.
 *
 * Each annotation also carries its complete record in an HTML comment, which Obsidian and other
 * Markdown viewers do not show, so that the file can be imported again without loss (see
 * annotation-markdown-import.ts). A closing comment after the note marks where the note ends.
 */
import { stringify } from 'yaml';
import type { Annotation, DocumentMeta, ExportedFile } from '../../api';
import { parseMarginLink } from '../../shell/margin-link';
import { annotationIdInLink } from '../../shared/annotation-ids';

/** Content text is data: characters Markdown would read as formatting are escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, '\\$1');
}

function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeMarkdown(line)}`))
    .join('\n');
}

/** Obsidian tags cannot contain spaces. */
function tagLine(tags: readonly string[]): string {
  return tags.map((tag) => `#${tag.replace(/\s+/g, '-').replace(/#/g, '')}`).join(' ');
}

function longDate(iso: string | null): string | null {
  if (!iso) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function frontMatter(docId: string, meta: DocumentMeta | null, exported: string): string {
  const data: Record<string, unknown> = {
    title: meta?.title ?? docId,
    authors: meta?.authors.map((author) => author.name) ?? [],
    publisher: meta?.publisher?.name ?? null,
    published: meta?.published ?? null,
    source: meta?.source?.url ?? null,
    'margin-document': docId,
    exported,
    tags: ['margin'],
  };
  return `---\n${stringify(data).trimEnd()}\n---`;
}

function citation(meta: DocumentMeta | null): string[] {
  if (!meta) return [];
  const lines: string[] = [];
  const byline = meta.authors
    .map((a) => escapeMarkdown(a.role ? `${a.name} (${a.role})` : a.name))
    .join('; ');
  const published = [
    meta.publisher?.name ? escapeMarkdown(meta.publisher.name) : null,
    longDate(meta.published),
  ]
    .filter(Boolean)
    .join(', ');
  if (byline) lines.push(`**${byline}**`);
  if (published) lines.push(published);
  if (meta.source) {
    const venue = escapeMarkdown([meta.source.venue, longDate(meta.source.date)].filter(Boolean).join(', '));
    lines.push(
      meta.source.url ? `First published: [${venue}](<${meta.source.url}>)` : `First published: ${venue}`,
    );
  }
  // Two trailing spaces: a line break in Markdown without starting a new paragraph.
  return [lines.join('  \n')];
}

export const RECORD_OPENING = '<!-- margin:annotation ';
export const RECORD_CLOSING = '<!-- /margin:annotation -->';

/**
 * The record as one line of JSON inside an HTML comment. `<`, `>` and `&` are written as \u escapes
 * (still the same JSON), so `-->` or `<!--` can never occur inside it whatever the note says.
 * The quote and the note are in the record too: the quote must stay byte-exact to anchor, and the
 * note as exported is what tells an edit made in Obsidian from the note Margin wrote.
 */
export function recordComment(annotation: Annotation): string {
  const [quote, position] = annotation.selectors;
  const record = {
    id: annotation.id,
    docId: annotation.docId,
    docTextHash: annotation.docTextHash,
    ...(quote && position
      ? {
          start: position.start,
          end: position.end,
          exact: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix,
        }
      : {}),
    note: annotation.note,
    color: annotation.color,
    tags: annotation.tags,
    motivation: annotation.motivation,
    anchorStatus: annotation.anchorStatus,
    created: annotation.created,
    modified: annotation.modified,
  };
  const json = JSON.stringify(record).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${RECORD_OPENING}${json} -->`;
}

/** A note line that would read as one of the markers is written with a backslash in front. */
const MARKER_LINE = /^\s*<!-- \/?margin:annotation/;

function visibleNote(note: string): string {
  return note
    .trim()
    .split('\n')
    .map((line) => (MARKER_LINE.test(line) ? `\\${line}` : line))
    .join('\n');
}

/**
 * The link back to the passage, which the OS hands to Margin: `margin://open/<document>?annotation=<id>`,
 * the id percent-encoded (an imported note keeps its own id, often a URL). A note on the whole
 * document links to the document. Checked by the same parser that reads links coming in; none when it
 * would be refused.
 */
export function linkBack(annotation: Annotation): string | null {
  const toDocument = `margin://open/${annotation.docId}`;
  const toPassage = `${toDocument}?annotation=${annotationIdInLink(annotation.id)}`;
  for (const link of annotation.selectors.length > 0 ? [toPassage, toDocument] : [toDocument]) {
    if (parseMarginLink(link).ok) return link;
  }
  return null;
}

function annotationBlock(annotation: Annotation): string {
  const parts: string[] = [recordComment(annotation)];
  const quote = annotation.selectors[0]?.exact;
  if (quote !== undefined) parts.push(quoteBlock(quote));
  if (annotation.note.trim() !== '') parts.push(visibleNote(annotation.note));
  parts.push(RECORD_CLOSING);
  if (annotation.tags.length > 0) parts.push(tagLine(annotation.tags));
  // After the closing marker, like the tags: the import reads only the record.
  const link = linkBack(annotation);
  if (link) parts.push(`[Open in Margin](<${link}>)`);
  return parts.join('\n\n');
}

/** The Markdown file of one document's annotations (already in reading order). */
export function markdownExport(
  docId: string,
  meta: DocumentMeta | null,
  annotations: readonly Annotation[],
  exported: string,
): ExportedFile {
  const documentNotes = annotations.filter((a) => a.selectors.length === 0);
  const anchored = annotations.filter((a) => a.selectors.length > 0 && a.anchorStatus !== 'orphaned');
  const orphans = annotations.filter((a) => a.anchorStatus === 'orphaned');
  const sections: string[] = [
    frontMatter(docId, meta, exported),
    `# ${escapeMarkdown(meta?.title ?? docId)}`,
    ...citation(meta),
  ];
  if (documentNotes.length > 0) {
    sections.push('## Notes on the document', documentNotes.map(annotationBlock).join('\n\n---\n\n'));
  }
  if (anchored.length > 0) sections.push('## Highlights', anchored.map(annotationBlock).join('\n\n---\n\n'));
  if (orphans.length > 0) {
    sections.push(
      '## Highlights not found in this edition',
      '_The text of these passages changed; here they are as they were highlighted._',
      orphans.map(annotationBlock).join('\n\n---\n\n'),
    );
  }
  if (annotations.length === 0) sections.push('_No highlights or notes yet._');
  return { name: `${docId}.md`, mediaType: 'text/markdown', content: `${sections.join('\n\n')}\n` };
}

/** One file per document among `records` (or exactly `docId`'s file, even when it has no annotations). */
export function markdownExports(
  records: readonly Annotation[],
  docId: string | undefined,
  metaOf: (docId: string) => DocumentMeta | null,
  exported: string,
): ExportedFile[] {
  const docIds = docId === undefined ? [...new Set(records.map((record) => record.docId))] : [docId];
  return docIds.map((id) =>
    markdownExport(
      id,
      metaOf(id),
      records.filter((record) => record.docId === id),
      exported,
    ),
  );
}
