import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Document } from '../../../main/api';
import { ContentError } from '../../../main/errors';
import { blockText, canonicalText, documentUnits } from '../../../main/library/canonical-text';
import { parseRcasText } from '../../../main/library/parse-rcas-text';

const BUNDLED = join(__dirname, '../../../content/security-concerns-impede-china-pakistan-relations.txt');
const FIXTURES = join(__dirname, '../../fixtures/content');

function parseFile(file: string): Document {
  return parseRcasText(readFileSync(file, 'utf8'), file);
}

function articleBlocks(doc: Document): Block[] {
  return doc.sections.flatMap((section) => section.blocks);
}

function paragraphTexts(doc: Document): string[] {
  return articleBlocks(doc)
    .filter((block) => block.type === 'paragraph')
    .map(blockText);
}

function everyText(doc: Document): string {
  return [
    ...doc.sections.map((section) => section.heading ?? ''),
    ...articleBlocks(doc).map(blockText),
    ...doc.authorBio.map(blockText),
  ].join('\n');
}

/** Every unit's recorded offset must point at its text in the canonical text. */
function expectOffsetsAgree(doc: Document): void {
  const text = canonicalText(doc);
  const starts = new Map<string, number>();
  for (const section of doc.sections) {
    if (section.heading !== null) starts.set(section.id, section.headingStart as number);
    for (const block of section.blocks) starts.set(block.id, block.start);
  }
  for (const block of doc.authorBio) starts.set(block.id, block.start);
  for (const unit of documentUnits(doc)) {
    const start = starts.get(unit.id) as number;
    expect(text.slice(start, start + unit.text.length)).toBe(unit.text);
  }
  expect(doc.textHash).toBe(createHash('sha256').update(text).digest('hex'));
}

