/**
 * A parsed Document laid out as a think tank lays out its commentary (series line, large title, byline
 * with roles, date, an "About" box of the publisher, sections, figures with captions, source line, bio),
 * for printing to PDF. The structure the importer reads back must equal the Document's.
 */
import type { Block, Document } from '../../../main/api';
import { blockText } from '../../../main/library/canonical-text';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function blockHtml(block: Block): string {
  if (block.type === 'paragraph') return `<p>${escape(blockText(block))}</p>`;
  const credit = block.credit === null ? '' : ` (${escape(block.credit)})`;
  return `<figure><div class="photo"></div><figcaption>▲ ${escape(blockText(block))}${credit}</figcaption></figure>`;
}

const STYLE = `
  body { font-family: 'Liberation Serif', serif; font-size: 11pt; line-height: 1.35; }
  .series { font-size: 10pt; }
  h1 { font-size: 22pt; line-height: 1.2; margin: 6pt 0 10pt; }
  .byline p { margin: 2pt 0; }
  .about { border: 1px solid #999; padding: 6pt; font-size: 9pt; }
  .about h3 { font-size: 12pt; }
  h2 { font-size: 14pt; margin: 14pt 0 6pt; }
  p { margin: 0 0 8pt; text-align: justify; }
  figure { margin: 8pt 0; }
  .photo { height: 120pt; border: 1px solid #bbb; }
  figcaption { font-size: 9pt; margin-top: 4pt; }
  h3.bio { font-size: 12pt; }
`;

export function articleHtml(doc: Document): string {
  const byline = doc.authors
    .map((author) => `<p>${escape(author.name)}</p>${author.role ? `<p>${escape(author.role)}</p>` : ''}`)
    .join('');
  const about = doc.publisher
    ? `<div class="about"><h3>About ${escape(doc.publisher.name === 'The Hong Kong Research Center for Asian Studies (RCAS)' ? 'RCAS' : doc.publisher.name)}</h3>${doc.publisher.about
        .map((text) => `<p>${escape(text)}</p>`)
        .join('')}${doc.publisher.contact.map((line) => `<p>${escape(line)}</p>`).join('')}</div>`
    : '';
  const sections = doc.sections
    .map(
      (section) =>
        `${section.heading === null ? '' : `<h2>${escape(section.heading)}</h2>`}${section.blocks.map(blockHtml).join('')}`,
    )
    .join('');
  const date = doc.published
    ? new Date(`${doc.published}T00:00:00Z`).toLocaleDateString('en-US', {
        month: 'long',
        day: 'numeric',
        year: 'numeric',
        timeZone: 'UTC',
      })
    : '';
  const source = doc.source
    ? `<p>The article was first published at ${escape(doc.source.venue)}${doc.source.url ? `, ${escape(doc.source.url)}` : ''}.</p>`
    : '';
  const bio =
    doc.authorBio.length > 0
      ? `<h3 class="bio">About Author</h3>${doc.authorBio.map(blockHtml).join('')}`
      : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(doc.title)}</title><style>${STYLE}</style></head><body>
<p class="series">${escape(doc.series ?? '')}</p><h1>${escape(doc.title)}</h1><div class="byline">${byline}<p>${date}</p></div>
${about}${sections}${source}${bio}</body></html>`;
}
