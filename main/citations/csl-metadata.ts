/**
 * CSL-JSON for a document: what citeproc formats and what the bibliography exports carry. Only what
 * the document itself states is mapped; a missing date, publisher or URL is left out, never guessed.
 *
 * A bundled commentary is a `report`: its publisher, its series as `collection-title` ("RCAS
 * Commentary"), its own date, and the venue it was first published at as `original-publisher` (with
 * `original-date` when that date differs from its own, so styles do not print "2024/2024"). The URL is
 * the source's, the one place the text can be found on the web. Imported documents say what they are
 * in `kind`: a web page is a `webpage` in its site (`container-title`); a PDF is a `report`, or an
 * `article-journal` when it names its journal.
 */
import type { DocumentMeta } from '../api';

/** A CSL-JSON name: family and given parts, or one literal name (an organisation, a mononym). */
export type CslName = { family: string; given?: string } | { literal: string };

export interface CslDate {
  'date-parts': [[number, number?, number?]];
}

/** The CSL-JSON fields Margin writes (a subset of the CSL data schema). */
export interface CslItem {
  id: string;
  type: 'report' | 'webpage' | 'article-journal';
  title: string;
  author?: CslName[];
  issued?: CslDate;
  publisher?: string;
  'collection-title'?: string;
  'container-title'?: string;
  'original-publisher'?: string;
  'original-date'?: CslDate;
  URL?: string;
}

/** What an importer may add to a document's metadata; a bundled commentary has none of it. */
export interface ImportedOrigin {
  kind: 'webpage' | 'pdf';
  /** The site's name (og:site_name) for a web page, the journal for a PDF article. */
  containerTitle?: string | null;
}

export type CitableDocument = Pick<
  DocumentMeta,
  'id' | 'title' | 'series' | 'authors' | 'published' | 'publisher' | 'source'
> & { origin?: ImportedOrigin | null };

/** Lower-case name particles that belong to the family name ("van der Berg", "bin Salman"). */
const PARTICLES = new Set([
  'al',
  'bin',
  'binti',
  'da',
  'de',
  'del',
  'della',
  'der',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
]);

/**
 * "Ghulam Ali" → { family: "Ali", given: "Ghulam" }; "Ali, Ghulam" is read the same way; one word is a
 * literal name. The last word (with any particles before it) is the family name, as in the English
 * byline these documents carry.
 */
export function cslName(name: string): CslName | null {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (clean === '') return null;
  const comma = clean.indexOf(',');
  if (comma > 0) {
    const family = clean.slice(0, comma).trim();
    const given = clean.slice(comma + 1).trim();
    return given ? { family, given } : { literal: family };
  }
  const words = clean.split(' ');
  if (words.length === 1) return { literal: clean };
  let first = words.length - 1;
  while (first > 1 && PARTICLES.has(words[first - 1])) first -= 1;
  return { family: words.slice(first).join(' '), given: words.slice(0, first).join(' ') };
}

/** `2024-11-20` → date-parts; `2024-11` and `2024` keep only what they say; anything else is left out. */
export function cslDate(iso: string | null | undefined): CslDate | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso ?? '');
  if (!match) return undefined;
  const [year, month, day] = [match[1], match[2], match[3]].map((part) => (part ? Number(part) : undefined));
  if (month === undefined) return { 'date-parts': [[year as number]] };
  if (day === undefined) return { 'date-parts': [[year as number, month]] };
  return { 'date-parts': [[year as number, month, day]] };
}

const present = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value.trim() !== '';

export function cslItem(doc: CitableDocument): CslItem {
  const origin = doc.origin ?? null;
  const container = present(origin?.containerTitle) ? origin.containerTitle.trim() : undefined;
  const type: CslItem['type'] =
    origin?.kind === 'webpage'
      ? 'webpage'
      : origin?.kind === 'pdf' && container
        ? 'article-journal'
        : 'report';
  const item: CslItem = { id: doc.id, type, title: doc.title.replace(/\s+/g, ' ').trim() };

  const authors = doc.authors.map((author) => cslName(author.name)).filter((name) => name !== null);
  if (authors.length > 0) item.author = authors;
  const issued = cslDate(doc.published);
  if (issued) item.issued = issued;
  if (present(doc.publisher?.name)) item.publisher = doc.publisher.name.trim();
  if (present(doc.series)) item['collection-title'] = doc.series.trim();
  if (container) item['container-title'] = container;

  const source = doc.source;
  if (source) {
    if (present(source.venue) && source.venue.trim() !== item.publisher && source.venue.trim() !== container)
      item['original-publisher'] = source.venue.trim();
    const firstPublished = cslDate(source.date);
    if (firstPublished && source.date !== doc.published) item['original-date'] = firstPublished;
    if (present(source.url)) item.URL = source.url.trim();
  }
  return item;
}
