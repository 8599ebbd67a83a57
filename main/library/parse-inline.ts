import type { InlineRun } from '../api';

/**
 * Inline markup of the RCAS plain-text export → runs: `*emphasis*`, `**strong**` and `<https://…>`.
 * Underscores, brackets and backticks are not markup there. Markdown is read as CommonMark by
 * `main/markdown` (see `markdown-runs.ts`), not here. Only http(s) URLs become links: anything else
 * stays as plain text, so content can never smuggle a dangerous href into the reader.
 */

export interface InlineSyntax {
  /** Must be false: Markdown is read by `main/markdown`. Kept so the RCAS reader's calls read the same. */
  markdown: boolean;
}

const HTTP_URL = /^https?:\/\/[^\s<>]+$/i;
const AUTOLINK = /^<([a-z][a-z0-9+.-]*:[^\s<>]*)>/i;

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
function findClosing(text: string, from: number, delimiter: string): number {
  let i = from;
  while (i < text.length) {
    const at = text.indexOf(delimiter, i);
    if (at < 0) return -1;
    const before = text[at - 1] ?? ' ';
    const after = text[at + delimiter.length] ?? ' ';
    const closesHere = at > from && !/\s/.test(before);
    // A single `*` must not close on the first star of a `**`.
    const partOfLonger = delimiter.length === 1 && after === delimiter[0];
    if (closesHere && !partOfLonger) return at;
    i = at + delimiter.length + (partOfLonger ? 1 : 0);
  }
  return -1;
}

/** The plain text of a fragment of markup (used for nested markup, which runs cannot hold). */
export function plainText(text: string, syntax: InlineSyntax): string {
  return parseInline(text, syntax)
    .map((run) => run.text)
    .join('');
}

export function parseInline(text: string, syntax: InlineSyntax): InlineRun[] {
  if (syntax.markdown)
    throw new Error('parseInline reads the RCAS export only: read Markdown with main/markdown');
  const runs: InlineRun[] = [];
  let plain = '';
  const flush = (): void => {
    push(runs, { type: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;

    if (ch === '<') {
      const auto = AUTOLINK.exec(text.slice(i));
      if (auto) {
        const url = auto[1] as string;
        flush();
        push(runs, isHttpUrl(url) ? { type: 'link', text: url, href: url } : { type: 'text', text: url });
        i += auto[0].length;
        continue;
      }
    }

    if (ch === '*') {
      const double = text[i + 1] === ch;
      const delimiter = double ? '**' : '*';
      const next = text[i + delimiter.length] ?? ' ';
      if (!/\s/.test(next)) {
        const close = findClosing(text, i + delimiter.length, delimiter);
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
