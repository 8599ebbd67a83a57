/**
 * Moves the history a format-1 `device.json` held (merged state, cursor, outbox, own segments) into
 * the note store's sync tables, in one transaction, so that upgrading Margin neither republishes every
 * note nor forgets which files were its own. Run once: a row marks it done.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnotationStore } from '../annotations/store/annotation-store';
import type { SyncRowWrite } from '../annotations/store/sync-tables';
import type { LegacyHistory } from './sync-device-file';
import { DEVICES_DIR } from './sync-folder';
import type { OwnSegment } from './sync-folder';
import { MARGIN_DIR } from './sync-key';
import { annotationRow, changedRows, cursorRows, META, metaRow, ownSegmentRow, ROW } from './sync-ledger';
import { sealedLineDigests, segmentDigest, segmentSeq } from './sync-segment';

/**
 * This installation's segments, with their lines read back from the folder when they are still there
 * (a format-1 file kept only each file's digest; the lines let a cut-short copy be recognised too).
 */
function ownSegments(legacy: LegacyHistory, folder: string | null, deviceId: string): OwnSegment[] {
  const byDigest = new Map<string, OwnSegment>();
  for (const [name, digest] of Object.entries(legacy.ownSegments))
    byDigest.set(digest, { seq: segmentSeq(name) ?? 0, digest, lines: [], firstHlc: null });
  if (folder === null) return [...byDigest.values()];
  const dir = join(folder, MARGIN_DIR, DEVICES_DIR, deviceId);
  try {
    for (const name of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, name));
      const own = byDigest.get(segmentDigest(bytes));
      if (own !== undefined) own.lines = sealedLineDigests(bytes.toString('utf8'));
    }
  } catch {
    // the folder is away: the digests alone still recognise whole copies
  }
  return [...byDigest.values()];
}

export function moveLegacyHistory(
  store: AnnotationStore,
  legacy: LegacyHistory,
  folder: string | null,
  deviceId: string,
): void {
  const ids = Object.keys(legacy.state.annotations);
  const rows: SyncRowWrite[] = [
    ...ids.map((id) => annotationRow(id, legacy.state.annotations[id])),
    ...changedRows(ROW.position, {}, legacy.state.positions),
    ...changedRows(ROW.device, {}, legacy.state.devices),
    ...cursorRows({ read: {}, reported: {} }, legacy.cursor),
    ...ownSegments(legacy, folder, deviceId).map(ownSegmentRow),
    metaRow(META.seen, JSON.stringify(legacy.seen)),
    metaRow(META.lastSync, legacy.lastSync),
    metaRow(META.clock, legacy.clockLast),
    metaRow(META.legacy, new Date().toISOString()),
  ];
  const refused = new Set(legacy.unstored);
  store.sync.commit({
    rows,
    // Whether the store still matches each record is not known: the next pass compares them all, and
    // a record gone from the store is a deletion made here (unless the store had refused it).
    unknown: ids.filter((id) => !refused.has(id)),
    outboxAdd: legacy.outbox.map((change) => JSON.stringify(change)),
  });
}
