/**
 * The reader's own Markdown export template: `{{title}}`-style placeholders and one repeated section,
 * `{{#notes}}…{{/notes}}`, filled in by plain substitution. Nothing in a template runs: it is parsed
 * into text and placeholder parts once, each placeholder must be one of the names below (looked up in
 * a fixed list, never on an object's prototype), and values are inserted as text in one pass, so a
 * note that says `{{title}}` stays those words. Main renders the export with it and the renderer
 * renders the preview with the same function. Like `main/api.ts`, this module imports nothing.
 */

/** A template longer than this is not a layout but a mistake (or an attack on the preferences file). */
export const EXPORT_TEMPLATE_MAX_CHARS = 10_000;

/** Placeholders about the document: anywhere in the template. */
export const DOCUMENT_PLACEHOLDERS = [
  'title',
  'authors',
  'citation',
  'published',
  'source',
  'exported',
  'count',
] as const;
/** Placeholders about one note: only inside `{{#notes}}…{{/notes}}`. */
export const NOTE_PLACEHOLDERS = ['quote', 'note', 'tags', 'colour', 'link', 'date'] as const;

export type DocumentPlaceholder = (typeof DOCUMENT_PLACEHOLDERS)[number];
export type NotePlaceholder = (typeof NOTE_PLACEHOLDERS)[number];

/** The repeated section's name. */
const SECTION = 'notes';

/** What a reader starts from: the document's citation, then each quote with its note and its link. */
export const DEFAULT_EXPORT_TEMPLATE = `# {{title}}

{{authors}} · {{published}}

{{citation}}

{{#notes}}
> {{quote}}

{{note}}

{{tags}} · {{colour}} · {{date}} · [Open in Margin](<{{link}}>)

---

{{/notes}}`;

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'document'; name: DocumentPlaceholder }
  | { kind: 'note'; name: NotePlaceholder }
  | { kind: 'notes'; parts: TemplatePart[] };

export type TemplateParse = { ok: true; parts: TemplatePart[] } | { ok: false; message: string };

/** One note as the template sees it: every field already text. */
export type TemplateNote = Readonly<Record<NotePlaceholder, string>>;

/** The document as the template sees it. */
export type TemplateDocument = Readonly<Record<DocumentPlaceholder, string>> & {
  readonly notes: readonly TemplateNote[];
};

