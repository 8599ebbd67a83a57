/**
 * Citations in the official CSL styles, formatted by citeproc-js (through citation-js) with the styles
 * and the en-US locale vendored in `content/csl/`, so it works offline. It runs in main only: citeproc
 * is large and the renderer gets finished text and HTML.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Citation, Document } from '../api';
import { MarginError } from '../errors';
import { CITATION_LOCALE_FILE, CITATION_STYLES, type CitationStyleId } from '../shared/citation-styles';
import { cslItem, type CitableDocument } from './csl-metadata';
import { describeLocation, LOCATOR_WORDS, locatePassage, type LocatorWords } from './passage-locator';

const LOCALE = 'en-US';

const templateName = (style: CitationStyleId) => `margin-${style}`;

/** Styles whose citation is a footnote rather than a parenthesis in the text. */
const NOTE_STYLES: ReadonlySet<CitationStyleId> = new Set(['chicago-notes']);

export interface CitationFormatter {
  /** The document's reference and a citation of it; with `at`, located at that canonical offset. */
  cite(doc: Document & CitableDocument, style: CitationStyleId, at?: number): Citation;
}

/**
 * MLA 9 abbreviates "paragraph" as "par." (handbook 6.20), where CSL's en-US locale and APA say "para.".
 */
const STYLE_LOCATOR_WORDS: Partial<Record<CitationStyleId, LocatorWords>> = {
  mla: { ...LOCATOR_WORDS, paragraph: 'par.' },
};

/**
 * The vendored files stay as the CSL project publishes them (a test compares them); what Margin needs
 * otherwise is changed here, in memory. MLA's in-text citation puts its locator label and the locator
 * in a group without a delimiter, which citeproc-js renders "sec.Background": give the group a space;
 * and its paragraph label is MLA's "par.", not the locale's "para.".
 */
export function amendStyle(style: CitationStyleId, xml: string): string {
  if (style !== 'mla') return xml;
  return xml
    .replace(
      /<group>(\s*<label variable="locator" form="short"\/>\s*<text variable="locator"\/>\s*<\/group>)/,
      '<group delimiter=" ">$1',
    )
    .replace(
      /(<locale xml:lang="en">[\s\S]*?<terms>)/,
      '$1<term name="paragraph" form="short"><single>par.</single><multiple>pars.</multiple></term>',
    );
}

/** HTML of one entry, without citeproc's wrapping blocks (IEEE's number and text become one line). */
function inlineHtml(html: string): string {
  return html
    .replace(/<div class="csl-left-margin">([^<]*)<\/div>/g, '$1 ')
    .replace(/<\/?div[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads the vendored styles from `stylesDir` and registers them with citation-js once. A missing or
 * unreadable style file is an 'unavailable' error naming it: the app is broken, not the reader's input.
 */
export function createCitationFormatter(stylesDir: string | null): CitationFormatter {
  const registered = new Set<CitationStyleId>();
  const config = plugins.config.get('@csl');
  const read = (file: string): string => {
    if (stylesDir === null)
      throw new MarginError('unavailable', 'Citation styles are not part of this installation.');
    try {
      return readFileSync(path.join(stylesDir, file), 'utf8');
    } catch {
      throw new MarginError(
        'unavailable',
        `The citation style file ${file} is missing from this installation.`,
      );
    }
  };
  const ensure = (style: CitationStyleId): string => {
    if (!registered.has(style)) {
      if (!config.locales.has(LOCALE)) config.locales.add(LOCALE, read(CITATION_LOCALE_FILE));
      const file = CITATION_STYLES.find((entry) => entry.id === style)?.file;
      if (!file) throw new MarginError('invalid-argument', `There is no citation style "${style}".`);
      config.templates.add(templateName(style), amendStyle(style, read(file)));
      registered.add(style);
    }
    return templateName(style);
  };

  return {
    cite(doc, style, at) {
      if (at !== undefined && (!Number.isSafeInteger(at) || at < 0))
        throw new MarginError('invalid-argument', 'A place in a document is a whole-number offset from 0.');
      const template = ensure(style);
      const cite = new Cite([cslItem(doc)]);
      const location = at === undefined ? null : locatePassage(doc, at);
      const words = STYLE_LOCATOR_WORDS[style] ?? LOCATOR_WORDS;
      const item: { id: string; locator?: string; label?: string } = { id: doc.id };
      if (location?.label && location.number !== null) {
        // With a heading, CSL's "section" label carries both: "sec. Background, para. 7".
        item.label = location.section ? 'section' : location.label;
        item.locator = location.section
          ? (describeLocation(location, words) as string)
          : String(location.number);
      } else if (location?.section) {
        item.label = 'section';
        item.locator = location.section;
      }
      const options = { template, lang: LOCALE };
      const reference = {
        text: cite.format('bibliography', { ...options, format: 'text' }).trim(),
        html: inlineHtml(cite.format('bibliography', { ...options, format: 'html' })),
      };
      const citation = {
        text: cite.format('citation', { ...options, format: 'text', entry: [item] }).trim(),
        html: inlineHtml(cite.format('citation', { ...options, format: 'html', entry: [item] })),
      };
      return {
        style,
        note: NOTE_STYLES.has(style),
        reference,
        citation,
        locator: location ? describeLocation(location) : null,
      };
    },
  };
}