describe('parseRcasText on the bundled commentary', () => {
  const doc = parseFile(BUNDLED);

  it('takes the series, title, author with role and date from the header', () => {
    expect(doc.id).toBe('security-concerns-impede-china-pakistan-relations');
    expect(doc.series).toBe('RCAS Commentary');
    expect(doc.title).toBe('Security Concerns Impede China-Pakistan Relations');
    expect(doc.authors).toEqual([
      { name: 'Ghulam Ali', role: 'Deputy Director, The Hong Kong Research Center for Asian Studies (RCAS)' },
    ]);
    expect(doc.published).toBe('2024-11-20');
  });

  it('keeps the publisher boilerplate out of the article and in the publisher record', () => {
    expect(doc.publisher?.name).toBe('The Hong Kong Research Center for Asian Studies (RCAS)');
    expect(doc.publisher?.about[0]).toContain(
      'is a nonprofit research organization focusing on Asian affairs',
    );
    expect(doc.publisher?.about.some((text) => text.includes('Welcome to visit our website'))).toBe(true);
    expect(doc.publisher?.contact).toEqual([
      'Address: 1507B, EASTCORE1, No.398, Kwun Tong, Kooloon, Hong Kong',
      'Ph: 00852 2397 7886',
      'Email: hkrcas@163.com',
      'Web: www.rcas.top',
    ]);
    const text = everyText(doc);
    for (const boilerplate of [
      'About RCAS',
      'Address:',
      'Ph:',
      'EASTCORE',
      'nonprofit research organization',
      'Welcome to visit',
    ]) {
      expect(text).not.toContain(boilerplate);
    }
    expect(doc.publisher?.about.join(' ')).not.toMatch(/[*<>]/);
  });

  it('does not repeat the title or byline at the top of the article', () => {
    expect(paragraphTexts(doc)[0]).toMatch(
      /^Chinese Ambassador to Pakistan Jiang Zaidong recently criticized/,
    );
    expect(doc.sections[0]).toMatchObject({ id: 's-intro', heading: null, headingStart: null });
  });

  it('turns the ▲ line into a figure with its caption and credit', () => {
    const figures = articleBlocks(doc).filter((block) => block.type === 'figure');
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({
      type: 'figure',
      caption: [
        {
          type: 'text',
          text: 'The Inauguration of China-Pakistan Joint Exercise Warrior-VIII on November 20, 2024.',
        },
      ],
      credit: 'China Military',
    });
    expect(everyText(doc)).not.toContain('▲');
  });

  it('keeps the capitalised headings as written, each starting a section', () => {
    expect(doc.sections.map((section) => section.heading)).toEqual([
      null,
      'BACKGROUND',
      'IMPLICATIONS',
      'CONCLUSIONS',
    ]);
    expect(doc.sections.map((section) => section.id)).toEqual([
      's-intro',
      's-background',
      's-implications',
      's-conclusions',
    ]);
  });

  it('rejoins the two paragraphs split by page breaks with a single space', () => {
    const paragraphs = paragraphTexts(doc);
    const dar = paragraphs.find((text) =>
      text.includes('Ishaq Dar. Dar claimed that China prioritized security'),
    );
    expect(dar).toMatch(/^The diplomatic row between China and Pakistan/);
    expect(dar).toMatch(/a major constraint to the CPEC\.$/);
    const ptm = paragraphs.find((text) =>
      text.includes('Pashtun Tahafuz Movement (PTM), which advocates for the rights of Pashtuns.'),
    );
    expect(ptm).toMatch(/^Third, the worsening security situation/);
    expect(paragraphs.some((text) => /^(claimed|which advocates)/.test(text))).toBe(false);
    expect(paragraphs).toHaveLength(14);
  });

  it('reads the "first published at" line and the URL on its own line as the source', () => {
    expect(doc.source).toEqual({
      venue: 'The Central Asia-Caucasus Analyst',
      date: '2024-11-20',
      url: 'https://www.cacianalyst.org/publications/analytical-articles/item/13829-security-concerns-impede-china-pakistan-relations.html',
    });
    expect(everyText(doc)).not.toContain('first published');
    expect(everyText(doc)).not.toContain('cacianalyst');
  });

  it('takes "About Author" as the bio, with its book titles as emphasis runs', () => {
    expect(doc.authorBio).toHaveLength(1);
    const bio = doc.authorBio[0] as Extract<Block, { type: 'paragraph' }>;
    expect(blockText(bio)).toMatch(/^Dr\. Ghulam Ali is currently Deputy Director/);
    expect(blockText(bio)).toMatch(/Email: ghulamali74@yahoo\.com\.$/);
    expect(bio.runs).toContainEqual({
      type: 'emphasis',
      text: "Pakistan's Foreign Policy: Contemporary Developments and Dynamics",
    });
    expect(bio.runs).toContainEqual({ type: 'emphasis', text: 'Pacific Focus' });
    expect(everyText(doc)).not.toContain('About Author');
  });

  it('never leaves markup asterisks or angle brackets in the text', () => {
    expect(everyText(doc)).not.toMatch(/[*<>]/);
  });

  it('counts the article words and reading time', () => {
    const articleText = [
      ...doc.sections.map((s) => s.heading ?? ''),
      ...articleBlocks(doc).map(blockText),
    ].join(' ');
    const rough = articleText.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    expect(Math.abs(doc.wordCount - rough)).toBeLessThan(rough * 0.03);
    expect(doc.readingMinutes).toBe(Math.max(1, Math.round(doc.wordCount / 230)));
    expect(doc.readingMinutes).toBe(5);
  });

  it('records offsets and a text hash that agree with the canonical text', () => {
    expectOffsetsAgree(doc);
  });

  it('gives every block a unique id that does not change when the file is parsed again', () => {
    const again = parseFile(BUNDLED);
    const ids = [...articleBlocks(doc), ...doc.authorBio].map((block) => block.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...articleBlocks(again), ...again.authorBio].map((block) => block.id)).toEqual(ids);
    expect(again).toEqual(doc);
  });

  it('keeps block ids when other parts of the file change', () => {
    const source = readFileSync(BUNDLED, 'utf8').replace(
      'Currently, Balochistan is experiencing',
      'Today Balochistan is experiencing',
    );
    const edited = parseRcasText(source, BUNDLED);
    const before = new Map(articleBlocks(doc).map((block) => [blockText(block), block.id]));
    const changed = articleBlocks(edited).filter((block) => before.get(blockText(block)) !== block.id);
    expect(changed.map(blockText)).toEqual([expect.stringContaining('Today Balochistan')]);
    expect(edited.textHash).not.toBe(doc.textHash);
  });
});

