/**
 * Hybrid logical clock (Kulkarni et al.): a time stamp that follows the wall clock when clocks agree
 * and stays causal when they do not. A device that has seen a change always stamps its next change
 * later than it, even when its own wall clock is hours behind; the device id breaks the last tie, so
 * every two stamps of two devices are ordered the same way everywhere.
 *
 * Encoded as fixed-width lowercase hex, `wwwwwwwwwwww-cccccc-dddddddddddddddd` (wall ms, counter,
 * device id), so that comparing two encoded stamps as strings orders them like the clock does: the
 * merge and SQLite can sort them without parsing.
 */
import { randomBytes } from 'node:crypto';

export interface Hlc {
  /** Milliseconds since the epoch, as this device's clock (or a clock it has heard from) said. */
  wall: number;
  /** Orders stamps within one millisecond. */
  counter: number;
  device: string;
}

const WALL_DIGITS = 12;
const COUNTER_DIGITS = 6;
const MAX_WALL = 16 ** WALL_DIGITS - 1;
const MAX_COUNTER = 16 ** COUNTER_DIGITS - 1;
/** 64 random bits: two devices picking the same id by chance is not a worry; a cloned disk is. */
const DEVICE_ID = /^[0-9a-f]{16}$/;
const ENCODED = /^([0-9a-f]{12})-([0-9a-f]{6})-([0-9a-f]{16})$/;

export function isDeviceId(value: unknown): value is string {
  return typeof value === 'string' && DEVICE_ID.test(value);
}

export function newDeviceId(): string {
  return randomBytes(8).toString('hex');
}

export function encodeHlc(stamp: Hlc): string {
  if (!Number.isInteger(stamp.wall) || stamp.wall < 0 || stamp.wall > MAX_WALL)
    throw new RangeError(`An HLC wall time must be a whole number of ms from 0 to ${MAX_WALL}.`);
  if (!Number.isInteger(stamp.counter) || stamp.counter < 0 || stamp.counter > MAX_COUNTER)
    throw new RangeError(`An HLC counter must be a whole number from 0 to ${MAX_COUNTER}.`);
  if (!isDeviceId(stamp.device)) throw new RangeError('An HLC device id is 16 lowercase hex digits.');
  const wall = stamp.wall.toString(16).padStart(WALL_DIGITS, '0');
  const counter = stamp.counter.toString(16).padStart(COUNTER_DIGITS, '0');
  return `${wall}-${counter}-${stamp.device}`;
}

/** The stamp an encoded string holds, or null when the string is not one. */
export function decodeHlc(encoded: string): Hlc | null {
  const match = ENCODED.exec(encoded);
  if (match === null) return null;
  return { wall: parseInt(match[1], 16), counter: parseInt(match[2], 16), device: match[3] };
}

export function isHlc(value: unknown): value is string {
  return typeof value === 'string' && ENCODED.test(value);
}

/** Negative, zero or positive as `a` is earlier than, the same as or later than `b`. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The device that made a stamp (the stamp carries it, so a change never names its device twice). */
export function hlcDevice(encoded: string): string {
  return encoded.slice(WALL_DIGITS + COUNTER_DIGITS + 2);
}

/** The wall time of a stamp, for showing "edited on Desk at 10:02". */
export function hlcWall(encoded: string): number {
  return parseInt(encoded.slice(0, WALL_DIGITS), 16);
}

export interface HybridClock {
  readonly device: string;
  /** A stamp later than every stamp this clock has made or received. */
  tick(): string;
  /** Takes in a stamp from another device, so that the next tick is later than it. */
  receive(remote: string): void;
  /** The latest stamp made or received, to persist and hand back as `last` on the next start. */
  last(): string | null;
}

export interface ClockOptions {
  /** The wall clock; tests pass one that is hours off. */
  now?: () => number;
  /** The latest stamp of a previous session, so that stamps keep moving forward across restarts. */
  last?: string | null;
}

/**
 * A clock for one device. It keeps the latest (wall, counter) it has made or received; a tick takes
 * the wall clock when that is later, and otherwise counts on from the latest. So a wall clock that
 * jumps back (NTP, a dead CMOS battery) or runs hours behind another device never makes a stamp earlier
 * than one already seen: it is later by its counter, whatever the device ids.
 */
export function createClock(device: string, options: ClockOptions = {}): HybridClock {
  if (!isDeviceId(device)) throw new RangeError('A device id is 16 lowercase hex digits.');
  const now = options.now ?? Date.now;
  let latest: { wall: number; counter: number } | null = null;
  const receive = (remote: string): void => {
    const stamp = decodeHlc(remote);
    if (stamp === null) throw new RangeError(`Not an HLC stamp: ${remote.slice(0, 60)}`);
    if (
      latest === null ||
      stamp.wall > latest.wall ||
      (stamp.wall === latest.wall && stamp.counter > latest.counter)
    )
      latest = { wall: stamp.wall, counter: stamp.counter };
  };
  if (options.last !== undefined && options.last !== null) receive(options.last);
  return {
    device,
    tick() {
      const physical = Math.min(Math.max(0, Math.floor(now())), MAX_WALL);
      if (latest === null || physical > latest.wall) latest = { wall: physical, counter: 0 };
      else if (latest.counter < MAX_COUNTER) latest = { wall: latest.wall, counter: latest.counter + 1 };
      // More than 16 million stamps in one millisecond: borrow the next millisecond.
      else latest = { wall: Math.min(latest.wall + 1, MAX_WALL), counter: 0 };
      return encodeHlc({ ...latest, device });
    },
    receive,
    last() {
      return latest === null ? null : encodeHlc({ ...latest, device });
    },
  };
}
