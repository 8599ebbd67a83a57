import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Document, InlineRun } from '../api';
import { ContentError } from '../errors';
import { assembleDocument, type BlockDraft, type SectionDraft } from '../library/assemble-document';
import { isHttpUrl } from '../library/parse-inline';

/**
 * A saved web page → `Document`, through Mozilla's Readability over linkedom. linkedom is a DOM without
 * a script engine and without a network: a page's scripts, event handlers, `javascript:` URLs, images
 * and iframes are inert markup to it, nothing runs and nothing loads (jsdom could be set up the same
 * way, but it *has* a script engine and a resource loader that a wrong option turns on). Readability
 * picks the article; the article's HTML is then read into blocks and runs, keeping only text,
 * emphasis and http(s) links, so none of the page's markup reaches the reader.
 */

const HEADING = /^H[1-6]$/;
/** Elements that end the paragraph being collected. */
const BLOCK =
  /^(?:P|DIV|SECTION|ARTICLE|ASIDE|HEADER|FOOTER|MAIN|NAV|UL|OL|LI|DL|DT|DD|BLOCKQUOTE|PRE|TABLE|THEAD|TBODY|TR|TD|TH|CAPTION|FIGURE|FIGCAPTION|HR|BR|FORM|FIELDSET|DETAILS|SUMMARY|ADDRESS|H[1-6])$/;
/** Elements whose content is never text of the article. */
const SKIP =
  /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE|IFRAME|OBJECT|EMBED|SVG|MATH|CANVAS|VIDEO|AUDIO|BUTTON|SELECT|TEXTAREA|INPUT|HEAD)$/;

type Style = 'text' | 'emphasis' | 'strong';

interface Walker {
  sections: SectionDraft[];
  runs: InlineRun[];
}

function pushRun(runs: InlineRun[], run: InlineRun): void {
  const last = runs.at(-1);
  if (last && last.type === run.type && last.type !== 'link' && run.type !== 'link') last.text += run.text;
  else runs.push(run);
}

/** Closes the paragraph being collected: white space collapsed, empty runs dropped. */
function flush(walker: Walker, as: 'paragraph' | 'caption' = 'paragraph'): InlineRun[] | null {
  const runs = walker.runs;
  walker.runs = [];
  let text = '';
  const cleaned: InlineRun[] = [];
  for (const run of runs) {
    let value = run.text.replace(/\s+/g, ' ');
    if (text === '' || text.endsWith(' ')) value = value.replace(/^ /, '');
    if (value === '') continue;
    text += value;
    pushRun(cleaned, { ...run, text: value });
  }
  const last = cleaned.at(-1);
  if (last) last.text = last.text.replace(/ $/, '');
  if (last?.text === '') cleaned.pop();
  if (cleaned.length === 0) return null;
  if (as === 'paragraph')
    (walker.sections.at(-1) as SectionDraft).blocks.push({ type: 'paragraph', runs: cleaned });
  return cleaned;
}

function textOf(node: Node): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function walk(node: Node, walker: Walker, style: Style): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      pushRun(walker.runs, { type: style, text: child.textContent ?? '' });
      continue;
    }
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const tag = element.tagName.toUpperCase();
    if (SKIP.test(tag)) continue;
    if (HEADING.test(tag)) {
      flush(walker);
      const heading = textOf(element);
      if (heading !== '') walker.sections.push({ heading, blocks: [] });
    } else if (tag === 'FIGURE') {
      flush(walker);
      const caption = element.querySelector('figcaption');
      if (caption) {
        walk(caption, walker, 'text');
        const runs = flush(walker, 'caption');
        if (runs) (walker.sections.at(-1) as SectionDraft).blocks.push(figureDraft(runs));
      }
    } else if (tag === 'A') {
      const href = (element.getAttribute('href') ?? '').trim();
      const text = element.textContent ?? '';
      if (isHttpUrl(href) && text.trim() !== '') walker.runs.push({ type: 'link', text, href });
      else walk(element, walker, style);
    } else if (tag === 'IMG') {
      continue;
    } else if (BLOCK.test(tag)) {
      flush(walker);
      walk(element, walker, 'text');
      flush(walker);
    } else {
      const inner: Style = /^(?:EM|I|CITE|DFN|VAR)$/.test(tag)
        ? 'emphasis'
        : /^(?:STRONG|B)$/.test(tag)
          ? 'strong'
          : style;
      walk(element, walker, inner);
    }
  }
}

function figureDraft(caption: InlineRun[]): BlockDraft {
  return { type: 'figure', caption, credit: null };
}

function isoDate(value: string | null | undefined): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!match) return null;
  const date = new Date(`${match[0]}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : match[0];
}

function canonicalUrl(document: globalThis.Document): string | null {
  const candidates = [
    document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  return (
    candidates.find((url): url is string => typeof url === 'string' && isHttpUrl(url.trim()))?.trim() ?? null
  );
}

export function parseWebPage(html: string, fileName: string): Document {
  const { document } = parseHTML(html) as unknown as { document: globalThis.Document };
  const url = canonicalUrl(document);
  const article = new Readability(document, { keepClasses: false }).parse();
  if (article === null || !article.content)
    throw new ContentError(fileName, null, 'no article found in this web page');
  const { document: body } = parseHTML(
    `<!doctype html><html><body>${article.content}</body></html>`,
  ) as unknown as { document: globalThis.Document };
  const walker: Walker = { sections: [{ heading: null, blocks: [] }], runs: [] };
  walk(body.body, walker, 'text');
  flush(walker);
  const title =
    (article.title ?? '').replace(/\s+/g, ' ').trim() || textOf(document.querySelector('title') ?? document);
  if (!walker.sections.some((section) => section.blocks.length > 0))
    throw new ContentError(fileName, null, 'the web page has no article text');
  const published = isoDate(article.publishedTime);
  const siteName = article.siteName?.replace(/\s+/g, ' ').trim() || null;
  const byline = article.byline?.replace(/\s+/g, ' ').trim() || null;
  return assembleDocument(
    fileName,
    {
      title: title.slice(0, 300) || fileName,
      series: null,
      authors: byline ? [{ name: byline, role: null }] : [],
      published,
      publisher: null,
      source:
        siteName || url ? { venue: siteName ?? new URL(url as string).hostname, date: published, url } : null,
      tags: [],
    },
    walker.sections,
    [],
  );
}