describe('parseRcasText on other commentaries in the same export format', () => {
  it('reads two authors with their roles, two figures and a day-month-year source date', () => {
    const doc = parseFile(join(FIXTURES, 'bay-of-bengal-maritime-cooperation.txt'));
    expect(doc.title).toBe('Maritime Cooperation in the Bay of Bengal');
    expect(doc.authors).toEqual([
      { name: 'Nian Peng', role: 'Director, The Hong Kong Research Center for Asian Studies (RCAS)' },
      { name: 'Farah Siddiqui', role: 'Visiting Fellow, Centre for Ocean Governance, Dhaka' },
    ]);
    expect(doc.published).toBe('2023-03-15');
    expect(doc.sections.map((section) => section.heading)).toEqual([
      null,
      'CONTEXT',
      'WHY IT MATTERS',
      'THE WAY FORWARD',
    ]);
    const figures = articleBlocks(doc).filter((block) => block.type === 'figure');
    expect(figures.map((figure) => [blockText(figure), figure.type === 'figure' && figure.credit])).toEqual([
      ["Fishing boats at Cox's Bazar before the cyclone season.", 'Reuters'],
      ['The BIMSTEC summit in Colombo, March 2022.', 'BIMSTEC Secretariat'],
    ]);
    expect(doc.source).toEqual({
      venue: 'East Asia Forum',
      date: '2023-03-14',
      url: 'https://www.eastasiaforum.org/2023/03/14/maritime-cooperation-in-the-bay-of-bengal/',
    });
    expect(doc.authorBio.map(blockText)).toEqual([
      expect.stringMatching(/^Dr\. Nian Peng is Director/),
      expect.stringMatching(/^Farah Siddiqui is a Visiting Fellow/),
    ]);
    expectOffsetsAgree(doc);
  });

  it('rejoins a paragraph broken mid-sentence around a figure, placing the figure after it', () => {
    const doc = parseFile(join(FIXTURES, 'bay-of-bengal-maritime-cooperation.txt'));
    const context = doc.sections.find(
      (section) => section.heading === 'CONTEXT',
    ) as Document['sections'][number];
    expect(context.blocks.map((block) => block.type)).toEqual(['paragraph', 'figure']);
    expect(blockText(context.blocks[0] as Block)).toContain('yet the network remains a plan on paper.');
  });

  it('turns **strong**, *emphasis* and <https://…> into runs', () => {
    const doc = parseFile(join(FIXTURES, 'bay-of-bengal-maritime-cooperation.txt'));
    const runs = articleBlocks(doc).flatMap((block) => (block.type === 'paragraph' ? block.runs : []));
    expect(runs).toContainEqual({ type: 'strong', text: 'functional cooperation' });
    expect(runs).toContainEqual({ type: 'emphasis', text: 'Hambantota' });
    expect(runs).toContainEqual({
      type: 'link',
      text: 'https://www.example.org/bay-of-bengal-ports',
      href: 'https://www.example.org/bay-of-bengal-ports',
    });
    expect(everyText(doc)).not.toMatch(/[*<>]/);
  });

  it('finds boilerplate of another publisher at the end and a contact footer inside a broken paragraph', () => {
    const doc = parseFile(join(FIXTURES, 'water-diplomacy-in-the-indus-basin.txt'));
    expect(doc.series).toBe('CSPS Policy Brief');
    expect(doc.published).toBe('2023-06-05');
    expect(doc.authors).toEqual([
      {
        name: 'Ayesha Rahman',
        role: 'Senior Research Fellow, Centre for Strategic and Policy Studies (CSPS)',
      },
    ]);
    expect(doc.publisher).toEqual({
      name: 'The Centre for Strategic and Policy Studies (CSPS)',
      about: [
        expect.stringMatching(/^The Centre for Strategic and Policy Studies \(CSPS\) is an independent/),
        expect.stringMatching(/^CSPS does not take/),
      ],
      contact: [
        'Tel: +92 51 555 0100',
        'Email: info@csps.example',
        'Web: www.csps.example',
        'Address: 14 Margalla Road, F-7/3, Islamabad, Pakistan',
      ],
    });
    expect(paragraphTexts(doc)).toContainEqual(
      expect.stringContaining("under the treaty's annexures, the participation of the World Bank"),
    );
    expect(doc.sections.map((section) => section.heading)).toEqual([
      null,
      'WHAT HAPPENED',
      'ANALYSIS',
      'OUTLOOK',
    ]);
    expect(doc.source).toEqual({
      venue: 'The Diplomat',
      date: '2023-06-03',
      url: 'https://thediplomat.com/2023/06/water-diplomacy-in-the-indus-basin/',
    });
    expect(doc.authorBio.map(blockText)).toEqual([
      expect.stringMatching(/^Dr\. Ayesha Rahman is a Senior Research Fellow/),
    ]);
    expect(everyText(doc)).not.toMatch(/Tel:|Margalla|About CSPS|independent think tank/);
    expectOffsetsAgree(doc);
  });

  it('reads a byline of two names followed by their roles, an abbreviated date, and a photo credit', () => {
    const doc = parseFile(join(FIXTURES, 'myanmar-border-trade-after-the-coup.txt'));
    expect(doc.authors).toEqual([
      { name: 'Ghulam Ali', role: 'Deputy Director, The Hong Kong Research Center for Asian Studies (RCAS)' },
      { name: 'Nian Peng', role: 'Director, The Hong Kong Research Center for Asian Studies (RCAS)' },
    ]);
    expect(doc.published).toBe('2022-09-08');
    expect(doc.sections.map((section) => section.heading)).toEqual([
      null,
      'BACKGROUND AND CONTEXT',
      "RISKS FOR CHINA'S BRI",
    ]);
    expect(paragraphTexts(doc)[0]).toMatch(/^Trade across the China-Myanmar border/);
    expect(paragraphTexts(doc)).toContainEqual(
      expect.stringContaining('linking Yunnan to the deep-sea port planned at Kyaukphyu'),
    );
    const figure = articleBlocks(doc).find((block) => block.type === 'figure');
    expect(figure).toMatchObject({
      caption: [
        { type: 'text', text: 'The ' },
        { type: 'emphasis', text: 'Kyaukphyu' },
        { type: 'text', text: ' deep-sea port site in Rakhine State.' },
      ],
      credit: 'Xinhua',
    });
    expect(doc.source).toEqual({
      venue: 'South China Morning Post (SCMP)',
      date: '2022-09-07',
      url: 'https://www.scmp.com/comment/opinion/article/3191756/myanmar-border-trade-after-coup',
    });
    expect(doc.authorBio.map(blockText)).toEqual([
      'Dr. Ghulam Ali is Deputy Director of RCAS.',
      'Dr. Nian Peng is Director of RCAS.',
    ]);
    expect(everyText(doc)).not.toMatch(/Address:|About RCAS|nonprofit research organization/);
    expectOffsetsAgree(doc);
  });

  it('gives repeated paragraphs distinct ids and repeated headings distinct section ids', () => {
    const text = [
      'RCAS Commentary',
      'A Title',
      'Jane Doe',
      'Fellow, Somewhere',
      'January 2, 2020',
      'Same words again.',
      'OUTLOOK',
      'Same words again.',
      'OUTLOOK',
      'Different words.',
    ].join('\n\n');
    const doc = parseRcasText(text, 'repeats.txt');
    const ids = articleBlocks(doc).map((block) => block.id);
    expect(ids[1]).toBe(`${ids[0]}-2`);
    expect(doc.sections.map((section) => section.id)).toEqual(['s-intro', 's-outlook', 's-outlook-2']);
    expect(doc.publisher).toBeNull();
    expect(doc.source).toBeNull();
    expect(doc.authorBio).toEqual([]);
  });

  it('makes only http(s) URLs into links', () => {
    const text = [
      'RCAS Commentary',
      'A Title',
      'January 2, 2020',
      'See <ftp://files.example/x> and <https://example.org/a>.',
    ].join('\n\n');
    const runs = (articleBlocks(parseRcasText(text, 'links.txt'))[0] as Extract<Block, { type: 'paragraph' }>)
      .runs;
    expect(runs).toEqual([
      { type: 'text', text: 'See ftp://files.example/x and ' },
      { type: 'link', text: 'https://example.org/a', href: 'https://example.org/a' },
      { type: 'text', text: '.' },
    ]);
  });
});

