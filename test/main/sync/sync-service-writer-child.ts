/**
 * A child process for the sync durability test: one device that saves a note, says "ack <id> <n>"
 * once the store has it, then runs a whole sync pass (publish, read, merge, write into the store), in
 * a loop until it is killed. The device's sync is set up before (its data folder holds the key).
 */
import { writeSync } from 'node:fs';
import { openAnnotationStore } from '../../../main/annotations/store/annotation-store';
import { createSyncService } from '../../../main/sync/sync-service';
import { sampleRecord } from '../annotations/sample-records';

const [dataDir, folder, firstArg] = process.argv.slice(2);
const first = Number(firstArg);
const store = openAnnotationStore({ dataDir });
const sync = createSyncService({ dataDir, store, folder, onStoreChanged: () => undefined, intervalMs: 0 });
const pause = new Int32Array(new SharedArrayBuffer(4));

/** stdout is a non-blocking pipe: a full pipe (EAGAIN) is waited out, so that every ack stays whole. */
function writeLine(line: string): void {
  let rest = Buffer.from(line);
  while (rest.length > 0) {
    try {
      rest = rest.subarray(writeSync(1, rest));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

async function main(): Promise<void> {
  for (let n = first; ; n += 1) {
    // Every third save edits the note of an earlier record of this run: updates travel too.
    const target = n > first + 3 && n % 3 === 0 ? n - 2 : n;
    store.put(sampleRecord(target, { note: `saved as step ${n}` }));
    writeLine(`ack ${target} ${n}\n`);
    await sync.syncNow();
  }
}

void main();
