/**
 * A small Markdown reader for the reader's own notes: paragraphs, emphasis, strong, code, lists,
 * block quotes, headings and links. It produces plain data (never HTML), which `mg-markdown` turns
 * into Lit templates, so a note can never inject markup. Links are kept only for `https:` URLs;
 * anything else stays visible as text. Unknown syntax, raw HTML included, is shown literally.
 */

export type MdInline =
  | { kind: 'text'; text: string }
  | { kind: 'em'; children: MdInline[] }
  | { kind: 'strong'; children: MdInline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: MdInline[] }
  | { kind: 'break' };

export type MdBlock =
  | { kind: 'paragraph'; inlines: MdInline[] }
  | { kind: 'heading'; level: number; inlines: MdInline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: MdBlock[][] }
  | { kind: 'blockquote'; blocks: MdBlock[] }
  | { kind: 'code'; text: string };

/** Nesting deeper than this (quotes in lists in quotes…) is read as plain paragraphs. */
const MAX_DEPTH = 6;

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const QUOTE = /^\s{0,3}>\s?/;
const LIST_ITEM = /^(\s{0,3})([-*+]|(\d{1,9})[.)])(\s+|$)/;

/** Parses a note into blocks. Never throws: anything it does not understand is text. */
export function parseMarkdown(source: string): MdBlock[] {
  return parseBlocks(source.replace(/\r\n?/g, '\n').split('\n'), 0);
}

function parseBlocks(lines: string[], depth: number): MdBlock[] {
  const blocks: MdBlock[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index];
    if (line.trim() === '') {
      index++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      index++;
      while (index < lines.length && !lines[index].trimStart().startsWith(fence[1]))
        body.push(lines[index++]);
      index++;
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1].length, inlines: parseInline(heading[2]) });
      index++;
      continue;
    }
    if (depth < MAX_DEPTH && QUOTE.test(line)) {
      const body: string[] = [];
      while (index < lines.length && lines[index].trim() !== '' && QUOTE.test(lines[index])) {
        body.push(lines[index++].replace(QUOTE, ''));
      }
      blocks.push({ kind: 'blockquote', blocks: parseBlocks(body, depth + 1) });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (depth < MAX_DEPTH && item) {
      const ordered = item[3] !== undefined;
      const list: MdBlock & { kind: 'list' } = {
        kind: 'list',
        ordered,
        start: ordered ? Number(item[3]) : 1,
        items: [],
      };
      while (index < lines.length) {
        const marker = LIST_ITEM.exec(lines[index]);
        if (!marker || (marker[3] !== undefined) !== ordered) break;
        const indent = marker[0].length;
        const body = [lines[index].slice(indent)];
        index++;
        // An item goes on over indented lines, and over blank lines followed by indented ones.
        while (index < lines.length) {
          const next = lines[index];
          if (/^\s{2,}\S/.test(next)) body.push(next.replace(/^\s{1,4}/, ''));
          else if (next.trim() === '' && /^\s{2,}\S/.test(lines[index + 1] ?? '')) body.push('');
          else if (next.trim() !== '' && !LIST_ITEM.exec(next) && !QUOTE.test(next) && !FENCE.test(next))
            body.push(next);
          else break;
          index++;
        }
        list.items.push(parseBlocks(body, depth + 1));
        if (lines[index]?.trim() === '' && LIST_ITEM.test(lines[index + 1] ?? '')) index++;
      }
      blocks.push(list);
      continue;
    }
    const paragraph: string[] = [];
    while (index < lines.length) {
      const next = lines[index];
      if (next.trim() === '') break;
      // The first line is always taken, so that a line no other rule took (too deeply nested) is text.
      if (
        paragraph.length > 0 &&
        (FENCE.test(next) || HEADING.test(next) || QUOTE.test(next) || LIST_ITEM.test(next))
      )
        break;
      paragraph.push(next);
      index++;
    }
    blocks.push({ kind: 'paragraph', inlines: parseParagraphLines(paragraph) });
  }
  return blocks;
}

/** Lines of a paragraph: a line ending in two spaces or a backslash is a hard break, others a space. */
function parseParagraphLines(lines: string[]): MdInline[] {
  const inlines: MdInline[] = [];
  lines.forEach((line, index) => {
    const last = index === lines.length - 1;
    const hard = !last && (/ {2,}$/.test(line) || /\\$/.test(line));
    const text = last ? line.trim() : line.trim().replace(/\\$/, '');
    inlines.push(...parseInline(text));
    if (!last) inlines.push(hard ? { kind: 'break' } : { kind: 'text', text: ' ' });
  });
  return mergeText(inlines);
}

