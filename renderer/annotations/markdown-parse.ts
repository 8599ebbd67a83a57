import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import {
  markdownPlainText as plainTextOfMarkdown,
  plainTextOf,
  readMarkdown,
} from '../../main/markdown/read-markdown';

/**
 * The reader's own notes, read as CommonMark by the shared reader (`main/markdown`) and mapped to
 * plain data (never HTML), which `mg-markdown` turns into Lit templates, so a note can never inject
 * markup. Raw HTML is shown as the text it is. Links are kept only for `https:` URLs, written as
 * links or bare in the text; any other link shows its words as text.
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
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

/** Nesting deeper than this (quotes in lists in quotes…) is shown as the plain words it holds. */
const MAX_DEPTH = 6;
/** Emphasis in strong in emphasis… deeper than this is shown as plain words. */
const MAX_INLINE_DEPTH = 12;

/** Parses a note into blocks (shared between callers: read them, never change them). Never throws. */
export const parseMarkdown = remembered((source: string): MdBlock[] =>
  blocksOf(readMarkdown(source).children, 0),
);

/** The note as plain text (for previews and filters): markup dropped, words kept. */
export const markdownPlainText = remembered(plainTextOfMarkdown);

/** At most this many characters of note text are remembered, with what was read from them. */
const REMEMBERED_CHARACTERS = 2_000_000;

/**
 * micromark is thorough but some 20 times slower than the hand-written reader it replaced, and the
 * notebook filters every note on each keystroke: so what a note's text reads as is remembered, the
 * oldest forgotten first.
 */
function remembered<T>(read: (source: string) => T): (source: string) => T {
  const cache = new Map<string, T>();
  let characters = 0;
  return (source) => {
    const known = cache.get(source);
    if (known !== undefined) return known;
    const value = read(source);
    cache.set(source, value);
    characters += source.length;
    for (const [oldest] of cache) {
      if (characters <= REMEMBERED_CHARACTERS) break;
      cache.delete(oldest);
      characters -= oldest.length;
    }
    return value;
  };
}

function blocksOf(nodes: RootContent[], depth: number): MdBlock[] {
  return nodes.flatMap((node) => blockOf(node, depth) ?? []);
}

function blockOf(node: RootContent, depth: number): MdBlock | null {
  switch (node.type) {
    case 'paragraph':
      return { kind: 'paragraph', inlines: inlinesOf(node.children, false, 0) };
    case 'heading':
      return { kind: 'heading', level: node.depth, inlines: inlinesOf(node.children, false, 0) };
    case 'code':
      return { kind: 'code', text: node.value };
    case 'thematicBreak':
      return { kind: 'rule' };
    case 'blockquote':
      if (depth >= MAX_DEPTH) return plainParagraph(node);
      return { kind: 'blockquote', blocks: blocksOf(node.children, depth + 1) };
    case 'list':
      if (depth >= MAX_DEPTH) return plainParagraph(node);
      return {
        kind: 'list',
        ordered: node.ordered === true,
        start: node.start ?? 1,
        items: node.children.map((item) => blocksOf(item.children, depth + 1)),
      };
    default:
      return null;
  }
}

function plainParagraph(node: Nodes): MdBlock {
  return {
    kind: 'paragraph',
    inlines: [{ kind: 'text', text: plainTextOf(node).replace(/\s+/g, ' ').trim() }],
  };
}

function inlinesOf(nodes: PhrasingContent[], inLink: boolean, depth: number): MdInline[] {
  return mergeText(nodes.flatMap((node) => inlineOf(node, inLink, depth)));
}

function inlineOf(node: PhrasingContent, inLink: boolean, depth: number): MdInline[] {
  if (depth >= MAX_INLINE_DEPTH) return [{ kind: 'text', text: plainTextOf(node) }];
  switch (node.type) {
    case 'text': {
      // A soft line break reads as a space, as it does in a browser.
      const text = node.value.replace(/[ \t]*\n[ \t]*/g, ' ');
      return inLink ? [{ kind: 'text', text }] : linkBareUrls(text);
    }
    case 'inlineCode':
      return [{ kind: 'code', text: node.value }];
    case 'break':
      return [{ kind: 'break' }];
    case 'emphasis':
      return [{ kind: 'em', children: inlinesOf(node.children, inLink, depth + 1) }];
    case 'strong':
      return [{ kind: 'strong', children: inlinesOf(node.children, inLink, depth + 1) }];
    case 'link': {
      const href = safeHref(node.url);
      const children = inlinesOf(node.children, inLink || href !== null, depth + 1);
      return href && !inLink ? [{ kind: 'link', href, children }] : children;
    }
    default:
      // Images are not loaded (the app is offline, and a note must not fetch anything): their words are kept.
      return [{ kind: 'text', text: plainTextOf(node) }];
  }
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

/** A bare `https://…` in a note's text is a link; trailing punctuation is the sentence's, not the URL's. */
const BARE_URL = /(^|[\s(])(https:\/\/[^\s<>]*[^\s<>.,;:!?'")\]])/g;

function linkBareUrls(text: string): MdInline[] {
  const out: MdInline[] = [];
  let from = 0;
  for (const match of text.matchAll(BARE_URL)) {
    const url = match[2] as string;
    const href = safeHref(url);
    if (!href) continue;
    const start = (match.index ?? 0) + (match[1] as string).length;
    out.push({ kind: 'text', text: text.slice(from, start) });
    out.push({ kind: 'link', href, children: [{ kind: 'text', text: url }] });
    from = start + url.length;
  }
  out.push({ kind: 'text', text: text.slice(from) });
  return out.filter((inline) => inline.kind !== 'text' || inline.text !== '');
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
