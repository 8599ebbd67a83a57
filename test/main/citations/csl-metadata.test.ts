import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cslDate, cslItem, cslName, type CitableDocument } from '../../../main/citations/csl-metadata';
import { parseDocumentFile } from '../../../main/library/load-document-file';

const BARE: CitableDocument = {
  id: 'bare',
  title: '  A   Title\non two lines ',
  series: null,
  authors: [],
  published: null,
  publisher: null,
  source: null,
};

describe('csl-metadata', () => {
  it('maps the bundled commentary to a report in its series, with its first publication', async () => {
    const doc = await parseDocumentFile(
      path.resolve('content/security-concerns-impede-china-pakistan-relations.txt'),
    );
    expect(cslItem(doc)).toEqual({
      id: 'security-concerns-impede-china-pakistan-relations',
      type: 'report',
      title: 'Security Concerns Impede China-Pakistan Relations',
      author: [{ family: 'Ali', given: 'Ghulam' }],
      issued: { 'date-parts': [[2024, 11, 20]] },
      publisher: 'The Hong Kong Research Center for Asian Studies (RCAS)',
      'collection-title': 'RCAS Commentary',
      // First published the same day: the venue is kept, a second identical date is not.
      'original-publisher': 'The Central Asia-Caucasus Analyst',
      URL: 'https://www.cacianalyst.org/publications/analytical-articles/item/13829-security-concerns-impede-china-pakistan-relations.html',
    });
  });

  it('leaves out what a document does not say, and never invents it', () => {
    expect(cslItem(BARE)).toEqual({ id: 'bare', type: 'report', title: 'A Title on two lines' });
    expect(
      cslItem({ ...BARE, published: 'November 2024', source: { venue: ' ', date: 'soon', url: null } }),
    ).toEqual({ id: 'bare', type: 'report', title: 'A Title on two lines' });
  });

  it('gives the first publication its own date when it came out earlier', () => {
    const item = cslItem({
      ...BARE,
      published: '2024-12-02',
      source: { venue: 'The Diplomat', date: '2024-11-20', url: 'https://thediplomat.com/x' },
    });
    expect(item).toMatchObject({
      'original-publisher': 'The Diplomat',
      'original-date': { 'date-parts': [[2024, 11, 20]] },
      URL: 'https://thediplomat.com/x',
    });
  });

  it('maps an imported web page to a webpage in its site, and a PDF article to its journal', () => {
    expect(cslItem({ ...BARE, origin: { kind: 'webpage', containerTitle: 'Dawn' } })).toMatchObject({
      type: 'webpage',
      'container-title': 'Dawn',
    });
    expect(cslItem({ ...BARE, origin: { kind: 'pdf', containerTitle: 'Asian Survey' } }).type).toBe(
      'article-journal',
    );
    expect(cslItem({ ...BARE, origin: { kind: 'pdf' } }).type).toBe('report');
  });

  it('reads names as given and family parts, keeping particles and single names whole', () => {
    expect(cslName('Ghulam Ali')).toEqual({ family: 'Ali', given: 'Ghulam' });
    expect(cslName('Ali,  Ghulam')).toEqual({ family: 'Ali', given: 'Ghulam' });
    expect(cslName('Ludwig van Beethoven')).toEqual({ family: 'van Beethoven', given: 'Ludwig' });
    expect(cslName('Mohammed bin Salman')).toEqual({ family: 'bin Salman', given: 'Mohammed' });
    expect(cslName('Nian Peng')).toEqual({ family: 'Peng', given: 'Nian' });
    expect(cslName('RCAS')).toEqual({ literal: 'RCAS' });
    expect(cslName('   ')).toBeNull();
  });

  it('keeps only as much of a date as it gives', () => {
    expect(cslDate('2024-11-20')).toEqual({ 'date-parts': [[2024, 11, 20]] });
    expect(cslDate('2024-11')).toEqual({ 'date-parts': [[2024, 11]] });
    expect(cslDate('2024')).toEqual({ 'date-parts': [[2024]] });
    expect(cslDate('20 November 2024')).toBeUndefined();
    expect(cslDate(null)).toBeUndefined();
  });
});
