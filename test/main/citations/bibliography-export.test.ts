import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../main/api';
import { bibliographyFile, checkBibliographyDocIds } from '../../../main/citations/bibliography-export';
import { parseDocumentFile } from '../../../main/library/load-document-file';

const COMMENTARY = path.resolve('content/security-concerns-impede-china-pakistan-relations.txt');
const URL =
  'https://www.cacianalyst.org/publications/analytical-articles/item/13829-security-concerns-impede-china-pakistan-relations.html';

/** What a reference manager reads back, as CSL-JSON from citation-js's own input plugins. */
function readBack(text: string): Record<string, unknown>[] {
  return new Cite(text).data;
}

/** A second document, imported from the web, to show that several documents share one file. */
function webPage(base: Document): Document & { origin: { kind: 'webpage'; containerTitle: string } } {
  return {
    ...base,
    id: 'pakistan-china-security-dialogue',
    title: 'Pakistan and China Hold Security Dialogue',
    authors: [{ name: 'Ayesha van der Berg', role: null }],
    published: '2025-01',
    publisher: null,
    series: null,
    source: { venue: 'Example News', date: null, url: 'https://news.example.org/dialogue' },
    origin: { kind: 'webpage', containerTitle: 'Example News' },
  };
}

describe('bibliographyFile', () => {
  let doc: Document;
  beforeAll(async () => {
    doc = await parseDocumentFile(COMMENTARY);
  });

  it('writes BibTeX that a BibTeX parser reads back to the same fields', () => {
    const file = bibliographyFile('bibtex', [doc]);
    expect(file.name).toBe('margin-bibliography.bib');
    const [entry] = readBack(file.content);
    expect(entry).toMatchObject({
      type: 'report',
      title: 'Security Concerns Impede China-Pakistan Relations',
      author: [{ family: 'Ali', given: 'Ghulam' }],
      issued: { 'date-parts': [[2024, 11, 20]] },
      publisher: 'The Hong Kong Research Center for Asian Studies (RCAS)',
      'collection-title': 'RCAS Commentary',
      URL,
    });
  });

  it('writes RIS that an RIS parser reads back, one tag a line, the URL never cut', () => {
    const file = bibliographyFile('ris', [doc, webPage(doc)]);
    expect(file.content.split('\r\n')).toContain(`UR  - ${URL}`);
    for (const line of file.content.split('\r\n').filter((l) => l !== ''))
      expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    const [report, page] = readBack(file.content);
    expect(report).toMatchObject({
      type: 'report',
      title: 'Security Concerns Impede China-Pakistan Relations',
      author: [{ family: 'Ali', given: 'Ghulam' }],
      issued: { 'date-parts': [[2024, 11, 20]] },
      publisher: 'The Hong Kong Research Center for Asian Studies (RCAS)',
      URL,
    });
    expect(page).toMatchObject({
      type: 'webpage',
      title: 'Pakistan and China Hold Security Dialogue',
      author: [{ family: 'van der Berg', given: 'Ayesha' }],
      URL: 'https://news.example.org/dialogue',
    });
  });

  it('writes CSL-JSON that the CSL normaliser keeps whole, with nothing invented', () => {
    // No installed package carries the CSL data schema (csl-data.json), so the file is checked with
    // citation-js's CSL normaliser: every field must survive it unchanged.
    const file = bibliographyFile('csl-json', [doc, webPage(doc)]);
    expect(file.mediaType).toBe('application/vnd.citationstyles.csl+json');
    const items = JSON.parse(file.content) as Record<string, unknown>[];
    const normalised = readBack(file.content).map(({ _graph, ...rest }) => {
      void _graph;
      return rest;
    });
    expect(normalised).toEqual(items);
    const page = items[1];
    // The web page has a month and no day, no publisher and no date for its source: none appear.
    expect(page).toEqual({
      id: 'pakistan-china-security-dialogue',
      type: 'webpage',
      title: 'Pakistan and China Hold Security Dialogue',
      author: [{ family: 'van der Berg', given: 'Ayesha' }],
      issued: { 'date-parts': [[2025, 1]] },
      'container-title': 'Example News',
      URL: 'https://news.example.org/dialogue',
    });
  });

  it('names a file for one document after it', () => {
    expect(bibliographyFile('ris', [doc], doc.id).name).toBe(`${doc.id}.ris`);
  });
});

describe('checkBibliographyDocIds', () => {
  it('takes 1 to 1000 distinct document ids and refuses anything else in one line', () => {
    expect(checkBibliographyDocIds(['a', 'b-2'])).toEqual(['a', 'b-2']);
    expect(() => checkBibliographyDocIds([])).toThrow('A bibliography lists 1 to 1000 document ids.');
    expect(() => checkBibliographyDocIds('a')).toThrow('A bibliography lists 1 to 1000 document ids.');
    expect(() => checkBibliographyDocIds(Array.from({ length: 1001 }, (_, i) => `d${i}`))).toThrow(
      /1 to 1000/,
    );
    expect(() => checkBibliographyDocIds(['a', 'a'])).toThrow('A bibliography names each document once.');
    expect(() => checkBibliographyDocIds(['../etc/passwd'])).toThrow();
  });
});
