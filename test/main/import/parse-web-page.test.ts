import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, Document } from '../../../main/api';
import { importFile } from '../../../main/import/import-file';
import { blockText } from '../../../main/library/canonical-text';

/** A local server that counts every request: a page that loads anything would show up here. */
let server: Server;
let base = '';
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.end('alert(1)');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const prose = (n: number) =>
  `Paragraph ${n} of the saved article explains how river basins are shared between states, why treaties age, and what a fair allocation of water might look like when the climate shifts the seasons.`;

function savedPage(): string {
  return `<!doctype html><html><head><meta charset="utf-8">
  <title>Rivers Without Borders | Example Review</title>
  <meta property="og:site_name" content="Example Review">
  <meta property="og:title" content="Rivers Without Borders">
  <meta name="author" content="Jane Doe">
  <meta property="article:published_time" content="2025-03-04T09:00:00Z">
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Rivers Without Borders","author":{"@type":"Person","name":"Jane Doe"},"datePublished":"2025-03-04"}</script>
  <script src="${base}/tracker.js"></script>
  <script>document.title = 'HACKED'; fetch('${base}/inline-script');</script>
  <link rel="stylesheet" href="${base}/style.css">
  </head><body onload="fetch('${base}/onload')">
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <article>
    <h1>Rivers Without Borders</h1>
    <p class="byline">By Jane Doe</p>
    <p>${prose(1)} See <a href="https://example.org/treaty">the treaty text</a> and
       <a href="javascript:fetch('${base}/js-link')">this link</a> and <a href="/relative">that one</a>.</p>
    <p onclick="fetch('${base}/onclick')">${prose(2)} <em>Emphasis stays</em> and <strong>so does strength</strong>.</p>
    <img src="${base}/remote.png" onerror="fetch('${base}/onerror')">
    <iframe src="${base}/frame.html"></iframe>
    <h2>The Upstream View</h2>
    <p>${prose(3)}</p>
    <figure><img src="${base}/dam.jpg" alt="A dam"><figcaption>The dam at the border, 2024.</figcaption></figure>
    <p>${prose(4)}</p>
    <h2>The Downstream View</h2>
    <p>${prose(5)}</p>
    <p>${prose(6)}</p>
  </article>
  <footer>Copyright Example Review. <a href="/subscribe">Subscribe</a></footer>
  </body></html>`;
}

let doc: Document;

beforeAll(async () => {
  const result = await importFile(new TextEncoder().encode(savedPage()), 'rivers.html');
  if (!result.ok) throw new Error(result.message);
  expect(result.source.kind).toBe('html');
  doc = result.document;
});

const paragraphs = (blocks: Block[]) => blocks.filter((b) => b.type === 'paragraph').map(blockText);

describe('parseWebPage', () => {
  it('reads title, byline, site name and published date from the page’s meta tags and schema.org', () => {
    expect(doc.title).toBe('Rivers Without Borders');
    expect(doc.authors).toEqual([{ name: 'Jane Doe', role: null }]);
    expect(doc.published).toBe('2025-03-04');
    expect(doc.source).toEqual({ venue: 'Example Review', date: '2025-03-04', url: null });
  });

  it('keeps the article in sections under its headings, with the figure’s caption, and drops the page around it', () => {
    expect(doc.sections.map((s) => s.heading)).toEqual([null, 'The Upstream View', 'The Downstream View']);
    expect(paragraphs(doc.sections[1]?.blocks ?? [])).toEqual([prose(3), prose(4)]);
    expect(doc.sections[1]?.blocks[1]).toMatchObject({
      type: 'figure',
      caption: [{ type: 'text', text: 'The dam at the border, 2024.' }],
    });
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/Subscribe|Home|World/);
  });

  it('keeps emphasis and http(s) links, and keeps only the text of any other link', () => {
    const first = doc.sections[0]?.blocks.find(
      (b) => b.type === 'paragraph' && blockText(b).startsWith('Paragraph 1'),
    );
    expect(first?.type === 'paragraph' && first.runs).toContainEqual({
      type: 'link',
      text: 'the treaty text',
      href: 'https://example.org/treaty',
    });
    const links = doc.sections
      .flatMap((s) => s.blocks)
      .flatMap((b) => (b.type === 'paragraph' ? b.runs : []));
    expect(links.filter((run) => run.type === 'link')).toHaveLength(1);
    expect(blockText(first as Block)).toContain('and this link and that one.');
    const second = doc.sections[0]?.blocks.find(
      (b) => b.type === 'paragraph' && blockText(b).startsWith('Paragraph 2'),
    );
    expect(second?.type === 'paragraph' && second.runs).toEqual(
      expect.arrayContaining([
        { type: 'emphasis', text: 'Emphasis stays' },
        { type: 'strong', text: 'so does strength' },
      ]),
    );
  });

  it('runs no script and loads nothing, and none of the page’s code reaches the document', () => {
    expect(requests).toEqual([]);
    expect(doc.title).not.toBe('HACKED');
    const text = JSON.stringify(doc);
    for (const trace of [
      'javascript:',
      'onclick',
      'onerror',
      'onload',
      '<script',
      'iframe',
      'remote.png',
      'fetch(',
    ])
      expect(text).not.toContain(trace);
  });

  it('refuses a page with no article in it, in one line', async () => {
    const result = await importFile(
      new TextEncoder().encode('<!doctype html><html><body></body></html>'),
      'blank.html',
    );
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/^blank\.html: (no article found|the web page has no article text)/),
    });
  });
});
