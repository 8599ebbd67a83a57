import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareHlc,
  createClock,
  decodeHlc,
  encodeHlc,
  hlcDevice,
  hlcWall,
  newDeviceId,
} from '../../../main/sync/hlc';

const DESK = 'd0d0d0d0d0d0d0d0';
const LAPTOP = '1a1a1a1a1a1a1a1a';
const HOUR = 3_600_000;

const deviceArb = fc.stringMatching(/^[0-9a-f]{16}$/);
const stampArb = fc.record({
  wall: fc.integer({ min: 0, max: 2 ** 44 }),
  counter: fc.integer({ min: 0, max: 0xffffff }),
  device: deviceArb,
});

function tupleOrder(a: { wall: number; counter: number; device: string }, b: typeof a): number {
  if (a.wall !== b.wall) return a.wall - b.wall;
  if (a.counter !== b.counter) return a.counter - b.counter;
  return a.device < b.device ? -1 : a.device > b.device ? 1 : 0;
}

describe('hlc', () => {
  it('orders encoded stamps as text exactly as wall, counter and device order them', () => {
    fc.assert(
      fc.property(stampArb, stampArb, (a, b) => {
        expect(Math.sign(compareHlc(encodeHlc(a), encodeHlc(b)))).toBe(Math.sign(tupleOrder(a, b)));
        expect(decodeHlc(encodeHlc(a))).toEqual(a);
      }),
    );
  });

  it('never gives the same stamp twice and always moves forward, whatever the wall clock does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 * HOUR }), { minLength: 1, maxLength: 60 }),
        (walls) => {
          let index = 0;
          const clock = createClock(DESK, { now: () => walls[Math.min(index, walls.length - 1)] });
          let previous = '';
          for (index = 0; index < walls.length; index += 1) {
            const stamp = clock.tick();
            expect(compareHlc(stamp, previous)).toBeGreaterThan(0);
            previous = stamp;
          }
        },
      ),
    );
  });

  it('stamps after every stamp it has received, even from a clock hours ahead', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), (steps) => {
        const start = 1_800_000_000_000;
        const desk = createClock(DESK, { now: () => start });
        const laptop = createClock(LAPTOP, { now: () => start - 5 * HOUR });
        let latest = '';
        for (const deskSends of steps) {
          const [from, to] = deskSends ? [desk, laptop] : [laptop, desk];
          const sent = from.tick();
          to.receive(sent);
          const reply = to.tick();
          expect(compareHlc(reply, sent)).toBeGreaterThan(0);
          expect(compareHlc(reply, latest)).toBeGreaterThan(0);
          latest = reply;
        }
      }),
    );
  });

  it('gives a total order: two devices never make equal stamps and every pair compares one way', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 40 }), (moves) => {
        const clocks = [createClock(DESK, { now: () => 1000 }), createClock(LAPTOP, { now: () => 1000 })];
        const stamps = moves.map((move) => clocks[move % 2].tick());
        expect(new Set(stamps).size).toBe(stamps.length);
        const sorted = [...stamps].sort(compareHlc);
        for (let i = 1; i < sorted.length; i += 1)
          expect(compareHlc(sorted[i - 1], sorted[i])).toBeLessThan(0);
      }),
    );
  });

  it('lets a device whose clock is five hours slow win once it has seen the other device', () => {
    const desk = createClock(DESK, { now: () => 1_800_000_000_000 });
    const laptop = createClock(LAPTOP, { now: () => 1_800_000_000_000 - 5 * HOUR });
    const deskEdit = desk.tick();
    expect(compareHlc(laptop.tick(), deskEdit)).toBeLessThan(0); // not seen yet: concurrent, desk wins
    laptop.receive(deskEdit);
    expect(compareHlc(laptop.tick(), deskEdit)).toBeGreaterThan(0);
  });

  it('carries on after a restart from the last stamp it saved, even if the clock went back', () => {
    let now = 50_000;
    const before = createClock(DESK, { now: () => now });
    before.tick();
    const saved = before.tick();
    now = 10_000;
    const after = createClock(DESK, { now: () => now, last: saved });
    expect(compareHlc(after.tick(), saved)).toBeGreaterThan(0);
    expect(after.last()).not.toBeNull();
  });

  it('names the device and wall time of a stamp, and makes device ids of 16 hex digits', () => {
    const stamp = encodeHlc({ wall: 1_800_000_000_123, counter: 7, device: LAPTOP });
    expect(hlcDevice(stamp)).toBe(LAPTOP);
    expect(hlcWall(stamp)).toBe(1_800_000_000_123);
    expect(newDeviceId()).toMatch(/^[0-9a-f]{16}$/);
    expect(newDeviceId()).not.toBe(newDeviceId());
  });

  it('refuses a malformed stamp or device id with a clear error', () => {
    expect(decodeHlc('yesterday')).toBeNull();
    expect(() => createClock('DESK')).toThrow('16 lowercase hex digits');
    expect(() => createClock(DESK).receive('not-a-stamp')).toThrow('Not an HLC stamp');
    expect(() => encodeHlc({ wall: -1, counter: 0, device: DESK })).toThrow('wall time');
  });
});
