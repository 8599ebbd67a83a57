/**
 * Two machines with one device id (a cloned disk, or a data folder restored from an old copy): how
 * they are told apart, and which of them moves.
 *
 * Evidence is only what another machine could have written: sealed lines that open with the folder key
 * under this device's id but that this installation never wrote (each sealed line has a fresh random IV,
 * so its digest is unique). A sync tool's copies of our files, whole or cut short, only repeat our lines
 * and are never evidence.
 */
import type { Change } from './sync-changes';
import type { SegmentRead } from './sync-segment';

/** A segment this installation wrote, as remembered to recognise it and its copies. */
export interface OwnSegment {
  seq: number;
  digest: string;
  /** Its sealed lines' digests (sync-segment.ts lineDigest). */
  lines: string[];
  /** The earliest stamp among its changes (null for none), to tell which of two clones wrote first. */
  firstHlc: string | null;
  /** The digest of the own segment written before it (null for the first; undefined before format 2). */
  parent?: string | null;
}

export interface CloneEvidence {
  /** Whole segments the other installation wrote: the segment each follows, and its earliest stamp. */
  segments: Array<{ parent: string | null; earliest: string | null }>;
}

export interface ForeignSegment {
  /** True when any line of the segment was written by another installation. */
  any: boolean;
  /** The changes of those lines: the reader's notes too, merged like any other device's. */
  changes: Change[];
  /** Its parent and earliest stamp once its end line is there, else null. */
  evidence: CloneEvidence['segments'][number] | null;
}

/** What of a segment found in this device's own folder another installation wrote. */
export function foreignSegment(ownLines: ReadonlySet<string>, segment: SegmentRead): ForeignSegment {
  const foreign = segment.lines.filter((line) => !ownLines.has(line.digest));
  const changes = foreign.flatMap((line) => line.changes);
  // Without its end line (still being copied), the segment cannot say yet whom it follows.
  if (foreign.length === 0 || segment.parent === undefined)
    return { any: foreign.length > 0, changes, evidence: null };
  let earliest: string | null = null;
  for (const change of changes) if (earliest === null || change.hlc < earliest) earliest = change.hlc;
  return { any: true, changes, evidence: { parent: segment.parent, earliest } };
}

/**
 * Which of the two takes a new id. Each segment names the one its writer wrote before (its parent), so
 * the two machines' first segments after the copy share a parent: the one that began later is the newer
 * installation. Both read the same two segments and come to the same answer; an installation that wrote
 * nothing after the shared parent while the other did is the one to move.
 */
export function isNewerClone(own: readonly OwnSegment[], clone: CloneEvidence): boolean {
  for (const theirs of clone.segments) {
    const sharedParent = theirs.parent === null || own.some((segment) => segment.digest === theirs.parent);
    if (!sharedParent) continue; // follows one of their own: their first one after the copy decides
    const mine = own.find((segment) => segment.parent === theirs.parent);
    if (mine === undefined || mine.firstHlc === null || theirs.earliest === null) return true;
    if (theirs.earliest <= mine.firstHlc) return true;
  }
  return false;
}
