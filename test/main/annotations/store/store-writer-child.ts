/**
 * A child process for the durability tests: opens the store in the data folder given as argument and
 * saves records in a loop, writing "ack <id> <modified>" to stdout only after each put has returned.
 * With "hold" it saves one record and then waits to be killed.
 */
import { writeSync } from 'node:fs';
import { openAnnotationStore } from '../../../../main/annotations/store/annotation-store';
import { sampleRecord } from '../sample-records';

const [dataDir, firstArg, mode] = process.argv.slice(2);
const first = Number(firstArg);
const store = openAnnotationStore({ dataDir });
let n = first;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * stdout is a non-blocking pipe: when the test process is slow to read it (busy cores), the pipe fills
 * and a write fails with EAGAIN. Waiting and retrying keeps the writer alive and every ack whole.
 */
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

function save(): void {
  // Every fourth save rewrites an earlier record of this run, so updates are crash-tested too.
  const update = n > first + 4 && n % 4 === 0;
  const target = update ? n - 3 : n;
  const modified = new Date(Date.UTC(2025, 1, 1) + n * 1000).toISOString();
  const record = sampleRecord(target, { modified, note: `saved as step ${n} ${'x'.repeat((n * 37) % 900)}` });
  store.put(record);
  writeLine(`ack ${record.id} ${modified}\n`);
  n += 1;
}

if (mode === 'hold') {
  save();
  setInterval(() => undefined, 1000);
} else {
  for (;;) save();
}
