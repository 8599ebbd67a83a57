import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClock } from '../../../main/sync/hlc';
import type { HybridClock } from '../../../main/sync/hlc';
import { readChange } from '../../../main/sync/sync-changes';
import type { AnnotationChange, AnnotationField, Change } from '../../../main/sync/sync-changes';
import {
  emptySyncState,
  isDeleted,
  mergeChanges,
  replacingCurrent,
  visibleVersions,
} from '../../../main/sync/sync-merge';
import type { SyncState } from '../../../main/sync/sync-merge';

const DESK = 'dddddddddddddddd';
const LAPTOP = 'aaaaaaaaaaaaaaaa';
const ID = 'urn:uuid:5b1f3c1e-0000-4000-8000-000000000001';

function edit(clock: HybridClock, field: AnnotationField, value: unknown): AnnotationChange {
  return { type: 'annotation', annotationId: ID, docId: 'gwadar-port', field, value, hlc: clock.tick() };
}

function merge(state: SyncState, ...changes: Change[]): SyncState {
  return mergeChanges(state, changes).state;
}

/** A seeded Fisher-Yates shuffle, so that a failing order can be replayed. */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = Math.abs(seed) + 1;
  for (let i = items.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

describe('sync-merge', () => {
  it('keeps the newest value of each field, so edits of different fields on two devices both stay', () => {
    const desk = createClock(DESK, { now: () => 1000 });
    const laptop = createClock(LAPTOP, { now: () => 2000 });
    const color = edit(desk, 'color', 'green');
    const tags = edit(laptop, 'tags', ['ports']);
    const olderColor = { ...edit(desk, 'color', 'pink'), hlc: createClock(DESK, { now: () => 10 }).tick() };
    const state = merge(emptySyncState(), tags, color, olderColor);
    expect(state.annotations[ID].fields.color?.value).toBe('green');
    expect(state.annotations[ID].fields.tags?.value).toEqual(['ports']);
    expect(state.annotations[ID].docId.value).toBe('gwadar-port');
  });

  it('keeps the text that loses a concurrent edit as a version from its device', () => {
    const desk = createClock(DESK, { now: () => 1000 });
    const laptop = createClock(LAPTOP, { now: () => 1000 });
    const first = edit(desk, 'note', { text: 'First thoughts', replaces: [] });
    let state = merge(emptySyncState(), first);
    laptop.receive(first.hlc);
    const replaces = replacingCurrent(state.annotations[ID].note);
    const onDesk = edit(desk, 'note', { text: 'Desk rewrite', replaces });
    const onLaptop = edit(laptop, 'note', { text: 'Laptop rewrite', replaces });
    state = merge(state, onDesk, onLaptop);
    const note = state.annotations[ID].note;
    // Same time and counter: the device id decides, the same way on every device.
    expect(note.current?.text).toBe('Desk rewrite');
    expect(visibleVersions(note)).toEqual([{ text: 'Laptop rewrite', device: LAPTOP, hlc: onLaptop.hlc }]);
  });

  it('drops a text only when a later edit replaced it on purpose, and a restore can retire the version', () => {
    const desk = createClock(DESK, { now: () => 1000 });
    const laptop = createClock(LAPTOP, { now: () => 1000 });
    const a = edit(desk, 'note', { text: 'A', replaces: [] });
    const b = edit(laptop, 'note', { text: 'B', replaces: [] });
    let state = merge(emptySyncState(), a, b);
    expect(state.annotations[ID].note.current?.text).toBe('A');
    expect(visibleVersions(state.annotations[ID].note).map((v) => v.text)).toEqual(['B']);
    desk.receive(b.hlc);
    const restore = edit(desk, 'note', { text: 'B', replaces: [a.hlc, b.hlc] });
    state = merge(state, restore);
    expect(state.annotations[ID].note.current?.text).toBe('B');
    expect(state.annotations[ID].note.versions).toEqual([]);
  });

  it('keeps a deletion as a tombstone that a newer undo lifts, with the text still there', () => {
    const desk = createClock(DESK, { now: () => 1000 });
    const note = edit(desk, 'note', { text: 'Keep me', replaces: [] });
    const deleted = edit(desk, 'deleted', true);
    let state = merge(emptySyncState(), deleted, note);
    expect(isDeleted(state.annotations[ID])).toBe(true);
    expect(state.annotations[ID].note.current?.text).toBe('Keep me');
    state = merge(state, edit(desk, 'deleted', false));
    expect(isDeleted(state.annotations[ID])).toBe(false);
  });

  it('moves the reading position and device names to the newest', () => {
    const desk = createClock(DESK, { now: () => 5000 });
    const laptop = createClock(LAPTOP, { now: () => 1000 });
    const state = merge(
      emptySyncState(),
      { type: 'position', docId: 'gwadar-port', value: { blockId: 'p3', fraction: 0.5 }, hlc: desk.tick() },
      { type: 'position', docId: 'gwadar-port', value: { blockId: 'p1', fraction: 0 }, hlc: laptop.tick() },
      { type: 'device-name', name: 'Old desk', hlc: desk.tick() },
      { type: 'device-name', name: 'Desk', hlc: desk.tick() },
    );
    expect(state.positions['gwadar-port'].value).toEqual({ blockId: 'p3', fraction: 0.5 });
    expect(state.devices[DESK].value).toBe('Desk');
  });

  it('returns the latest stamp it took in, for the clock, and leaves the given state untouched', () => {
    const desk = createClock(DESK, { now: () => 1000 });
    const before = emptySyncState();
    const change = edit(desk, 'color', 'blue');
    const { state, latest } = mergeChanges(before, [change]);
    expect(latest).toBe(change.hlc);
    expect(before).toEqual(emptySyncState());
    expect(state.annotations[ID].fields.color?.value).toBe('blue');
  });

  it('reaches the same state from the same changes in any order, any number of times', () => {
    const clocks = [DESK, LAPTOP, 'cccccccccccccccc'].map((d) => createClock(d, { now: () => 1000 }));
    const changeArb = fc
      .record({
        device: fc.integer({ min: 0, max: 2 }),
        field: fc.constantFrom<AnnotationField>('note', 'color', 'deleted'),
        text: fc.constantFrom('alpha', 'beta', 'gamma', ''),
        replacePrevious: fc.boolean(),
      })
      .map(({ device, field, text, replacePrevious }) => ({ device, field, text, replacePrevious }));
    fc.assert(
      fc.property(fc.array(changeArb, { minLength: 1, maxLength: 25 }), fc.integer(), (specs, seed) => {
        const changes: Change[] = [];
        for (const spec of specs) {
          const previous = changes.at(-1);
          const value =
            spec.field === 'note'
              ? { text: spec.text, replaces: spec.replacePrevious && previous ? [previous.hlc] : [] }
              : spec.field === 'deleted'
                ? spec.replacePrevious
                : spec.text;
          changes.push(edit(clocks[spec.device], spec.field, value));
        }
        const shuffled = shuffle([...changes, ...changes], seed);
        const inOrder = mergeChanges(emptySyncState(), changes).state;
        const halves = merge(merge(emptySyncState(), ...shuffled.slice(0, specs.length)), ...shuffled);
        expect(halves).toEqual(inOrder);
      }),
      { numRuns: 200 },
    );
  });

  it('reads back only the changes it understands', () => {
    const hlc = createClock(DESK, { now: () => 1000 }).tick();
    const note = { type: 'annotation', annotationId: ID, docId: 'd', field: 'note', hlc };
    expect(readChange({ ...note, value: { text: 'x', replaces: [] } })).not.toBeNull();
    expect(readChange({ ...note, value: 'just a string' })).toBeNull();
    expect(readChange({ ...note, field: 'mood', value: 'happy' })).toBeNull();
    expect(readChange({ type: 'bookmark', docId: 'd', hlc })).toBeNull();
    expect(readChange({ ...note, value: { text: 'x', replaces: [] }, hlc: 'yesterday' })).toBeNull();
    expect(readChange(null)).toBeNull();
  });
});
