import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncFolder } from '../../../main/sync/sync-key';
import type { FolderKey } from '../../../main/sync/sync-key';
import type { SyncState } from '../../../main/sync/sync-merge';
import { carry, copyFolderSetup, segmentFiles, SimulatedDevice } from './simulated-device';
import type { CarryMode } from './simulated-device';

const DEVICE_IDS = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc'];
const HOUR = 3_600_000;
/** Wall clocks hours apart: the second device runs 5 h slow, the third 3 h fast. */
const CLOCK_OFFSETS = [0, -5 * HOUR, 3 * HOUR];
const ANNOTATIONS = ['urn:uuid:0-note', 'urn:uuid:1-note', 'urn:uuid:2-note'];
const DOC = 'gwadar-port';

let root: string;
let key: FolderKey;
let run = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'margin-sync-three-'));
  // The folder as first set up: the devices' copies start from its folder.json.
  key = await createSyncFolder(root, 'three devices passphrase', { N: 2 ** 10, r: 8, p: 1 });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

type Step =
  | { op: 'note'; device: number; annotation: number }
  | { op: 'color'; device: number; annotation: number; color: string }
  | { op: 'delete'; device: number; annotation: number; deleted: boolean }
  | { op: 'position'; device: number; fraction: number }
  | { op: 'publish'; device: number }
  | { op: 'sync'; device: number }
  | { op: 'carry'; from: number; to: number; pick: number; mode: CarryMode; fraction: number };

const deviceArb = fc.integer({ min: 0, max: 2 });
const annotationArb = fc.integer({ min: 0, max: ANNOTATIONS.length - 1 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('note' as const), device: deviceArb, annotation: annotationArb }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('color' as const),
      device: deviceArb,
      annotation: annotationArb,
      color: fc.constantFrom('yellow', 'green', 'blue'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('delete' as const),
      device: deviceArb,
      annotation: annotationArb,
      deleted: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('position' as const),
      device: deviceArb,
      fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('publish' as const), device: deviceArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('sync' as const), device: deviceArb }) },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('carry' as const),
      from: deviceArb,
      to: deviceArb,
      pick: fc.nat(),
      mode: fc.constantFrom<CarryMode>('whole', 'partial', 'partial', 'conflict-copy'),
      fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  },
);

/** Runs the steps, then carries everything everywhere, and returns the three devices. */
function simulate(steps: Step[]): SimulatedDevice[] {
  const base = join(root, `run-${(run += 1)}`);
  let wall = 1_800_000_000_000;
  const devices = DEVICE_IDS.map((id, index) => {
    const folder = join(base, `device-${index}`);
    copyFolderSetup(root, folder);
    return new SimulatedDevice(id, folder, key, () => wall + CLOCK_OFFSETS[index]);
  });
  let written = 0;
  for (const step of steps) {
    wall += 7; // a few ms between steps: stamps tie on the wall and differ by counter or device
    if (step.op === 'carry') {
      const [from, to] = [devices[step.from], devices[step.to]];
      const files = segmentFiles(from.folder);
      if (from === to || files.length === 0) continue;
      carry(files[step.pick % files.length], from.folder, to.folder, to.id, step.mode, step.fraction);
      continue;
    }
    const device = devices[step.device];
    if (step.op === 'note') {
      device.writeNote(ANNOTATIONS[step.annotation], DOC, `text ${(written += 1)} on ${step.device}`);
    } else if (step.op === 'color') {
      device.change(ANNOTATIONS[step.annotation], DOC, 'color', step.color);
    } else if (step.op === 'delete') {
      device.change(ANNOTATIONS[step.annotation], DOC, 'deleted', step.deleted);
    } else if (step.op === 'position') {
      device.position(DOC, { blockId: 'p1', fraction: step.fraction });
    } else if (step.op === 'publish') {
      device.publish();
    } else {
      device.sync();
    }
  }
  // Everything is carried at last: every device publishes, the tool copies every file everywhere.
  for (const device of devices) device.publish();
  for (let round = 0; round < 2; round += 1)
    for (const from of devices)
      for (const to of devices)
        if (from !== to)
          for (const file of segmentFiles(from.folder)) carry(file, from.folder, to.folder, to.id, 'whole');
  for (const device of devices) device.sync();
  return devices;
}

/** Every note text any device wrote is current, kept as a version, or was replaced on purpose. */
function expectNoTextLost(devices: SimulatedDevice[], state: SyncState): void {
  for (const written of devices.flatMap((device) => device.notesWritten)) {
    const note = state.annotations[written.annotationId].note;
    const kept =
      note.current?.hlc === written.hlc ||
      note.versions.some((version) => version.hlc === written.hlc && version.text === written.text) ||
      note.replaced.includes(written.hlc);
    expect(kept, `"${written.text}" was lost`).toBe(true);
  }
}

function expectConverged(devices: SimulatedDevice[]): void {
  const [first, ...others] = devices;
  for (const other of others) expect(other.state).toEqual(first.state);
  expectNoTextLost(devices, first.state);
  for (const device of devices) expect(device.problems).toEqual([]);
}

describe('sync convergence (three devices)', () => {
  it('brings three devices to the same state, whatever order and shape the files travel in', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 50 }), (steps) => {
        expectConverged(simulate(steps));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps both texts when two devices edit the same note between syncs', () => {
    const devices = simulate([
      { op: 'note', device: 0, annotation: 0 },
      { op: 'publish', device: 0 },
      { op: 'carry', from: 0, to: 1, pick: 0, mode: 'whole', fraction: 1 },
      { op: 'sync', device: 1 },
      { op: 'note', device: 0, annotation: 0 },
      { op: 'note', device: 1, annotation: 0 },
    ]);
    expectConverged(devices);
    const note = devices[2].state.annotations[ANNOTATIONS[0]].note;
    expect([note.current?.text, ...note.versions.map((version) => version.text)].sort()).toEqual([
      'text 2 on 0',
      'text 3 on 1',
    ]);
    expect(note.replaced).toHaveLength(1);
  });

  // Shrunk by fast-check from a run against a reader that skipped files it had seen before, even grown.
  it('reads a segment that was half copied at the last sync once the copy is whole', () => {
    const devices = simulate([
      { op: 'delete', device: 1, annotation: 0, deleted: false },
      { op: 'publish', device: 1 },
      { op: 'carry', from: 1, to: 0, pick: 0, mode: 'partial', fraction: 0 },
      { op: 'sync', device: 0 },
    ]);
    expectConverged(devices);
    expect(devices[0].state.annotations[ANNOTATIONS[0]].fields.deleted?.value).toBe(false);
  });
});
