import { isMap, isScalar, LineCounter, parseDocument, type Pair } from 'yaml';
import type { Author, Publisher, Source } from '../api';
import { ContentError } from '../errors';
import { findDate, parseWholeDate } from './parse-date';
import { isHttpUrl } from './parse-inline';

/**
 * YAML front matter of a Markdown document: `title`, `authors` (strings or `{name, role}`), `date`,
 * `publisher` (a name or `{name, about, contact}`), `source` (a URL or `{venue, date, url}`), `tags`,
 * `series`. Each field is checked for its shape; a wrong one is an error at the line of its key.
 */

export interface FrontMatter {
  title: string | null;
  series: string | null;
  authors: Author[];
  published: string | null;
  publisher: Publisher | null;
  source: Source | null;
  tags: string[];
  /** Line (1-based, in the file) where the body starts. */
  bodyLine: number;
  body: string;
}

const FENCE = /^---[ \t]*$/;
const FENCE_END = /^(?:---|\.\.\.)[ \t]*$/;

type Field = { value: unknown; line: number };

function textOf(field: Field, name: string, fail: (line: number, detail: string) => never): string {
  if (typeof field.value === 'string' && field.value.trim() !== '') return field.value.trim();
  if (typeof field.value === 'number') return String(field.value);
  return fail(field.line, `"${name}" must be a non-empty text`);
}

function textList(field: Field, name: string, fail: (line: number, detail: string) => never): string[] {
  if (typeof field.value === 'string') return field.value.trim() === '' ? [] : [field.value.trim()];
  if (Array.isArray(field.value))
    return field.value.map((item) => textOf({ value: item, line: field.line }, name, fail));
  return fail(field.line, `"${name}" must be a text or a list of texts`);
}

function isoDate(field: Field, name: string, fail: (line: number, detail: string) => never): string {
  const raw =
    field.value instanceof Date ? field.value.toISOString().slice(0, 10) : textOf(field, name, fail);
  const found = parseWholeDate(raw) ?? findDate(raw);
  if (!found) return fail(field.line, `"${name}" is not a date: "${raw}" (write e.g. 2024-11-20)`);
  if (found.iso === null) return fail(field.line, `"${name}" is not a real date: "${raw}"`);
  return found.iso;
}

function authorsOf(field: Field, fail: (line: number, detail: string) => never): Author[] {
  const items = Array.isArray(field.value) ? field.value : [field.value];
  return items.map((item) => {
    if (typeof item === 'string' && item.trim() !== '') return { name: item.trim(), role: null };
    if (item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string') {
      const { name, role } = item as { name: string; role?: unknown };
      if (role !== undefined && role !== null && typeof role !== 'string')
        fail(field.line, 'an author\'s "role" must be a text');
      return { name: name.trim(), role: typeof role === 'string' && role.trim() !== '' ? role.trim() : null };
    }
    return fail(field.line, '"authors" must be names, or entries with a "name" and an optional "role"');
  });
}

function publisherOf(field: Field, fail: (line: number, detail: string) => never): Publisher {
  if (typeof field.value === 'string')
    return { name: textOf(field, 'publisher', fail), about: [], contact: [] };
  if (field.value && typeof field.value === 'object' && !Array.isArray(field.value)) {
    const { name, about, contact } = field.value as Record<string, unknown>;
    return {
      name: textOf({ value: name, line: field.line }, 'publisher.name', fail),
      about: about === undefined ? [] : textList({ value: about, line: field.line }, 'publisher.about', fail),
      contact:
        contact === undefined
          ? []
          : textList({ value: contact, line: field.line }, 'publisher.contact', fail),
    };
  }
  return fail(field.line, '"publisher" must be a name or an entry with "name", "about" and "contact"');
}

function sourceOf(field: Field, fail: (line: number, detail: string) => never): Source {
  const checkUrl = (url: string): string =>
    isHttpUrl(url) ? url : fail(field.line, `"source" URL must start with http:// or https://: "${url}"`);
  if (typeof field.value === 'string') {
    const url = checkUrl(field.value.trim());
    return { venue: new URL(url).hostname.replace(/^www\./, ''), date: null, url };
  }
  if (field.value && typeof field.value === 'object' && !Array.isArray(field.value)) {
    const { venue, date, url } = field.value as Record<string, unknown>;
    const href =
      url === undefined || url === null
        ? null
        : checkUrl(textOf({ value: url, line: field.line }, 'source.url', fail));
    const name =
      venue === undefined
        ? href
          ? new URL(href).hostname.replace(/^www\./, '')
          : null
        : textOf({ value: venue, line: field.line }, 'source.venue', fail);
    if (name === null) return fail(field.line, '"source" needs a "venue" or a "url"');
    return {
      venue: name,
      date:
        date === undefined || date === null
          ? null
          : isoDate({ value: date, line: field.line }, 'source.date', fail),
      url: href,
    };
  }
  return fail(field.line, '"source" must be a URL or an entry with "venue", "date" and "url"');
}

/** Splits off and reads the front matter; a file without one has an empty front matter. */
export function readFrontMatter(text: string, fileName: string): FrontMatter {
  const fail = (line: number, detail: string): never => {
    throw new ContentError(fileName, line, detail);
  };
  const empty: FrontMatter = {
    title: null,
    series: null,
    authors: [],
    published: null,
    publisher: null,
    source: null,
    tags: [],
    bodyLine: 1,
    body: text,
  };
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return empty;
  const end = lines.findIndex((line, i) => i > 0 && FENCE_END.test(line));
  if (end < 0) return fail(1, 'the front matter that starts here is never closed with a "---" line');

  const lineCounter = new LineCounter();
  const yaml = parseDocument(lines.slice(1, end).join('\n'), { lineCounter, uniqueKeys: true });
  const firstError = yaml.errors[0];
  if (firstError) {
    const line = 1 + (firstError.linePos?.[0].line ?? 1);
    return fail(
      line,
      `invalid front matter: ${firstError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`,
    );
  }
  if (yaml.contents !== null && !isMap(yaml.contents))
    return fail(2, 'invalid front matter: expected "key: value" lines');

  const data = (yaml.toJS() ?? {}) as Record<string, unknown>;
  const fields = new Map<string, Field>();
  for (const pair of (isMap(yaml.contents) ? yaml.contents.items : []) as Pair[]) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const line = 1 + lineCounter.linePos(pair.key.range?.[0] ?? 0).line;
    fields.set(key.toLowerCase(), { value: data[key], line });
  }
  const get = (name: string): Field | undefined => {
    const field = fields.get(name);
    return field && field.value !== null && field.value !== undefined ? field : undefined;
  };
  const title = get('title');
  const series = get('series');
  const authors = get('authors') ?? get('author');
  const date = get('date') ?? get('published');
  const publisher = get('publisher');
  const source = get('source');
  const tags = get('tags');
  return {
    title: title ? textOf(title, 'title', fail) : null,
    series: series ? textOf(series, 'series', fail) : null,
    authors: authors ? authorsOf(authors, fail) : [],
    published: date ? isoDate(date, 'date', fail) : null,
    publisher: publisher ? publisherOf(publisher, fail) : null,
    source: source ? sourceOf(source, fail) : null,
    tags: tags
      ? typeof tags.value === 'string'
        ? tags.value
            .split(',')
            .map((tag) => tag.trim())
            .filter((tag) => tag !== '')
        : textList(tags, 'tags', fail)
      : [],
    bodyLine: end + 2,
    body: lines.slice(end + 1).join('\n'),
  };
}
