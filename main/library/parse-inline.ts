import type { InlineRun } from '../api';

/**
 * Inline markup → runs. Both source formats share it: the RCAS export uses `*emphasis*`, `**strong**`
 * and `<https://…>`; Markdown adds `_emphasis_`, `__strong__`, `[text](url)`, `` `code` `` and
 * backslash escapes. Runs are flat (the model has no nesting), so markup inside a link or a strong run
 * keeps its text and loses its styling. Only http(s) URLs become links: anything else (javascript:,
 * file:, mailto:) stays as plain text, so content can never smuggle a dangerous href into the reader.
 */

export interface InlineSyntax {
  /** Markdown extras: `_`, `__`, `[text](url)`, code spans, backslash escapes. */
  markdown: boolean;
}

const HTTP_URL = /^https?:\/\/[^\s<>]+$/i;
const AUTOLINK = /^<([a-z][a-z0-9+.-]*:[^\s<>]*)>/i;
// The URL may hold one level of balanced parentheses, as CommonMark allows.
const MD_LINK = /^\[((?:\\.|[^\]\\])*)\]\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\))*)>?(?:\s+"[^"]*")?\s*\)/;
const ESCAPABLE = /[\\`*_{}[\]()#+\-.!<>|~"]/;

export function isHttpUrl(url: string): boolean {
  return HTTP_URL.test(url);
}

function push(runs: InlineRun[], run: InlineRun): void {
  if (run.text === '') return;
  const last = runs[runs.length - 1];
  if (run.type === 'text' && last?.type === 'text') {
    last.text += run.text;
    return;
  }
  runs.push(run);
}

/** Delimiter runs open only before a non-space and close only after one, as in CommonMark. */
function findClosing(text: string, from: number, delimiter: string, markdown: boolean): number {
  let i = from;
  while (i < text.length) {
    if (markdown && text[i] === '\\') {
      i += 2;
      continue;
    }
    const at = text.indexOf(delimiter, i);
    if (at < 0) return -1;
    const before = text[at - 1] ?? ' ';
    const after = text[at + delimiter.length] ?? ' ';
    const closesHere = at > from && !/\s/.test(before);
    // A single `*` must not close on the first star of a `**`; `_` must not close inside a word.
    const partOfLonger = delimiter.length === 1 && after === delimiter[0];
    const intraword = delimiter[0] === '_' && /[\p{L}\p{N}]/u.test(after);
    if (closesHere && !partOfLonger && !intraword) return at;
    i = at + delimiter.length + (partOfLonger ? 1 : 0);
  }
  return -1;
}

/** The plain text of a fragment of markup (used for link text and nested markup, which runs cannot hold). */
export function plainText(text: string, syntax: InlineSyntax): string {
  return parseInline(text, syntax)
    .map((run) => run.text)
    .join('');
}

export function parseInline(text: string, syntax: InlineSyntax): InlineRun[] {
  const runs: InlineRun[] = [];
  let plain = '';
  const flush = (): void => {
    push(runs, { type: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i] as string;

    if (syntax.markdown && ch === '\\' && i + 1 < text.length && ESCAPABLE.test(text[i + 1] as string)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }

    if (ch === '<') {
      const auto = AUTOLINK.exec(rest);
      if (auto) {
        const url = auto[1] as string;
        flush();
        push(runs, isHttpUrl(url) ? { type: 'link', text: url, href: url } : { type: 'text', text: url });
        i += auto[0].length;
        continue;
      }
    }

    if (syntax.markdown && ch === '[') {
      const link = MD_LINK.exec(rest);
      if (link) {
        const label = plainText(link[1] as string, syntax);
        const url = link[2] as string;
        flush();
        push(
          runs,
          isHttpUrl(url) ? { type: 'link', text: label || url, href: url } : { type: 'text', text: label },
        );
        i += link[0].length;
        continue;
      }
    }

    if (syntax.markdown && ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        plain += text.slice(i + 1, end);
        i = end + 1;
        continue;
      }
    }

    if (ch === '*' || (syntax.markdown && ch === '_')) {
      const double = text[i + 1] === ch;
      const delimiter = double ? ch + ch : ch;
      const openBefore = text[i - 1] ?? ' ';
      const next = text[i + delimiter.length] ?? ' ';
      const canOpen = !/\s/.test(next) && !(ch === '_' && /[\p{L}\p{N}]/u.test(openBefore));
      if (canOpen) {
        const close = findClosing(text, i + delimiter.length, delimiter, syntax.markdown);
        if (close > 0) {
          const inner = plainText(text.slice(i + delimiter.length, close), syntax);
          flush();
          push(runs, { type: double ? 'strong' : 'emphasis', text: inner });
          i = close + delimiter.length;
          continue;
        }
      }
    }

    plain += ch;
    i += 1;
  }
  flush();
  return runs;
}
