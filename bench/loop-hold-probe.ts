/**
 * How long work holds this process's event loop, with the machine's share taken out. A 1 ms timer's
 * longest gap is what a caller waiting on the loop sees, but on a shared machine much of it is the
 * thread waiting for a core. So each gap is also measured by what the thread did in it: its own CPU
 * (process.threadCpuUsage, this thread only), the work itself; and, where Linux's schedstat is there,
 * the gap less the time the thread sat runnable without a core: its CPU plus the waits it chose (a
 * synchronous fsync holds the loop too, though on a shared disk much of that wait is others' writes).
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface LoopHold {
  /** The longest gap between the timer's ticks, waiting for a core included, ms. */
  gapMs: number;
  /** The thread's own CPU within that longest gap, ms. */
  gapCpuMs: number;
  /** The largest own CPU of the thread within any one gap: the loop held by the work itself, ms. */
  ownMs: number;
  /**
   * The largest gap less the thread's wait for a core in it: own CPU plus blocking waits (the disk), ms;
   * null where schedstat is missing.
   */
  blockedMs: number | null;
  /** The CPU within that gap, ms (the rest of it was waiting for the disk or a lock). */
  blockedCpuMs: number | null;
}

/** Nanoseconds this thread has waited runnable for a core (schedstat's second field), or null. */
function coreWaitReader(): { read(): number | null; close(): void } {
  let fd: number | null = null;
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return { read: () => null, close: () => undefined };
  }
  const buffer = Buffer.alloc(128);
  return {
    read() {
      if (fd === null) return null;
      const text = buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0));
      const waited = Number(text.split(' ')[1]);
      return Number.isFinite(waited) ? waited : null;
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;

/** Runs `work` under a 1 ms timer and returns how long it took and how long it held the loop. */
export async function withLoopHoldProbe(
  work: () => Promise<unknown>,
): Promise<{ ms: number; hold: LoopHold }> {
  const coreWait = coreWaitReader();
  const hold: LoopHold = {
    gapMs: 0,
    gapCpuMs: 0,
    ownMs: 0,
    blockedMs: coreWait.read() === null ? null : 0,
    blockedCpuMs: null,
  };
  let last = { at: performance.now(), cpu: process.threadCpuUsage(), waited: coreWait.read() };
  const tick = (): void => {
    const now = { at: performance.now(), cpu: process.threadCpuUsage(), waited: coreWait.read() };
    const gap = now.at - last.at;
    const cpu = cpuMs(now.cpu) - cpuMs(last.cpu);
    const waited = now.waited === null || last.waited === null ? null : (now.waited - last.waited) / 1e6;
    if (gap > hold.gapMs) Object.assign(hold, { gapMs: gap, gapCpuMs: cpu });
    hold.ownMs = Math.max(hold.ownMs, cpu);
    const blocked = waited === null ? null : Math.max(cpu, gap - waited);
    if (blocked !== null && blocked > (hold.blockedMs ?? 0))
      Object.assign(hold, { blockedMs: blocked, blockedCpuMs: cpu });
    last = now;
  };
  const probe = setInterval(tick, 1);
  const began = performance.now();
  last = { at: began, cpu: process.threadCpuUsage(), waited: coreWait.read() };
  try {
    await work();
    tick();
  } finally {
    clearInterval(probe);
    coreWait.close();
  }
  return { ms: performance.now() - began, hold };
}
