/**
 * A child process for the sync durability test: opens the sync folder given as argument and writes
 * segments of this device in a loop, printing "ack <file name> <digest>" only after each write returned.
 */
import { writeSync } from 'node:fs';
import { createClock } from '../../../main/sync/hlc';
import type { Change } from '../../../main/sync/sync-changes';
import { writeOwnSegment } from '../../../main/sync/sync-folder';
import { unlockSyncFolder } from '../../../main/sync/sync-key';

const [folder, passphrase, device] = process.argv.slice(2);

void (async () => {
  const key = await unlockSyncFolder(folder, passphrase);
  const clock = createClock(device);
  for (let round = 0; ; round += 1) {
    const changes: Change[] = Array.from({ length: 300 }, (_, index) => ({
      type: 'annotation',
      annotationId: `urn:uuid:${round}-${index}`,
      docId: 'gwadar-port',
      field: 'note',
      value: { text: `round ${round} note ${index} `.repeat(8), replaces: [] },
      hlc: clock.tick(),
    }));
    const result = writeOwnSegment(folder, key, device, changes);
    if (!result.ok) throw new Error(result.message);
    // One write call for the whole line: a kill cannot leave half of an acknowledgement.
    writeSync(1, `ack ${result.name} ${result.digest}\n`);
  }
})();
