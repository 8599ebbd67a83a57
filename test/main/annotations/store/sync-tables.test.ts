import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAnnotationStore } from '../../../../main/annotations/store/annotation-store';
import type { AnnotationStore } from '../../../../main/annotations/store/annotation-store';
import { sampleId, sampleRecord } from './../sample-records';

let dataDir: string;
let store: AnnotationStore;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'margin-sync-tables-'));
  store = openAnnotationStore({ dataDir });
});

afterEach(() => {
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const row = (n: number) => ({ kind: 'annotation', key: sampleId(n), value: `{"n":${n}}` });

describe('sync-tables', () => {
  it('finds exactly the notes edited, created or deleted since sync last agreed with them', () => {
    store.putAll([1, 2, 3, 4].map((n) => sampleRecord(n)));
    store.sync.commit({ rows: [1, 2, 3, 4].map(row), agree: [1, 2, 3, 4].map(sampleId) });
    expect(store.sync.disagreeing()).toEqual([]);

    store.put(sampleRecord(2, { note: 'edited here' }));
    store.remove(sampleId(3));
    store.put(sampleRecord(5));
    expect(store.sync.disagreeing().sort()).toEqual([2, 3, 5].map(sampleId).sort());
    expect(store.sync.disagreeing([sampleId(1), sampleId(2), sampleId(9)])).toEqual([sampleId(2)]);

    // A note the store never held (refused, or not whole yet) is no deletion.
    store.sync.commit({ rows: [row(9)], agree: [sampleId(9)] });
    expect(store.sync.disagreeing()).not.toContain(sampleId(9));
  });

  it('writes a batch whole or not at all, and keeps the outbox in order', () => {
    store.sync.commit({ outboxAdd: ['a', 'b', 'c'] });
    expect(() =>
      store.sync.commit({
        rows: [row(1)],
        outboxAdd: ['d'],
        put: [{ ...sampleRecord(1), color: 'not a colour' as never }],
      }),
    ).toThrow();
    expect(store.sync.row('annotation', sampleId(1))).toBeNull();
    expect(store.sync.outbox(10).map((entry) => entry.change)).toEqual(['a', 'b', 'c']);
    const [first, second] = store.sync.outbox(2);
    store.sync.commit({ outboxDropThrough: second.seq, durable: false });
    expect(store.sync.outbox(10, first.seq).map((entry) => entry.change)).toEqual(['c']);
  });
});
