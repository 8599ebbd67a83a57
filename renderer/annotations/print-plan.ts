/**
 * Where highlights and note numbers fall in an annotated print: plain data from a document's
 * annotations, no DOM. The print view turns each block's pieces into marked text; this module decides
 * which highlight shows on which characters and which note number follows which passage.
 */
import type { Annotation, InlineRun } from '../../main/api';

export interface PrintPlan {
  /** Highlights found in this edition, in reading order. */
  anchored: Annotation[];
  /** Notes on the whole document. */
  documentNotes: Annotation[];
  /** Highlights whose passage is not in this edition of the text. */
  orphans: Annotation[];
  /** The number of each note on a passage, 1, 2, 3… in reading order (highlights with no note have none). */
  numbers: ReadonlyMap<string, number>;
}

/** A stretch of a block's text with one look: plain, or one highlight's colour. */
export interface PrintPiece {
  /** Offsets inside the block's text. */
  from: number;
  to: number;
  highlight: Annotation | null;
  /** Notes whose passage ends right after this piece: their markers follow it. */
  notesEnding: Annotation[];
}

const position = (annotation: Annotation) => annotation.selectors[1];

export function printPlan(annotations: readonly Annotation[]): PrintPlan {
  const anchored = annotations
    .filter((annotation) => annotation.selectors.length > 0 && annotation.anchorStatus !== 'orphaned')
    .sort((a, b) => position(a)!.start - position(b)!.start || position(a)!.end - position(b)!.end);
  const numbers = new Map<string, number>();
  for (const annotation of anchored) {
    if (annotation.note.trim() !== '') numbers.set(annotation.id, numbers.size + 1);
  }
  return {
    anchored,
    documentNotes: annotations.filter((annotation) => annotation.selectors.length === 0),
    orphans: annotations.filter((annotation) => annotation.anchorStatus === 'orphaned'),
    numbers,
  };
}

/**
 * The pieces of one block (its text starts at `start` in the canonical text and is `length` long).
 * Where highlights overlap, the one that starts last (the inner one) shows; a note's marker follows
 * the piece where its passage ends.
 */
export function blockPieces(start: number, length: number, plan: PrintPlan): PrintPiece[] {
  const end = start + length;
  const touching = plan.anchored.filter((annotation) => {
    const at = position(annotation)!;
    return at.start < end && at.end > start;
  });
  const cuts = new Set([0, length]);
  for (const annotation of touching) {
    const at = position(annotation)!;
    cuts.add(Math.max(0, at.start - start));
    cuts.add(Math.min(length, at.end - start));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const pieces: PrintPiece[] = [];
  for (let index = 0; index + 1 < sorted.length; index += 1) {
    const from = sorted[index];
    const to = sorted[index + 1];
    const covering = touching.filter((annotation) => {
      const at = position(annotation)!;
      return at.start - start <= from && at.end - start >= to;
    });
    const highlight = covering.length > 0 ? covering[covering.length - 1] : null;
    // A passage that runs on into the next block gets its marker there, where it ends.
    const notesEnding = touching.filter(
      (annotation) => plan.numbers.has(annotation.id) && position(annotation)!.end - start === to,
    );
    pieces.push({ from, to, highlight, notesEnding });
  }
  return pieces;
}

/** The runs of a block cut to the characters `from`..`to` of its text (each run keeps its kind). */
export function sliceRuns(runs: readonly InlineRun[], from: number, to: number): InlineRun[] {
  const sliced: InlineRun[] = [];
  let at = 0;
  for (const run of runs) {
    const runEnd = at + run.text.length;
    const a = Math.max(from, at);
    const b = Math.min(to, runEnd);
    if (a < b) sliced.push({ ...run, text: run.text.slice(a - at, b - at) });
    at = runEnd;
  }
  return sliced;
}

/** The text of runs, as the canonical text has it. */
export function runsLength(runs: readonly InlineRun[]): number {
  return runs.reduce((sum, run) => sum + run.text.length, 0);
}

/** One document's notes in a notebook print, with what to cite them by. */
export interface NotebookPrintGroup {
  docId: string;
  title: string;
  /** The document's reference in the reader's style ('' when it cannot be made). */
  reference: string;
  items: Array<{
    annotation: Annotation;
    /** The in-text citation with the passage's locator ("(Ali, 2024, Background, para. 5)"), or ''. */
    citation: string;
  }>;
}
