import type { SearchResults, SnippetPart } from '../main/api';

/**
 * Search results as a terminal reader wants them: per document its title and byline, then each passage
 * with its section heading and block id, the matched words marked. Marks are bold on a terminal and
 * `[[word]]` otherwise, so piped output and tests stay plain text.
 */

export interface TextStyle {
  /** Use ANSI bold for marks and titles (only when stdout is a terminal). */
  ansi: boolean;
}

const BOLD = '\u001b[1m';
const RESET = '\u001b[22m';

function snippetText(parts: SnippetPart[], style: TextStyle): string {
  return parts
    .map((part) =>
      part.mark ? (style.ansi ? `${BOLD}${part.text}${RESET}` : `[[${part.text}]]`) : part.text,
    )
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export function searchResultsText(
  results: Extract<SearchResults, { status: 'ok' }>,
  style: TextStyle,
): string {
  const { groups, total, query } = results;
  if (groups.length === 0) return `No passages match "${query}".\n`;
  const count = total === 1 ? '1 document matches' : `${total} documents match`;
  const lines = [`${count} "${query}"${groups.length < total ? ` (showing ${groups.length})` : ''}`];
  for (const group of groups) {
    const byline = [group.authors.join(', '), group.published ?? '', group.docId]
      .filter((part) => part !== '')
      .join(' · ');
    lines.push('', style.ansi ? `${BOLD}${group.title}${RESET}` : group.title, `  ${byline}`);
    for (const passage of group.passages) {
      lines.push(
        `  § ${passage.section ?? '(opening)'}  #${passage.blockId}`,
        `    ${snippetText(passage.snippet, style)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
