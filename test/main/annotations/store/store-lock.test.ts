import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireStoreLock } from '../../../../main/annotations/store/store-lock';
import { MarginError } from '../../../../main/errors';

let dir: string;
let lockFile: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'margin-lock-'));
  lockFile = join(dir, 'annotations.sqlite.lock');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function lockedCode(): string {
  try {
    acquireStoreLock(lockFile, 'The test store').release();
    return 'acquired';
  } catch (error) {
    if (error instanceof MarginError) return error.code;
    throw error;
  }
}

/** The pid of a process that has certainly ended. */
function deadPid(): number {
  const finished = spawnSync(process.execPath, ['-e', '']);
  return finished.pid!;
}

describe('store-lock', () => {
  it('takes the lock after a process was killed while taking it, and clears what that process left', () => {
    // A kill between writing the owner and linking it under the lock's name leaves only this:
    const stray = `${lockFile}.${deadPid()}-0a1b2c3d.tmp`;
    writeFileSync(stray, JSON.stringify({ pid: 1, started: 'x', host: hostname() }));
    const lock = acquireStoreLock(lockFile, 'The test store');
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    expect(readdirSync(dir).sort()).toEqual(['annotations.sqlite.lock']);
    lock.release();
  });

  it('holds the lock with pid, start time and host, refuses a second taker, and frees it on release', () => {
    const lock = acquireStoreLock(lockFile, 'The test store');
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    expect(lockedCode()).toBe('store-locked');
    lock.release();
    expect(existsSync(lockFile)).toBe(false);
    expect(lockedCode()).toBe('acquired');
  });

  it('takes over a lock left by a process that is no longer running', () => {
    writeFileSync(
      lockFile,
      JSON.stringify({ pid: deadPid(), started: '2025-01-01T00:00:00.000Z', host: hostname() }),
    );
    const lock = acquireStoreLock(lockFile, 'The test store');
    expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('respects a lock held on another machine, which it cannot check', () => {
    writeFileSync(
      lockFile,
      JSON.stringify({ pid: deadPid(), started: '2025-01-01T00:00:00.000Z', host: 'another-laptop' }),
    );
    expect(lockedCode()).toBe('store-locked');
  });

  it('respects an unreadable lock while it is fresh (its owner may be writing it) and takes it over once old', () => {
    writeFileSync(lockFile, '');
    expect(lockedCode()).toBe('store-locked');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile, old, old);
    expect(lockedCode()).toBe('acquired');
  });

  it('names the process holding the lock in its message', () => {
    const lock = acquireStoreLock(lockFile, 'The test store');
    expect(() => acquireStoreLock(lockFile, 'The test store')).toThrow(
      new RegExp(`^The test store is open in another Margin window or process \\(process ${process.pid} on `),
    );
    lock.release();
  });
});
