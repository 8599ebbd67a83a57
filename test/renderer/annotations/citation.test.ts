import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../main/api';
import { createCitationFormatter } from '../../../main/citations/cite';
import { sectionName } from '../../../main/citations/passage-locator';
import { canonicalText } from '../../../main/library/canonical-text';
import { parseDocumentFile } from '../../../main/library/load-document-file';
import { citedQuote, quoteOnly } from '../../../renderer/annotations/citation';

const COMMENTARY = path.resolve(
  __dirname,
  '../../../content/security-concerns-impede-china-pakistan-relations.txt',
);
const formatter = createCitationFormatter(path.resolve(__dirname, '../../../content/csl'));

describe('citation', () => {
  let doc: Document;
  let start: number;
  const quote = 'The diplomatic row between China and\nPakistan intensified';
  beforeAll(async () => {
    doc = await parseDocumentFile(COMMENTARY);
    start = canonicalText(doc).indexOf('The diplomatic row between China and Pakistan intensified');
  });

  it('puts an in-text citation after the quote and the reference below it, in text and HTML', () => {
    const copied = citedQuote(quote, formatter.cite(doc, 'apa', start));
    expect(copied.text).toBe(
      '“The diplomatic row between China and Pakistan intensified” (Ali, 2024, sec. Background, para. 1)\n\n' +
        'Ali, G. (2024). Security Concerns Impede China-Pakistan Relations (RCAS Commentary). ' +
        'The Hong Kong Research Center for Asian Studies (RCAS). https://www.cacianalyst.org/publications/analytical-articles/item/13829-security-concerns-impede-china-pakistan-relations.html',
    );
    expect(copied.html).toMatch(
      /^<p>“The diplomatic row between China and Pakistan intensified” \(Ali, 2024, sec\. Background, para\. 1\)<\/p>\n<p>Ali, G\. \(2024\)\. <i>Security Concerns Impede China-Pakistan Relations<\/i> /,
    );
  });

  it('gives a note style the quote and then its footnote', () => {
    const copied = citedQuote(quote, formatter.cite(doc, 'chicago-notes', start));
    expect(copied.text).toMatch(
      /^“The diplomatic row between China and Pakistan intensified”\n\nGhulam Ali, “Security Concerns Impede China-Pakistan Relations,” RCAS Commentary .*, sec\. Background, para\. 1, https:/,
    );
  });

  it('escapes a quote that looks like markup, in the HTML only', () => {
    const copied = quoteOnly('<b>bold</b> & "so"');
    expect(copied).toEqual({
      text: '“<b>bold</b> & "so"”',
      html: '<p>“&lt;b&gt;bold&lt;/b&gt; &amp; &quot;so&quot;”</p>',
    });
  });

  it('softens capitalised headings and keeps others as written', () => {
    expect(sectionName('IMPLICATIONS')).toBe('Implications');
    expect(sectionName('Why it matters')).toBe('Why it matters');
  });
});
