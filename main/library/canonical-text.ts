import type { Block, Document, InlineRun } from '../api';

/** The separator between annotatable units in a document's canonical text. */
export const UNIT_SEPARATOR = '\n\n';

/** The plain text of inline runs, exactly as the renderer shows it. */
export function runsText(runs: readonly InlineRun[]): string {
  return runs.map((run) => run.text).join('');
}

/** The plain text of a block: a paragraph's runs, or a figure's caption (the credit is not annotatable). */
export function blockText(block: Block): string {
  return block.type === 'paragraph' ? runsText(block.runs) : runsText(block.caption);
}

/** One annotatable unit of a document in reading order, with the id of what holds it. */
export interface TextUnit {
  /** A block id, or the section id for a heading. */
  id: string;
  kind: 'heading' | 'block';
  text: string;
}

/** Every annotatable unit in reading order: each section's heading then blocks, then the author bio. */
export function documentUnits(doc: Pick<Document, 'sections' | 'authorBio'>): TextUnit[] {
  const units: TextUnit[] = [];
  for (const section of doc.sections) {
    if (section.heading !== null) units.push({ id: section.id, kind: 'heading', text: section.heading });
    for (const block of section.blocks) units.push({ id: block.id, kind: 'block', text: blockText(block) });
  }
  for (const block of doc.authorBio) units.push({ id: block.id, kind: 'block', text: blockText(block) });
  return units;
}

/** The canonical text that annotation selectors refer to. */
export function canonicalText(doc: Pick<Document, 'sections' | 'authorBio'>): string {
  return documentUnits(doc)
    .map((unit) => unit.text)
    .join(UNIT_SEPARATOR);
}
