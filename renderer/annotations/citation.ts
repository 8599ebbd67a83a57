/**
 * "Copy with citation": the quote and its citation in the reader's chosen style, as plain text and as
 * HTML, so a word processor keeps the style's italics. Main formats the citation (citeproc stays out
 * of the renderer); this only puts the quote beside it:
 * - in-text styles: `“quote” (Ali, 2024, sec. Background, para. 5)`, then the reference;
 * - note styles (Chicago notes): `“quote”`, then the footnote.
 */
import type { Citation, FormattedText } from '../../main/api';

/** Joins lines and runs of whitespace of a quote into single spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The bare quote, for when no citation could be had. */
export function quoteOnly(quote: string): FormattedText {
  const quoted = `“${oneLine(quote)}”`;
  return { text: quoted, html: `<p>${escapeHtml(quoted)}</p>` };
}

export function citedQuote(quote: string, citation: Citation): FormattedText {
  const quoted = `“${oneLine(quote)}”`;
  const first = citation.note ? quoted : `${quoted} ${citation.citation.text}`;
  const firstHtml = citation.note ? escapeHtml(quoted) : `${escapeHtml(quoted)} ${citation.citation.html}`;
  const second = citation.note ? citation.citation : citation.reference;
  return {
    text: `${first}\n\n${second.text}`,
    // citeproc escapes what it writes; the quote is escaped here.
    html: `<p>${firstHtml}</p>\n<p>${second.html}</p>`,
  };
}
