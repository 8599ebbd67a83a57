import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../main/api';
import { createClock } from '../../../main/sync/hlc';
import { annotationFromState, changesForDeletion, changesForEdit } from '../../../main/sync/sync-annotation';
import { emptySyncState, mergeChanges } from '../../../main/sync/sync-merge';
import type { SyncState } from '../../../main/sync/sync-merge';

const DESK = 'dddddddddddddddd';
const LAPTOP = 'aaaaaaaaaaaaaaaa';
const START = Date.parse('2026-12-01T10:02:00.000Z');

const highlight: Annotation = {
  id: 'urn:uuid:4a7d1c0e-1111-4000-8000-000000000001',
  docId: 'gwadar-port',
  docTextHash: 'a'.repeat(64),
  motivation: 'highlighting',
  color: 'yellow',
  note: '',
  tags: [],
  selectors: [
    { type: 'TextQuoteSelector', exact: 'deep-water port', prefix: 'a ', suffix: ' on the' },
    { type: 'TextPositionSelector', start: 40, end: 55 },
  ],
  anchorStatus: 'exact',
  created: '2026-12-01T10:02:00.000Z',
  modified: '2026-12-01T10:02:00.000Z',
};

function merged(state: SyncState, changes: Parameters<typeof mergeChanges>[1]): SyncState {
  return mergeChanges(state, changes).state;
}

describe('sync-annotation', () => {
  it('turns a new record into changes that rebuild the same record on another device', () => {
    const desk = createClock(DESK, { now: () => START });
    const state = merged(emptySyncState(), changesForEdit(null, highlight, desk));
    expect(annotationFromState(highlight.id, state)).toEqual({
      record: highlight,
      deleted: false,
      versions: [],
    });
  });

  it('sends only the fields an edit changed, and derives motivation and modified', () => {
    const desk = createClock(DESK, { now: () => START });
    let state = merged(emptySyncState(), changesForEdit(null, highlight, desk));
    const later = createClock(DESK, { now: () => START + 60_000, last: desk.last() });
    const edited = { ...highlight, note: 'Built with a **loan**', tags: ['ports'] };
    const changes = changesForEdit(highlight, edited, later, state.annotations[highlight.id]);
    expect(changes.map((change) => change.field)).toEqual(['tags', 'note']);
    state = merged(state, changes);
    expect(annotationFromState(highlight.id, state)?.record).toEqual({
      ...edited,
      motivation: 'commenting',
      modified: '2026-12-01T10:03:00.000Z',
    });
  });

  it('shows the text that lost a concurrent edit beside the record, with its device', () => {
    const desk = createClock(DESK, { now: () => START });
    const laptop = createClock(LAPTOP, { now: () => START + 1000 });
    const base = merged(emptySyncState(), changesForEdit(null, highlight, desk));
    const current = base.annotations[highlight.id];
    const onDesk = changesForEdit(highlight, { ...highlight, note: 'Desk text' }, desk, current);
    const onLaptop = changesForEdit(highlight, { ...highlight, note: 'Laptop text' }, laptop, current);
    const result = annotationFromState(highlight.id, merged(base, [...onLaptop, ...onDesk]));
    expect(result?.record.note).toBe('Laptop text');
    expect(result?.versions.map(({ text, device }) => ({ text, device }))).toEqual([
      { text: 'Desk text', device: DESK },
    ]);
  });

  it('marks a deleted record, keeps it whole, and an undo brings it back', () => {
    const desk = createClock(DESK, { now: () => START });
    let state = merged(emptySyncState(), changesForEdit(null, highlight, desk));
    state = merged(state, changesForDeletion(highlight, desk));
    expect(annotationFromState(highlight.id, state)).toMatchObject({
      deleted: true,
      record: { color: 'yellow' },
    });
    state = merged(state, changesForEdit(null, highlight, desk, state.annotations[highlight.id]));
    expect(annotationFromState(highlight.id, state)?.deleted).toBe(false);
  });

  it('leaves out a record whose creation has not arrived yet', () => {
    const desk = createClock(DESK, { now: () => START });
    const [, ...withoutCreated] = changesForEdit(null, highlight, desk);
    expect(annotationFromState(highlight.id, merged(emptySyncState(), withoutCreated))).toBeNull();
    expect(annotationFromState('urn:uuid:unknown', emptySyncState())).toBeNull();
  });
});
