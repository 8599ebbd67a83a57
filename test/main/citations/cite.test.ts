import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../main/api';
import { createCitationFormatter } from '../../../main/citations/cite';
import { parseDocumentFile } from '../../../main/library/load-document-file';
import { CITATION_STYLE_IDS } from '../../../main/shared/citation-styles';

const COMMENTARY = path.resolve('content/security-concerns-impede-china-pakistan-relations.txt');
const URL =
  'https://www.cacianalyst.org/publications/analytical-articles/item/13829-security-concerns-impede-china-pakistan-relations.html';
const TITLE = 'Security Concerns Impede China-Pakistan Relations';
/** The title in sentence case, as APA 7 (6.17) writes the title of a report. */
const SENTENCE_CASE_TITLE = 'Security concerns impede China-Pakistan relations';
const PUBLISHER = 'The Hong Kong Research Center for Asian Studies (RCAS)';

const formatter = createCitationFormatter(path.resolve('content/csl'));
/** `*x*` (italics in the hand-written references) as the HTML citeproc writes. */
const italics = (text: string) => text.replace(/\*([^*]+)\*/g, '<i>$1</i>');
const plain = (text: string) => text.replace(/\*/g, '');

describe('cite: the bundled commentary against hand-written references', () => {
  let doc: Document;
  beforeAll(async () => {
    doc = await parseDocumentFile(COMMENTARY);
  });

  it('writes the APA 7 reference as the manual does, but for the title’s case', () => {
    // By hand, APA 7: author "Surname, I." (9.8); the year alone for a report (10.4); the title of a
    // stand-alone work in italics and sentence case (6.17, 9.19); the series after the title in
    // parentheses, as a report number is (10.4); the publisher as printed on the work (9.29); the URL
    // where the work is found, with no "Retrieved from" (9.34). The first publication has the same
    // date, so there is no "(Original work published …)" (9.41).
    const byHand = `Ali, G. (2024). *${SENTENCE_CASE_TITLE}* (RCAS Commentary). ${PUBLISHER}. ${URL}`;
    // The one difference: citeproc leaves the title in the case it is stored in. CSL cannot put a title
    // in sentence case safely (it cannot tell that "China" and "Pakistan" are proper nouns), so a
    // reader fixes the case by hand, as with Zotero.
    const margin = byHand.replace(SENTENCE_CASE_TITLE, TITLE);
    const citation = formatter.cite(doc, 'apa');
    expect(citation.reference.text).toBe(plain(margin));
    expect(citation.reference.html).toBe(italics(margin));
  });

  it('writes the Chicago 17 bibliography entries (notes and author-date) with the report title in quotes', () => {
    // By hand, Chicago 17: "Surname, Given." (14.72); a report's title in italics like a book's
    // (14.220); the series in roman after the title (14.123); the publisher and full date (14.220); the
    // URL last, followed by a period (14.18). Author-date moves the year after the name (15.9). A reprint
    // names where it first appeared (14.113) - here on the same day in The Central Asia-Caucasus Analyst.
    const notesByHand = `Ali, Ghulam. *${TITLE}*. RCAS Commentary. ${PUBLISHER}, November 20, 2024. Originally published in *The Central Asia-Caucasus Analyst*. ${URL}.`;
    const authorDateByHand = `Ali, Ghulam. 2024. *${TITLE}*. RCAS Commentary. ${PUBLISHER}. ${URL}.`;
    // Differences, both from the CSL styles: (1) the Chicago styles print a report's title in quotation
    // marks, as for a part of a larger work; (2) CSL has no "originally published in" for a periodical:
    // the venue goes in as `original-publisher`, which the notes style prints bare before the
    // publisher, and the author-date style leaves out.
    const quoted = (text: string) => text.replace(`*${TITLE}*.`, `“${TITLE}.”`);
    const notes = quoted(notesByHand)
      .replace(' Originally published in *The Central Asia-Caucasus Analyst*.', '')
      .replace('RCAS Commentary. ', 'RCAS Commentary. The Central Asia-Caucasus Analyst. ');
    expect(formatter.cite(doc, 'chicago-notes').reference.text).toBe(notes);
    expect(formatter.cite(doc, 'chicago-author-date').reference.text).toBe(quoted(authorDateByHand));
  });

  it('writes the MLA 9 works-cited entry without the series, with the URL as stored', () => {
    // By hand, MLA 9: "Surname, Given." (5.6); the title of a self-contained work in italics (5.24);
    // the publisher (5.44) and the date as day, abbreviated month, year (5.69); the URL without
    // "https://" (5.97); the series as an optional element at the end (5.127).
    const byHand = `Ali, Ghulam. *${TITLE}*. ${PUBLISHER}, 20 Nov. 2024, ${URL.replace('https://', '')}. RCAS Commentary.`;
    // Differences, from modern-language-association.csl: it prints URLs as stored, scheme included, and
    // has no place for a report's series.
    const margin = byHand.replace(URL.replace('https://', ''), URL).replace(' RCAS Commentary.', '');
    const citation = formatter.cite(doc, 'mla');
    expect(citation.reference.text).toBe(plain(margin));
    expect(citation.reference.html).toBe(italics(margin));
  });

  it('cites a passage by its section and its paragraph within that section', () => {
    // The fifth paragraph under BACKGROUND ("Another key source of attacks ...").
    const background = doc.sections.find((section) => section.heading === 'BACKGROUND');
    const fifth = background?.blocks.filter((block) => block.type === 'paragraph')[4];
    expect(fifth).toBeDefined();
    const at = (fifth?.start ?? 0) + 10;
    // APA 7 (8.28) by hand: (Ali, 2024, Background section, para. 5). CSL has no "heading" locator, so
    // Margin passes CSL's "section" label, which the en-US locale abbreviates "sec.".
    expect(formatter.cite(doc, 'apa', at).citation.text).toBe('(Ali, 2024, sec. Background, para. 5)');
    expect(formatter.cite(doc, 'chicago-author-date', at).citation.text).toBe(
      '(Ali 2024, sec. Background, para. 5)',
    );
    expect(formatter.cite(doc, 'harvard', at).citation.text).toBe('(Ali, 2024, sec. Background, para. 5)');
    // MLA 9 by hand (6.20): (Ali, sec. Background, par. 5). The vendored style alone gives
    // "sec.Background" and the locale's "para."; Margin amends both in memory (cite.ts amendStyle).
    expect(formatter.cite(doc, 'mla', at).citation.text).toBe('(Ali, sec. Background, par. 5)');
    const note = formatter.cite(doc, 'chicago-notes', at);
    expect(note.note).toBe(true);
    expect(note.citation.text).toMatch(/^Ghulam Ali, “Security Concerns Impede China-Pakistan Relations,”/);
    expect(note.citation.text).toContain(', sec. Background, para. 5, https://www.cacianalyst.org/');
    expect(note.locator).toBe('Background, para. 5');
  });

  it('numbers the opening paragraph 1 and cites a figure caption as its figure', () => {
    const opening = doc.sections[0];
    const [first, figure] = opening.blocks;
    expect([first.type, figure.type]).toEqual(['paragraph', 'figure']);
    expect(formatter.cite(doc, 'apa', first.start).citation.text).toBe('(Ali, 2024, para. 1)');
    expect(formatter.cite(doc, 'mla', first.start).citation.text).toBe('(Ali, par. 1)');
    expect(formatter.cite(doc, 'apa', figure.start + 5).citation.text).toBe('(Ali, 2024, fig. 1)');
    const bio = doc.authorBio[0];
    expect(formatter.cite(doc, 'apa', bio.start).locator).toBe('About the author, para. 1');
  });

  it('gives every bundled style a reference and a citation without a locator for the whole document', () => {
    for (const style of CITATION_STYLE_IDS) {
      const citation = formatter.cite(doc, style);
      expect(citation.reference.text, style).toContain('Ali');
      expect(citation.reference.text, style).toContain(URL);
      expect(citation.citation.text, style).not.toMatch(/para\.|sec\./);
      expect(citation.locator).toBeNull();
    }
    expect(formatter.cite(doc, 'ieee').citation.text).toBe('[1]');
  });

  it('says in one line that the styles are missing when the folder is not there', () => {
    const broken = createCitationFormatter(path.resolve('no-such-folder'));
    expect(() => broken.cite(doc, 'ieee')).toThrow(/citation style file .* is missing/);
  });
});
