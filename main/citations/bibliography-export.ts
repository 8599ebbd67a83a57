/**
 * Bibliography files for reference managers (Zotero, EndNote, BibDesk): BibTeX and RIS written by
 * citation-js from the documents' CSL-JSON, and the CSL-JSON itself. One file for any number of
 * documents, in the order asked for.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { BibliographyFormat, ExportedFile } from '../api';
import { checkDocId } from '../annotations/annotation-validation';
import { MarginError } from '../errors';
import { cslItem, type CitableDocument } from './csl-metadata';

export const BIBLIOGRAPHY_FORMATS: readonly BibliographyFormat[] = ['bibtex', 'ris', 'csl-json'];
export const MAX_BIBLIOGRAPHY_DOCUMENTS = 1000;

const FILES: Record<BibliographyFormat, { extension: string; mediaType: string }> = {
  bibtex: { extension: 'bib', mediaType: 'application/x-bibtex' },
  ris: { extension: 'ris', mediaType: 'application/x-research-info-systems' },
  'csl-json': { extension: 'json', mediaType: 'application/vnd.citationstyles.csl+json' },
};

/** The one rule for the documents of a bibliography: 1 to 1000 document ids, each named once. */
export function checkBibliographyDocIds(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_BIBLIOGRAPHY_DOCUMENTS) {
    throw new MarginError(
      'invalid-argument',
      `A bibliography lists 1 to ${MAX_BIBLIOGRAPHY_DOCUMENTS} document ids.`,
    );
  }
  const ids = value.map((id) => checkDocId(id));
  if (new Set(ids).size !== ids.length)
    throw new MarginError('invalid-argument', 'A bibliography names each document once.');
  return ids;
}

/**
 * RIS as Zotero and EndNote read it: one tag per line, never wrapped (citation-js wraps values at 70
 * characters, which would cut URLs in two), CRLF line ends as the RIS specification has them.
 */
function risText(records: Record<string, string | string[]>[]): string {
  const lines: string[] = [];
  for (const record of records) {
    lines.push(`TY  - ${String(record.TY)}`);
    for (const [tag, values] of Object.entries(record)) {
      if (tag === 'TY') continue;
      for (const value of ([] as string[]).concat(values))
        lines.push(`${tag}  - ${String(value).replace(/\s+/g, ' ')}`);
    }
    lines.push('ER  - ', '');
  }
  return lines.join('\r\n');
}

export function bibliographyFile(
  format: BibliographyFormat,
  docs: CitableDocument[],
  name = 'margin-bibliography',
): ExportedFile {
  if (!BIBLIOGRAPHY_FORMATS.includes(format))
    throw new MarginError(
      'invalid-argument',
      `There is no bibliography format "${String(format).slice(0, 40)}".`,
    );
  const items = docs.map((doc) => cslItem(doc));
  let content: string;
  if (format === 'csl-json') content = `${JSON.stringify(items, null, 2)}\n`;
  else if (format === 'bibtex') content = new Cite(items).format('bibtex', { format: 'text' });
  else content = risText(new Cite(items).format('ris', { format: 'object' }));
  const { extension, mediaType } = FILES[format];
  return { name: `${name}.${extension}`, mediaType, content };
}