// `{{` then an optional # or /, a name, `}}`; white space inside the braces is allowed.
const TAG = /\{\{\s*([#/]?)\s*([A-Za-z0-9_.-]*)\s*\}\}/g;

const isIn = <T extends string>(list: readonly T[], name: string): name is T =>
  (list as readonly string[]).includes(name);

/** Line number (from 1) of an offset, for messages. */
const lineOf = (template: string, offset: number): number => template.slice(0, offset).split('\n').length;

/** Shows a name from the template in a message without letting it run long or break the line. */
const shown = (name: string): string => name.replace(/[^\w.-]/g, '?').slice(0, 30);

/** Parses a template, or says in one line what is wrong with it. */
export function parseExportTemplate(template: string): TemplateParse {
  const fail = (message: string): TemplateParse => ({ ok: false, message });
  if (template.length > EXPORT_TEMPLATE_MAX_CHARS) {
    return fail(
      `The template is too long (${template.length.toLocaleString('en')} characters; at most ${EXPORT_TEMPLATE_MAX_CHARS.toLocaleString('en')}).`,
    );
  }
  // Tabs and line breaks are text; any other control character is not something a reader types.
  if (
    [...template].some((c) => c < ' ' && c !== '\t' && c !== '\n' && c !== '\r') ||
    template.includes('\u007f')
  )
    return fail('The template holds control characters; only text, tabs and line breaks are allowed.');
  const top: TemplatePart[] = [];
  let section: { parts: TemplatePart[]; line: number } | null = null;
  let at = 0;
  const pushText = (text: string, offset: number): TemplateParse | null => {
    const stray = text.search(/\{\{|\}\}/);
    if (stray >= 0) {
      const line = lineOf(template, offset + stray);
      return fail(
        `Line ${line} of the template has "${text.slice(stray, stray + 2)}" that is not a placeholder such as {{title}}.`,
      );
    }
    if (text) (section?.parts ?? top).push({ kind: 'text', text });
    return null;
  };
  for (const match of template.matchAll(TAG)) {
    const problem = pushText(template.slice(at, match.index), at);
    if (problem) return problem;
    at = match.index + match[0].length;
    const [, sigil, name] = match;
    const line = lineOf(template, match.index);
    if (sigil === '#') {
      if (name !== SECTION)
        return fail(
          `Line ${line}: {{#${shown(name)}}} is not a section; the only one is {{#notes}}…{{/notes}}.`,
        );
      if (section)
        return fail(
          `Line ${line}: {{#notes}} is already open (since line ${section.line}); sections do not nest.`,
        );
      section = { parts: [], line };
    } else if (sigil === '/') {
      if (name !== SECTION || !section)
        return fail(`Line ${line}: {{/${shown(name)}}} closes no open section.`);
      top.push({ kind: 'notes', parts: section.parts });
      section = null;
    } else if (isIn(DOCUMENT_PLACEHOLDERS, name)) {
      (section?.parts ?? top).push({ kind: 'document', name });
    } else if (isIn(NOTE_PLACEHOLDERS, name)) {
      if (!section) return fail(`Line ${line}: {{${name}}} belongs inside {{#notes}}…{{/notes}}.`);
      section.parts.push({ kind: 'note', name });
    } else {
      return fail(
        `Line ${line}: {{${shown(name)}}} is not a placeholder; use ${[...DOCUMENT_PLACEHOLDERS, ...NOTE_PLACEHOLDERS].map((known) => `{{${known}}}`).join(', ')}.`,
      );
    }
  }
  const problem = pushText(template.slice(at), at);
  if (problem) return problem;
  if (section) return fail(`Line ${section.line}: {{#notes}} is never closed with {{/notes}}.`);
  return { ok: true, parts: top };
}

/** Fills parsed parts in; values are inserted as they are, never parsed again. */
export function renderTemplateParts(parts: readonly TemplatePart[], data: TemplateDocument): string {
  const fill = (list: readonly TemplatePart[], note: TemplateNote | null): string =>
    list
      .map((part) => {
        switch (part.kind) {
          case 'text':
            return part.text;
          case 'document':
            return documentValue(data, part.name);
          case 'note':
            return note ? noteValue(note, part.name) : '';
          case 'notes':
            return data.notes.map((each) => fill(part.parts, each)).join('');
        }
      })
      .join('');
  return fill(parts, null);
}

// Named fields read through a switch: a placeholder can only ever reach these values.
function documentValue(data: TemplateDocument, name: DocumentPlaceholder): string {
  switch (name) {
    case 'title':
      return data.title;
    case 'authors':
      return data.authors;
    case 'citation':
      return data.citation;
    case 'published':
      return data.published;
    case 'source':
      return data.source;
    case 'exported':
      return data.exported;
    case 'count':
      return data.count;
  }
}

function noteValue(note: TemplateNote, name: NotePlaceholder): string {
  switch (name) {
    case 'quote':
      return note.quote;
    case 'note':
      return note.note;
    case 'tags':
      return note.tags;
    case 'colour':
      return note.colour;
    case 'link':
      return note.link;
    case 'date':
      return note.date;
  }
}

/**
 * The export in the reader's template, or the reason it cannot be used (then the caller uses the
 * built-in layout and says so).
 */
export function renderExportTemplate(
  template: string,
  data: TemplateDocument,
): { ok: true; text: string } | { ok: false; message: string } {
  const parsed = parseExportTemplate(template);
  if (!parsed.ok) return parsed;
  const text = renderTemplateParts(parsed.parts, data);
  return { ok: true, text: text.endsWith('\n') ? text : `${text}\n` };
}

/** What `templateDocument` needs of a document (DocumentMeta has it). */
export interface TemplateSource {
  id: string;
  title: string;
  authors: readonly { name: string }[];
  published: string | null;
  source: { url: string | null } | null;
}

/** What `templateDocument` needs of an annotation (Annotation has it). */
export interface TemplateAnnotation {
  id: string;
  color: string | null;
  note: string;
  tags: readonly string[];
  selectors: readonly [{ exact: string }, unknown] | readonly [];
  created: string;
}

/**
 * The values a template sees, from a document, its annotations (in reading order), its reference in
 * the reader's style and each note's link back. A quote becomes one line, so `> {{quote}}` stays one
 * blockquote; tags are written as Obsidian #tags.
 */
export function templateDocument(
  doc: TemplateSource,
  annotations: readonly TemplateAnnotation[],
  citation: string,
  exported: string,
  linkOf: (annotation: TemplateAnnotation) => string,
): TemplateDocument {
  return {
    title: doc.title,
    authors: doc.authors.map((author) => author.name).join(', '),
    citation,
    published: doc.published ?? '',
    source: doc.source?.url ?? '',
    exported: exported.slice(0, 10),
    count: String(annotations.length),
    notes: annotations.map((annotation) => ({
      quote: (annotation.selectors[0]?.exact ?? '').replace(/\s*\n\s*/g, ' ').trim(),
      note: annotation.note.trim(),
      tags: annotation.tags.map((tag) => `#${tag.replace(/\s+/g, '-').replace(/#/g, '')}`).join(' '),
      colour: annotation.color ?? '',
      link: linkOf(annotation),
      date: annotation.created.slice(0, 10),
    })),
  };
}