describe('parseRcasText on header and layout variants', () => {
  const join2 = (...chunks: string[]): string => chunks.join('\n\n');

  it('reads a header without a series line when the title and byline repeat above the article', () => {
    const doc = parseRcasText(
      join2(
        'Why Gwadar Matters',
        'Jane Doe',
        'Research Fellow, Some Institute',
        '2 January 2021',
        'Why Gwadar Matters',
        'Jane Doe',
        'Body text.',
      ),
      'no-series.txt',
    );
    expect(doc).toMatchObject({
      series: null,
      title: 'Why Gwadar Matters',
      authors: [{ name: 'Jane Doe', role: 'Research Fellow, Some Institute' }],
    });
    expect(paragraphTexts(doc)).toEqual(['Body text.']);
  });

  it('skips a repeated byline with its role above the article', () => {
    const doc = parseRcasText(
      join2(
        'RCAS Commentary',
        'A Title',
        'Jane Doe',
        'Fellow, Some Institute',
        'May 4, 2022',
        'A Title',
        'Jane Doe\nFellow, Some Institute',
        'Body.',
      ),
      'byline.txt',
    );
    expect(paragraphTexts(doc)).toEqual(['Body.']);
  });

  it('reads a "By" byline, and a header given as one block of lines', () => {
    const doc = parseRcasText(
      'Gwadar and the Gulf\nBy Jane Doe and John Roe\n2021-01-02\n\nBody text.',
      'by.txt',
    );
    expect(doc).toMatchObject({
      series: null,
      title: 'Gwadar and the Gulf',
      authors: [
        { name: 'Jane Doe', role: null },
        { name: 'John Roe', role: null },
      ],
      published: '2021-01-02',
    });
  });

  it('takes a short title-case line before a new sentence as a heading, not as a broken paragraph', () => {
    const doc = parseRcasText(
      join2(
        'RCAS Commentary',
        'A Title',
        'March 1, 2024',
        'Opening text.',
        'Policy Options',
        'First, talk.',
        'About the Belt and Road',
        'It is large.',
      ),
      'title-case.txt',
    );
    expect(doc.sections.map((section) => section.heading)).toEqual([
      null,
      'Policy Options',
      'About the Belt and Road',
    ]);
    expect(doc.publisher).toBeNull();
  });

  it('reads a figure credit in full-width parentheses and a figure without a credit', () => {
    const doc = parseRcasText(
      join2(
        'RCAS Commentary',
        'A Title',
        'March 1, 2024',
        'Text.',
        '▲ 港口（新华社）',
        '▲ A map of the corridor.',
      ),
      'fig.txt',
    );
    const figures = articleBlocks(doc).filter((block) => block.type === 'figure');
    expect(
      figures.map((figure) => [blockText(figure), figure.type === 'figure' ? figure.credit : undefined]),
    ).toEqual([
      ['港口', '新华社'],
      ['A map of the corridor.', null],
    ]);
  });
});

