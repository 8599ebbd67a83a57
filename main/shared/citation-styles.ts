/**
 * The citation styles Margin ships (official CSL styles, vendored in `content/csl/`), as a value both
 * processes read: main formats with them, the renderer lists them in its pickers, and the preferences
 * store accepts only these ids. Like `main/api.ts`, this module imports nothing.
 */
export const CITATION_STYLES = [
  { id: 'apa', label: 'APA 7', file: 'apa.csl' },
  { id: 'chicago-notes', label: 'Chicago 17 (notes)', file: 'chicago-fullnote-bibliography.csl' },
  { id: 'chicago-author-date', label: 'Chicago 17 (author-date)', file: 'chicago-author-date.csl' },
  { id: 'mla', label: 'MLA 9', file: 'modern-language-association.csl' },
  { id: 'harvard', label: 'Harvard (Cite Them Right)', file: 'harvard-cite-them-right.csl' },
  { id: 'ieee', label: 'IEEE', file: 'ieee.csl' },
] as const;

export type CitationStyleId = (typeof CITATION_STYLES)[number]['id'];

export const CITATION_STYLE_IDS: readonly CitationStyleId[] = CITATION_STYLES.map((style) => style.id);

/** The folder of the built app (dist/main/) the build copies the vendored styles into. */
export const CITATION_STYLES_FOLDER = 'csl';

/** The licence list the build writes beside the main bundle (dist/main/). */
export const LICENCES_FILE = 'licences.json';

/** The one locale the bundled styles are rendered in. */
export const CITATION_LOCALE_FILE = 'locales-en-US.xml';

export function isCitationStyleId(value: unknown): value is CitationStyleId {
  return typeof value === 'string' && (CITATION_STYLE_IDS as readonly string[]).includes(value);
}
