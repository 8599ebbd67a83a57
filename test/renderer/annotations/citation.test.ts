import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentFile } from '../../../main/library/load-document-file';
import { canonicalText } from '../../../main/library/canonical-text';
import {
  formatCitation,
  longDate,
  publisherShortName,
  sectionAt,
  sectionName,
} from '../../../renderer/annotations/citation';

const COMMENTARY = path.resolve(
  __dirname,
  '../../../content/security-concerns-impede-china-pakistan-relations.txt',
);

describe('citation', () => {
  it('cites a quote from the commentary with author, title, publisher, date, section and source', async () => {
    const doc = await parseDocumentFile(COMMENTARY);
    const text = canonicalText(doc);
    const quote = 'The diplomatic row between China and Pakistan intensified';
    const start = text.indexOf(quote);
    expect(start).toBeGreaterThan(0);
    const citation = formatCitation(quote, doc, sectionAt(doc, start));
    expect(citation).toMatch(
      /^“The diplomatic row between China and Pakistan intensified” — Ghulam Ali, “Security Concerns Impede China-Pakistan Relations”, /,
    );
    expect(citation).toContain('20 November 2024');
    expect(citation).toContain('§ Background.');
    expect(citation).toMatch(/ https:\/\/www\.cacianalyst\.org\/\S+$/);
  });

  it('cites a passage before the first heading without a section', async () => {
    const doc = await parseDocumentFile(COMMENTARY);
    const start = canonicalText(doc).indexOf('Chinese Ambassador to Pakistan Jiang Zaidong');
    expect(sectionAt(doc, start)).toBeNull();
  });

  it('writes dates out, shortens "Name (ABBR)" publishers and softens capitalised headings', () => {
    expect(longDate('2024-11-20')).toBe('20 November 2024');
    expect(longDate('sometime')).toBe('sometime');
    expect(publisherShortName('The Hong Kong Research Center for Asian Studies (RCAS)')).toBe('RCAS');
    expect(publisherShortName('Chatham House')).toBe('Chatham House');
    expect(sectionName('IMPLICATIONS')).toBe('Implications');
    expect(sectionName('Why it matters')).toBe('Why it matters');
  });

  it('puts a multi-line quote on one line and leaves out what the document does not have', () => {
    const citation = formatCitation(
      'first line\n\nsecond',
      { title: 'T', authors: [], publisher: null, published: null, source: null },
      null,
    );
    expect(citation).toBe('“first line second” — “T”.');
  });
});