describe('parseRcasText on malformed exports', () => {
  it('names the file and line when there is no recognisable title', () => {
    const prose =
      '\n\nThis file starts with a long sentence of prose, not a header, so there is no series line and no title to be found anywhere at the top of it.\n';
    expect(() => parseRcasText(prose, 'content/prose.txt')).toThrow(ContentError);
    expect(() => parseRcasText(prose, 'content/prose.txt')).toThrow(
      /^content\/prose\.txt:3: no recognisable title/,
    );
  });

  it('does not take a lone series line for the title', () => {
    const text = ['', 'RCAS Commentary', 'November 20, 2024', 'Some text.'].join('\n\n');
    expect(() => parseRcasText(text, 'series-only.txt')).toThrow(
      /^series-only\.txt:3: no recognisable title/,
    );
  });

  it('names the line of a date that does not exist', () => {
    const text = ['RCAS Commentary', 'A Title', 'Jane Doe', 'February 30, 2024', 'Some text.'].join('\n\n');
    expect(() => parseRcasText(text, 'bad-date.txt')).toThrow(
      /^bad-date\.txt:7: "February 30, 2024" is not a real date/,
    );
  });

  it('refuses a header with no article after it', () => {
    const text = ['RCAS Commentary', 'A Title', 'Jane Doe', 'March 1, 2024'].join('\n\n');
    expect(() => parseRcasText(text, 'header-only.txt')).toThrow(/^header-only\.txt:\d+: no article text/);
  });

  it('refuses a figure without a caption', () => {
    const text = ['RCAS Commentary', 'A Title', 'March 1, 2024', 'Some text.', '▲ (Reuters)'].join('\n\n');
    expect(() => parseRcasText(text, 'figure.txt')).toThrow(/^figure\.txt:9: a figure \(▲\) has no caption/);
  });
});
