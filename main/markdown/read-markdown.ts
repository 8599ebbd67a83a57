import type { Definition, Nodes, Parents, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/**
 * Margin's one Markdown reader, shared by the content build (articles) and the renderer (notes):
 * CommonMark through `mdast-util-from-markdown`. GFM is left out on purpose: it would turn tables,
 * strikethrough, footnotes and task lists into markup neither articles nor notes show today, and it
 * adds a third to the parser's size in the renderer bundle.
 *
 * This module runs in the browser too, so it imports only the parser packages (lint enforces it).
 *
 * The tree is tidied once here, so the two readers of it have less to know:
 * - raw HTML is never HTML: an inline `html` node becomes literal text, a block of HTML becomes a
 *   paragraph of its literal text (shown, not dropped, so a note or article loses nothing);
 * - reference links and images are resolved to plain links and images, and link reference
 *   definitions, which show nothing, are dropped;
 * - neighbouring text nodes are merged.
 */

export interface ReadOptions {
  /**
   * Past this many emphasis and link marks (`*`, `_`, `[`, `]`) the text is not read as Markdown
   * but shown as written, paragraph by paragraph: micromark resolves them in time quadratic in their
   * number (10 kB of `*a ` then `b*` takes seconds), which must never freeze the app on a note.
   * Default 500; articles, which the publisher writes, pass `Infinity`.
   */
  markLimit?: number;
}

const DEFAULT_MARK_LIMIT = 500;
const MARK = /[*_[\]]/g;

/** Reads Markdown into a tidied mdast tree (see above). Never throws. */
export function readMarkdown(source: string, options: ReadOptions = {}): Root {
  const text = source.replace(/\r\n?/g, '\n');
  if ((text.match(MARK) ?? []).length > (options.markLimit ?? DEFAULT_MARK_LIMIT)) return asWritten(text);
  const root = fromMarkdown(text.split('\n').map(capNesting).join('\n'));
  const definitions = new Map<string, Definition>();
  forEachParent(root, (parent) => {
    for (const child of parent.children)
      if (child.type === 'definition') definitions.set(child.identifier, child);
  });
  forEachParent(root, (parent) => {
    const tidied = parent.children.flatMap((child) => tidy(child, parent, definitions));
    (parent as { children: RootContent[] }).children = mergeTexts(tidied);
  });
  return root;
}

/** The words of any node, markup dropped: blocks are joined by a space, inline pieces by nothing. */
export function plainTextOf(node: Nodes): string {
  let text = '';
  // A loop over a stack of nodes and separators, not recursion: a tree can be thousands deep.
  const pending: (Nodes | string)[] = [node];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next === 'string') text += next;
    else if (next.type === 'image') text += next.alt ?? '';
    else if (next.type === 'break') text += ' ';
    else if ('value' in next) text += next.value;
    else if ('children' in next) {
      const separator = BLOCK_PARENTS.has(next.type) ? ' ' : '';
      for (let i = next.children.length - 1; i >= 0; i--) {
        pending.push(next.children[i] as Nodes);
        if (i > 0 && separator) pending.push(separator);
      }
    }
  }
  return text;
}

/** A note or other Markdown as plain text, for previews, filters and search snippets. */
export function markdownPlainText(source: string): string {
  return plainTextOf(readMarkdown(source)).replace(/\s+/g, ' ').trim();
}

/** Text that is too costly to read as Markdown: its paragraphs, each one text as written. */
function asWritten(text: string): Root {
  const paragraphs = text.split(/\n[ \t]*\n/).filter((paragraph) => paragraph.trim() !== '');
  return {
    type: 'root',
    children: paragraphs.map((paragraph) => ({
      type: 'paragraph',
      children: [{ type: 'text', value: paragraph.trim() }],
    })),
  };
}

const BLOCK_PARENTS = new Set<string>(['root', 'blockquote', 'list', 'listItem']);

/** Deeper than this, quote and list markers on one line are text (see `capNesting`). */
const MAX_NESTING = 16;
const CONTAINER_MARKER = /[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*/y;

/**
 * micromark takes time quadratic in the number of quotes or lists one line opens: a 10 kB note of
 * `- - - …` would freeze the app for many seconds. Past `MAX_NESTING` markers the next one is
 * escaped, so the rest of the line is text. Only such lines change; line numbers never do.
 */
function capNesting(line: string): string {
  let at = 0;
  for (let depth = 0; ; depth++) {
    CONTAINER_MARKER.lastIndex = at;
    const marker = CONTAINER_MARKER.exec(line);
    if (!marker) return line;
    if (depth === MAX_NESTING) {
      const punctuation = at + marker[0].trimEnd().length - 1;
      return `${line.slice(0, punctuation)}\\${line.slice(punctuation)}`;
    }
    at = CONTAINER_MARKER.lastIndex;
  }
}

/** Visits every parent node; a loop, not recursion, so a note nested thousands deep cannot overflow the stack. */
function forEachParent(root: Root, visit: (parent: Parents) => void): void {
  const pending: Parents[] = [root];
  for (let parent = pending.pop(); parent; parent = pending.pop()) {
    visit(parent);
    for (const child of parent.children) if ('children' in child) pending.push(child);
  }
}

function tidy(node: RootContent, parent: Parents, definitions: Map<string, Definition>): RootContent[] {
  switch (node.type) {
    case 'html': {
      const text = { type: 'text' as const, value: node.value, position: node.position };
      return BLOCK_PARENTS.has(parent.type)
        ? [{ type: 'paragraph', children: [text], position: node.position }]
        : [text];
    }
    case 'definition':
      return [];
    case 'linkReference': {
      const definition = definitions.get(node.identifier);
      if (!definition) return node.children;
      return [
        {
          type: 'link',
          url: definition.url,
          title: definition.title,
          children: node.children,
          position: node.position,
        },
      ];
    }
    case 'imageReference': {
      const definition = definitions.get(node.identifier);
      if (!definition) return [{ type: 'text', value: node.alt ?? '', position: node.position }];
      return [
        {
          type: 'image',
          url: definition.url,
          title: definition.title,
          alt: node.alt,
          position: node.position,
        },
      ];
    }
    default:
      return [node];
  }
}

function mergeTexts(nodes: RootContent[]): RootContent[] {
  const merged: RootContent[] = [];
  for (const node of nodes) {
    const last = merged[merged.length - 1];
    if (node.type === 'text' && last?.type === 'text') {
      merged[merged.length - 1] = {
        type: 'text',
        value: last.value + node.value,
        position:
          last.position && node.position ? { start: last.position.start, end: node.position.end } : undefined,
      };
    } else merged.push(node);
  }
  return merged;
}
