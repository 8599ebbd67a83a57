/**
 * "Copy with citation": the quote, then who wrote it, where and when, the section and the source
 * URL, in one line a reader can paste into a paper or a chat:
 * `“quote” — Ghulam Ali, “Title”, RCAS, 20 November 2024, § Background. https://…`
 */
import type { Document, DocumentMeta } from '../../main/api';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2024-11-20` → `20 November 2024`; anything else is returned unchanged. */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}

/** A publisher named "… (RCAS)" is cited by its short name. */
export function publisherShortName(name: string): string {
  const short = /\(([^()]{2,12})\)\s*$/.exec(name);
  return short ? short[1] : name;
}

/** Section headings set in capitals ("BACKGROUND") read better as "Background" in a citation. */
export function sectionName(heading: string): string {
  const letters = heading.replace(/[^\p{L}]/gu, '');
  if (letters === '' || letters !== letters.toUpperCase()) return heading;
  const lower = heading.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Joins lines and runs of whitespace of a quote into single spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function formatCitation(
  quote: string,
  doc: Pick<DocumentMeta, 'title' | 'authors' | 'publisher' | 'published' | 'source'>,
  section: string | null,
): string {
  const parts: string[] = [];
  const authors = doc.authors.map((author) => author.name).filter((name) => name.trim() !== '');
  if (authors.length > 0) parts.push(authors.join(', '));
  parts.push(`“${oneLine(doc.title)}”`);
  if (doc.publisher?.name) parts.push(publisherShortName(doc.publisher.name));
  const date = doc.published ?? doc.source?.date ?? null;
  if (date) parts.push(longDate(date));
  if (section && section.trim() !== '') parts.push(`§ ${sectionName(oneLine(section))}`);
  const url = doc.source?.url ? ` ${doc.source.url}` : '';
  return `“${oneLine(quote)}” — ${parts.join(', ')}.${url}`;
}

/** The heading of the section a canonical offset falls in, or null. */
export function sectionAt(doc: Document, offset: number): string | null {
  const bio = doc.authorBio[0]?.start;
  if (bio !== undefined && offset >= bio) return 'About the author';
  let heading: string | null = null;
  for (const section of doc.sections) {
    const first = section.headingStart ?? section.blocks[0]?.start;
    if (first === undefined || first > offset) break;
    heading = section.heading;
  }
  return heading;
}
