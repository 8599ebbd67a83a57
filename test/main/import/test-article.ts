/**
 * The test article printed to PDF: a wrapped title, a byline with a role, a date, sections, a figure
 * with a caption and credit, a two-column stretch, paragraphs long enough to cross pages, and a soft
 * and a real hyphen at line ends (the line breaks are forced, so each hyphen ends a line).
 */
const TOPICS = ['grid', 'tariff', 'storage', 'transmission', 'regulator', 'market', 'demand', 'supply'];

/** Distinct prose: paragraph `n` has `sentences` sentences, each naming its paragraph and place. */
function paragraphText(n: number, sentences: number): string {
  return Array.from({ length: sentences }, (_, i) => {
    const topic = TOPICS[(n + i) % TOPICS.length] as string;
    return `Paragraph ${n} sentence ${i + 1} says the ${topic} needs power and a purchase plan that works for every province and its people.`;
  }).join(' ');
}

export const TITLE =
  'How Regional Grids Could Carry the Energy Transition Across Borders Without Losing Their Reliability';
const HYPHENATED_SOURCE =
  'The utilities signed a power-<br>purchase agreement last year, and the regulator weighed an al-<br>ternative tariff for the grid.';
export const HYPHENATED =
  'The utilities signed a power-purchase agreement last year, and the regulator weighed an alternative tariff for the grid.';

export const SECTIONS: { heading: string | null; paragraphs: string[]; columns?: boolean }[] = [
  { heading: null, paragraphs: [paragraphText(1, 6), paragraphText(2, 5)] },
  {
    heading: 'Background',
    paragraphs: [paragraphText(3, 9), HYPHENATED, paragraphText(4, 12), paragraphText(5, 10)],
  },
  {
    heading: 'Two Columns of Evidence',
    paragraphs: [paragraphText(6, 8), paragraphText(7, 7)],
    columns: true,
  },
  {
    heading: 'What Comes Next',
    paragraphs: [paragraphText(8, 12), paragraphText(9, 14), paragraphText(10, 4)],
  },
];

export function testArticle(): string {
  const body = SECTIONS.map((section) => {
    const paragraphs = section.paragraphs
      .map((text) => `<p>${text === HYPHENATED ? HYPHENATED_SOURCE : text}</p>`)
      .join('');
    const figure =
      section.heading === 'Background'
        ? '<figure><div class="photo"></div><figcaption>Figure 1: The regional grid in 2024 (Source: Example Agency)</figcaption></figure>'
        : '';
    return `${section.heading ? `<h2>${section.heading}</h2>` : ''}${
      section.columns ? `<div style="column-count: 2; column-gap: 12mm">${paragraphs}</div>` : paragraphs
    }${figure}`;
  }).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Brief 7</title><style>
    body { font-family: 'Liberation Serif', serif; font-size: 11pt; line-height: 1.35; }
    h1 { font-size: 22pt; } h2 { font-size: 14pt; } p { margin: 0 0 8pt; text-align: justify; }
    .photo { height: 100pt; border: 1px solid #999; } figcaption { font-size: 9pt; }
  </style></head><body><h1>${TITLE}</h1><p>By Jane Doe and John Roe</p><p>Senior Fellow, Example Institute</p>
  <p>20 May 2025</p>${body}</body></html>`;
}
