/**
 * A child process for the sync durability test: opens the sync folder given as argument and writes
 * segments of this device in a loop, printing "ack <file name> <digest>" only after each write returned.
 * With a fourth argument "hold", it stops before publishing its second segment (written and flushed
 * under its temporary name, not yet renamed), says "holding", and waits there to be killed.
 */
import { writeSync } from 'node:fs';
import { createClock } from '../../../main/sync/hlc';
import type { Change } from '../../../main/sync/sync-changes';
import { writeOwnSegment } from '../../../main/sync/sync-folder';
import { unlockSyncFolder } from '../../../main/sync/sync-key';

const [folder, passphrase, device, hold] = process.argv.slice(2);

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
    const result = writeOwnSegment(folder, key, device, changes, () => {
      if (hold !== 'hold' || round === 0) return;
      writeSync(1, 'holding\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30_000);
    });
    if (!result.ok) throw new Error(result.message);
    // One write call for the whole line: a kill cannot leave half of an acknowledgement.
    writeSync(1, `ack ${result.name} ${result.digest}\n`);
  }
})();