/** The `https:` URL a link may point at, or null: nothing else is ever made clickable. */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!<>~|]/;
const BARE_URL = /^https:\/\/[^\s<>]*[^\s<>.,;:!?'")\]]/;

/** Parses inline syntax. Unmatched delimiters stay as literal text. */
export function parseInline(text: string): MdInline[] {
  const out: MdInline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) out.push({ kind: 'text', text: buffer });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length && ESCAPABLE.test(text[i + 1])) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    if (char === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = text.indexOf(run, i + run.length);
      if (close > i) {
        flush();
        out.push({ kind: 'code', text: text.slice(i + run.length, close).replace(/^ (.*) $/, '$1') });
        i = close + run.length;
        continue;
      }
      buffer += run;
      i += run.length;
      continue;
    }
    if (char === '*' || char === '_') {
      const double = text[i + 1] === char;
      const marker = double ? char + char : char;
      const intraword = char === '_' && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]);
      const close = intraword ? -1 : findClosing(text, marker, i + marker.length);
      if (close > 0) {
        flush();
        const children = parseInline(text.slice(i + marker.length, close));
        out.push(double ? { kind: 'strong', children } : { kind: 'em', children });
        i = close + marker.length;
        continue;
      }
      buffer += marker;
      i += marker.length;
      continue;
    }
    if (char === '[') {
      const link = readLink(text, i);
      if (link) {
        flush();
        const children = parseInline(link.label);
        const href = safeHref(link.url);
        if (href) out.push({ kind: 'link', href, children });
        else out.push(...children);
        i = link.end;
        continue;
      }
    }
    if (char === '<') {
      const close = text.indexOf('>', i);
      const inner = close > 0 ? text.slice(i + 1, close) : '';
      const href = /^https:\/\/\S+$/.test(inner) ? safeHref(inner) : null;
      if (href) {
        flush();
        out.push({ kind: 'link', href, children: [{ kind: 'text', text: inner }] });
        i = close + 1;
        continue;
      }
    }
    if (char === 'h' && (i === 0 || /[\s(]/.test(text[i - 1]))) {
      const bare = BARE_URL.exec(text.slice(i));
      const href = bare ? safeHref(bare[0]) : null;
      if (bare && href) {
        flush();
        out.push({ kind: 'link', href, children: [{ kind: 'text', text: bare[0] }] });
        i += bare[0].length;
        continue;
      }
    }
    buffer += char;
    i++;
  }
  flush();
  return mergeText(out);
}

/** Position of the closing delimiter: content must not be empty nor start or end with a space. */
function findClosing(text: string, marker: string, from: number): number {
  if (from >= text.length || /\s/.test(text[from])) return -1;
  let i = from;
  while (i < text.length) {
    if (text[i] === '\\') {
      i += 2;
      continue;
    }
    if (text[i] === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = text.indexOf(run, i + run.length);
      i = close > 0 ? close + run.length : i + run.length;
      continue;
    }
    if (text.startsWith(marker, i)) {
      // Inside `*…*`, a `**` opens or closes strong text: it is never our closing `*`.
      if (marker.length === 1 && text[i + 1] === marker) {
        i += 2;
        continue;
      }
      const after = text[i + marker.length] ?? '';
      const wordAfter = marker[0] === '_' && /[\p{L}\p{N}]/u.test(after);
      if (i > from && !/\s/.test(text[i - 1]) && !wordAfter) return i;
    }
    i++;
  }
  return -1;
}

function readLink(text: string, open: number): { label: string; url: string; end: number } | null {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) {
      if (text[i + 1] !== '(') return null;
      // URLs may hold balanced parentheses (Wikipedia's do): find the one that closes the link.
      let close = -1;
      for (let j = i + 2, parens = 0; j < text.length; j++) {
        if (text[j] === '(') parens++;
        else if (text[j] === ')' && parens-- === 0) {
          close = j;
          break;
        }
      }
      if (close < 0) return null;
      const target =
        text
          .slice(i + 2, close)
          .trim()
          .split(/\s+/)[0] ?? '';
      return { label: text.slice(open + 1, i), url: target.replace(/^<(.*)>$/, '$1'), end: close + 1 };
    }
  }
  return null;
}

function mergeText(inlines: MdInline[]): MdInline[] {
  const merged: MdInline[] = [];
  for (const inline of inlines) {
    const last = merged[merged.length - 1];
    if (inline.kind === 'text' && last?.kind === 'text') last.text += inline.text;
    else merged.push(inline.kind === 'text' ? { ...inline } : inline);
  }
  return merged;
}

/** The note as plain text (for previews and search snippets): markup dropped, words kept. */
export function markdownPlainText(source: string): string {
  const inlineText = (inlines: MdInline[]): string =>
    inlines
      .map((inline) => {
        if (inline.kind === 'text' || inline.kind === 'code') return inline.text;
        if (inline.kind === 'break') return ' ';
        return inlineText(inline.children);
      })
      .join('');
  const blockText = (block: MdBlock): string => {
    switch (block.kind) {
      case 'paragraph':
      case 'heading':
        return inlineText(block.inlines);
      case 'code':
        return block.text;
      case 'blockquote':
        return block.blocks.map(blockText).join(' ');
      case 'list':
        return block.items.map((item) => item.map(blockText).join(' ')).join(' ');
    }
  };
  return parseMarkdown(source).map(blockText).join(' ').replace(/\s+/g, ' ').trim();
}
