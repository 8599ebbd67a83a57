/** How document metadata reads in the interface: dates, author lists, reading time. */
import type { Author, ImportKind } from '../../main/api';

const LONG_DATE = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
const SHORT_DATE = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** "November 20, 2024" from "2024-11-20"; the input itself if it is not an ISO date. */
export function formatDate(iso: string, style: 'long' | 'short' = 'long'): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return (style === 'long' ? LONG_DATE : SHORT_DATE).format(date);
}

const LIST = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

export function formatAuthorNames(authors: ReadonlyArray<Author | string>): string {
  return LIST.format(authors.map((author) => (typeof author === 'string' ? author : author.name)));
}

export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`;
}

/** "BACKGROUND" reads as "Background" in the table of contents; mixed-case headings stay as written. */
export function tocLabel(heading: string): string {
  if (heading !== heading.toUpperCase()) return heading;
  const lower = heading.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

const KIND_LABELS: Record<ImportKind, string> = {
  pdf: 'PDF',
  html: 'Web page',
  markdown: 'Markdown',
  text: 'Text',
  // An RCAS export is a text file to the reader; its parser is Margin's business.
  rcas: 'Text',
};

/** What kind of file one of the reader's documents was imported from: "PDF", "Web page"… */
export function formatDocumentKind(kind: ImportKind): string {
  return KIND_LABELS[kind];
}
