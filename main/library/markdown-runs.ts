import type { PhrasingContent } from 'mdast';
import type { InlineRun } from '../api';
import { plainTextOf } from '../markdown/read-markdown';
import { isHttpUrl } from './parse-inline';

/**
 * A paragraph of the Markdown tree → the flat runs of the `Document` model. Runs cannot nest, so
 * each piece of text keeps its strongest style: text that is both emphasised and strong is strong,
 * and a link keeps only its words. Only http(s) URLs become links: anything else (javascript:,
 * file:, mailto:) keeps its words as text, so content can never smuggle a dangerous href into the
 * reader. Whitespace is collapsed and the ends are trimmed, as the lines of a paragraph are joined.
 */
export function runsOf(nodes: PhrasingContent[]): InlineRun[] {
  const runs: InlineRun[] = [];
  for (const node of nodes) addRuns(runs, node, 'text', 0);
  return tidyRuns(runs);
}

type Style = 'text' | 'emphasis' | 'strong';

/** Emphasis in strong in emphasis… deeper than this keeps the style it has reached. */
const MAX_DEPTH = 12;

function addRuns(runs: InlineRun[], node: PhrasingContent, style: Style, depth: number): void {
  if (depth >= MAX_DEPTH) {
    push(runs, { type: style, text: plainTextOf(node) });
    return;
  }
  switch (node.type) {
    case 'emphasis':
      for (const child of node.children)
        addRuns(runs, child, style === 'strong' ? 'strong' : 'emphasis', depth + 1);
      return;
    case 'strong':
      for (const child of node.children) addRuns(runs, child, 'strong', depth + 1);
      return;
    case 'link':
      if (isHttpUrl(node.url)) {
        runs.push({ type: 'link', text: plainTextOf(node).replace(/\s+/g, ' ') || node.url, href: node.url });
        return;
      }
      for (const child of node.children) addRuns(runs, child, style, depth + 1);
      return;
    default:
      push(runs, { type: style, text: plainTextOf(node) });
  }
}

/** Adds a run, merging it into the last one when they look the same. */
function push(runs: InlineRun[], run: InlineRun): void {
  const last = runs[runs.length - 1];
  if (run.type !== 'link' && last?.type === run.type) last.text += run.text;
  else runs.push(run);
}

function tidyRuns(runs: InlineRun[]): InlineRun[] {
  const tidied: InlineRun[] = [];
  for (const run of runs) push(tidied, { ...run, text: run.text.replace(/\s+/g, ' ') });
  while (tidied[0] && tidied[0].text.trim() === '') tidied.shift();
  while (tidied.at(-1) && tidied.at(-1)?.text.trim() === '') tidied.pop();
  const first = tidied[0];
  if (first) first.text = first.text.trimStart();
  const last = tidied.at(-1);
  if (last) last.text = last.text.trimEnd();
  return tidied.filter((run) => run.text !== '');
}

/** The runs that cover `[from, to)` of the runs' joined text, cut at both ends. */
export function sliceRuns(runs: InlineRun[], from: number, to: number): InlineRun[] {
  const sliced: InlineRun[] = [];
  let at = 0;
  for (const run of runs) {
    const start = Math.max(from - at, 0);
    const end = Math.min(to - at, run.text.length);
    if (end > start) sliced.push({ ...run, text: run.text.slice(start, end) });
    at += run.text.length;
  }
  return sliced;
}
