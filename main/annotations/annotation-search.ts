/**
 * "Yours" in the main search box: the reader's highlights and notes matched by their quote, note and
 * tags. A few thousand short records need no Lunr: a normalised-token index, rebuilt when the notes
 * change, answers the same query text the document search gets (its operators are read leniently).
 */
import type { Annotation, AnnotationHit, SnippetPart } from '../api';
import { markdownPlainText } from '../markdown/read-markdown';

const WORD = /[\p{L}\p{N}]+/gu;
const SNIPPET_LENGTH = 160;
const MAX_HITS = 50;

/** Lowercase, accents removed: "Zaïdong" and "zaidong" are the same word. */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function words(text: string): string[] {
  return Array.from(text.matchAll(WORD), (match) => foldWord(match[0]));
}

interface Query {
  /** Every one must start some word of the annotation. */
  required: string[];
  /** None may start a word of the annotation (`-word`). */
  excluded: string[];
  /** Exact phrases (`"…"`), folded, each must occur in the annotation's folded text. */
  phrases: string[];
}

/** Reads the search box's query: quoted phrases, `-not`, `+must`, `field:` prefixes, `*` and `~1`. */
export function parseQuery(query: string): Query {
  const phrases: string[] = [];
  const rest = query.replace(/"([^"]*)"/g, (_, phrase: string) => {
    const folded = words(phrase).join(' ');
    if (folded) phrases.push(folded);
    return ' ';
  });
  const required: string[] = [];
  const excluded: string[] = [];
  for (const raw of rest.split(/\s+/)) {
    const negative = raw.startsWith('-');
    const term = raw.replace(/^[+-]/, '').replace(/^[a-z]+:/i, '');
    const folded = words(term);
    (negative ? excluded : required).push(...folded);
  }
  for (const phrase of phrases) required.push(...phrase.split(' '));
  return { required, excluded, phrases };
}

interface Entry {
  annotation: Annotation;
  words: Set<string>;
  folded: string;
}

function startsAnyWord(entryWords: Set<string>, term: string): boolean {
  for (const word of entryWords) if (word.startsWith(term)) return true;
  return false;
}

/**
 * What a reader sees of a Markdown note, for snippets: its words as the note view shows them (the same
 * CommonMark reader), without markup; whitespace runs become one space, as a snippet is one line.
 */
export function plainText(markdown: string): string {
  return markdownPlainText(markdown);
}

/** The text around the first matching word, each matching word marked. */
export function snippetOf(text: string, terms: string[]): SnippetPart[] {
  const matches = Array.from(text.matchAll(WORD)).filter((m) =>
    terms.some((term) => foldWord(m[0]).startsWith(term)),
  );
  if (matches.length === 0) return [];
  const first = matches[0].index ?? 0;
  let from = Math.max(0, first - 40);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  const to = Math.min(text.length, from + SNIPPET_LENGTH);
  const parts: SnippetPart[] = [];
  let at = from;
  for (const match of matches) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (start < from || end > to) continue;
    if (start > at) parts.push({ text: text.slice(at, start), mark: false });
    parts.push({ text: match[0], mark: true });
    at = end;
  }
  if (at < to) parts.push({ text: text.slice(at, to), mark: false });
  if (from > 0) parts.unshift({ text: '…', mark: false });
  if (to < text.length) parts.push({ text: '…', mark: false });
  return parts;
}

/** A document's title by id: a Map, or a lookup that never lists the whole library. */
export interface DocumentTitles {
  get(docId: string): string | undefined;
}

export interface AnnotationIndex {
  search(query: string, docTitles: DocumentTitles): AnnotationHit[];
}

export function buildAnnotationIndex(annotations: readonly Annotation[]): AnnotationIndex {
  const entries: Entry[] = annotations.map((annotation) => {
    const text = [annotation.selectors[0]?.exact ?? '', annotation.note, annotation.tags.join(' ')].join(
      '\n',
    );
    return { annotation, words: new Set(words(text)), folded: words(text).join(' ') };
  });
  return {
    search(query, docTitles) {
      const parsed = parseQuery(query);
      if (parsed.required.length === 0) return [];
      const hits: Array<{ hit: AnnotationHit; score: number; modified: string }> = [];
      for (const entry of entries) {
        if (!parsed.required.every((term) => startsAnyWord(entry.words, term))) continue;
        if (parsed.excluded.some((term) => startsAnyWord(entry.words, term))) continue;
        if (!parsed.phrases.every((phrase) => entry.folded.includes(phrase))) continue;
        const { annotation } = entry;
        const quote = annotation.selectors[0]?.exact ?? null;
        const noteSnippet = snippetOf(plainText(annotation.note), parsed.required);
        const snippet =
          noteSnippet.length > 0
            ? noteSnippet
            : quote
              ? snippetOf(quote, parsed.required)
              : snippetOf(annotation.tags.map((tag) => `#${tag}`).join(' '), parsed.required);
        const tagged = annotation.tags.some((tag) => parsed.required.includes(foldWord(tag)));
        hits.push({
          hit: {
            annotationId: annotation.id,
            docId: annotation.docId,
            docTitle: docTitles.get(annotation.docId) ?? annotation.docId,
            color: annotation.color,
            quote,
            snippet,
          },
          score: snippet.filter((part) => part.mark).length + (tagged ? 2 : 0),
          modified: annotation.modified,
        });
      }
      return hits
        .sort((a, b) => b.score - a.score || b.modified.localeCompare(a.modified))
        .slice(0, MAX_HITS)
        .map((entry) => entry.hit);
    },
  };
}
