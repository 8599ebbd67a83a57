/**
 * One writer per store. The app and the browser host are separate processes that may point at the same
 * data folder; a lock file created with O_EXCL (holding pid, process start time and host) makes the
 * second one stop with a clear message instead of writing behind the first one's back. A lock left by a
 * process that died (a crash, SIGKILL) is detected by its pid and taken over; the lock is written whole
 * before it appears under its name, so a kill while taking it never leaves an empty one.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { PRIVATE_FILE_MODE } from '../../data-dir';
import { MarginError } from '../../errors';

export interface StoreLock {
  readonly file: string;
  release(): void;
}

interface LockOwner {
  pid: number;
  started: string;
  host: string;
}

/** A lock whose content cannot be read is only trusted this long (its writer may be mid-write). */
const UNREADABLE_LOCK_GRACE_MS = 5_000;

const processStarted = new Date(Date.now() - process.uptime() * 1000).toISOString();

function ownLock(): LockOwner {
  return { pid: process.pid, started: processStarted, host: hostname() };
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (
      typeof parsed.pid === 'number' &&
      typeof parsed.started === 'string' &&
      typeof parsed.host === 'string'
    ) {
      return parsed as LockOwner;
    }
  } catch {
    // unreadable: judged by age below
  }
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Why the lock is stale, or null when its owner may still be running. */
function staleReason(file: string): string | null {
  const owner = readOwner(file);
  if (owner === null) {
    const age = Date.now() - statSync(file).mtimeMs;
    return age > UNREADABLE_LOCK_GRACE_MS ? 'its content is unreadable' : null;
  }
  // On another machine (a synced or network folder) we cannot tell: assume it is alive.
  if (owner.host !== hostname()) return null;
  if (owner.pid === process.pid) {
    // Our own pid: either this process holds it, or a previous process had the same pid (containers).
    return owner.started === processStarted ? null : 'it was left by an earlier process with the same pid';
  }
  return isAlive(owner.pid) ? null : `process ${owner.pid} that held it is no longer running`;
}

/**
 * Creates the lock whole or not at all: the owner is written to a private temporary file, which is then
 * hard-linked to the lock's name (failing if a lock exists). A process killed half-way leaves no empty
 * lock that would shut the next start out, only a stray temporary file, which the next holder removes.
 */
function tryCreate(file: string): boolean {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, JSON.stringify(ownLock()));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // A file system without hard links: create the lock in place, as exclusively.
    return createInPlace(file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function createInPlace(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(ownLock()));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Removes temporary files a process killed while taking the lock left beside it (the lock is ours now). */
function removeStrayTemporaries(file: string): void {
  const name = basename(file);
  for (const entry of readdirSync(dirname(file))) {
    if (entry.startsWith(`${name}.`) && entry.endsWith('.tmp'))
      rmSync(join(dirname(file), entry), { force: true });
  }
}

function describeOwner(file: string): string {
  const owner = readOwner(file);
  return owner ? `process ${owner.pid} on ${owner.host}, started ${owner.started}` : 'another process';
}

/**
 * Takes the lock or throws MarginError('store-locked'). `what` names the store in the message.
 */
export function acquireStoreLock(file: string, what: string): StoreLock {
  if (!tryCreate(file)) {
    let judged: string | null;
    try {
      // Remember exactly which lock was judged stale, to take over that one and no other.
      judged = staleReason(file) === null ? null : readFileSync(file, 'utf8');
    } catch {
      judged = null; // vanished meanwhile: the retry below decides
    }
    if (judged !== null) {
      const aside = `${file}.stale-${process.pid}-${Date.now()}`;
      try {
        renameSync(file, aside);
        if (readFileSync(aside, 'utf8') === judged) {
          unlinkSync(aside);
        } else {
          // Another process took the stale lock over between our look and our rename: put its lock
          // back (link fails if yet another lock exists, which then stands) and let the retry fail.
          try {
            linkSync(aside, file);
          } finally {
            unlinkSync(aside);
          }
        }
      } catch {
        // someone else took it over first
      }
    }
    if (!tryCreate(file)) {
      throw new MarginError(
        'store-locked',
        `${what} is open in another Margin window or process (${describeOwner(file)}). Close it there first; ` +
          `two programs writing the same notes could lose some.`,
      );
    }
  }
  removeStrayTemporaries(file);
  let released = false;
  return {
    file,
    release(): void {
      if (released) return;
      released = true;
      try {
        if (readOwner(file)?.pid === process.pid) unlinkSync(file);
      } catch {
        // already gone
      }
    },
  };
}
