/**
 * What the search files read from disk on demand share: a positioned read that fills its buffer or says
 * the file is cut short, and a file descriptor closed once the object reading through it is collected.
 */
import { closeSync, readSync } from 'node:fs';

const openFiles = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
});

/** Closes `fd` once nothing refers to `owner` any more. */
export function closeWhenCollected(owner: object, fd: number): void {
  openFiles.register(owner, fd);
}

/**
 * Fills `buffer` (from its start, `length` bytes) from `fd` at `position`; throws `cutShort` when the
 * file ends first.
 */
export function readFully(
  fd: number,
  buffer: Uint8Array,
  position: number,
  length: number,
  cutShort: string,
): void {
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, position + done);
    if (read === 0) throw new Error(cutShort);
    done += read;
  }
}
