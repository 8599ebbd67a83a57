/**
 * Compaction: a device replaces its own old segments by one snapshot segment, so that its folder does
 * not grow by a file per sync forever. Only its own files, and only those it recognises by digest as
 * its own: never another device's, never a clone's. The snapshot is written first (a normal segment,
 * read like any other), and only then are the old files removed.
 *
 * The snapshot holds, of this device's own changes, the newest per field (per annotation and field,
 * per reading position, device name and document), which decides every merge the same way as all of
 * them did; a note's newest text carries every stamp that this device's earlier texts of it replaced,
 * so a device that reads only the snapshot forgets the same texts as one that read every segment.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnotationChange, Change, NoteValue } from './sync-changes';
import type { OwnSegment } from './sync-clone';
import { DEVICES_DIR, writeOwnSegment } from './sync-folder';
import type { FolderWriteResult } from './sync-folder';
import { MARGIN_DIR } from './sync-key';
import type { FolderKey } from './sync-key';
import { decodeSegment, segmentDigest, segmentSeq } from './sync-segment';
import type { WrittenSegment } from './sync-segment';

/** A device compacts once its folder holds this many of its own segments. */
export const COMPACT_AFTER = 64;

function keyOf(change: Change): string {
  if (change.type === 'annotation') return `a/${change.annotationId}/${change.field}`;
  if (change.type === 'device-name') return 'n';
  return `${change.type === 'position' ? 'p' : 'd'}/${change.docId}`;
}

/** The newest change per field, notes carrying what every earlier text of theirs replaced. */
export function compactChanges(changes: readonly Change[]): Change[] {
  const newest = new Map<string, Change>();
  const replaced = new Map<string, Set<string>>();
  for (const change of changes) {
    const key = keyOf(change);
    if (change.type === 'annotation' && change.field === 'note') {
      const stamps = replaced.get(key) ?? new Set<string>();
      for (const stamp of (change.value as NoteValue).replaces) stamps.add(stamp);
      replaced.set(key, stamps);
    }
    const kept = newest.get(key);
    if (kept === undefined || change.hlc > kept.hlc) newest.set(key, change);
  }
  return [...newest.entries()]
    .map(([key, change]) => {
      const stamps = replaced.get(key);
      if (stamps === undefined) return change;
      const note = change as AnnotationChange;
      const value: NoteValue = { text: (note.value as NoteValue).text, replaces: [...stamps].sort() };
      return { ...note, value };
    })
    .sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

export type CompactionResult =
  { ok: true; removed: number; written: WrittenSegment | null } | FolderWriteResult;

/**
 * Writes this device's snapshot segment and removes the own segments it replaces. `beforePublish`
 * records the snapshot as this installation's own before it appears (as for every segment).
 */
export function compactOwnSegments(
  folder: string,
  folderKey: FolderKey,
  device: string,
  own: readonly OwnSegment[],
  beforePublish: (segment: WrittenSegment, firstHlc: string | null) => void,
  parent: string | null,
): CompactionResult {
  const dir = join(folder, MARGIN_DIR, DEVICES_DIR, device);
  const ownDigests = new Set(own.map((segment) => segment.digest));
  const ownLines = new Set(own.flatMap((segment) => segment.lines));
  const files: string[] = [];
  const changes: Change[] = [];
  for (const name of readdirSync(dir).sort()) {
    const seq = segmentSeq(name);
    if (seq === null) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    if (!ownDigests.has(segmentDigest(text))) continue; // not ours as written: left alone
    files.push(name);
    const segment = decodeSegment(folderKey, text, device, seq);
    for (const line of segment.lines) if (ownLines.has(line.digest)) changes.push(...line.changes);
  }
  if (files.length < 2) return { ok: true, removed: 0, written: null };
  const snapshot = compactChanges(changes);
  const firstHlc = snapshot[0]?.hlc ?? null; // sorted by stamp
  const written = writeOwnSegment(
    folder,
    folderKey,
    device,
    snapshot,
    (segment) => beforePublish(segment, firstHlc),
    parent,
  );
  if (!written.ok) return written;
  for (const name of files) rmSync(join(dir, name), { force: true });
  return { ok: true, removed: files.length, written };
}
