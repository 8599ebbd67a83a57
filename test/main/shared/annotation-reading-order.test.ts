import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotationService } from '../../../main/annotations/annotation-service';
import { openAnnotationStore } from '../../../main/annotations/store/annotation-store';
import { canonicalText } from '../../../main/library/canonical-text';
import { groupForPanel } from '../../../renderer/annotations/annotation-order';
import { commentary, libraryOf } from '../annotations/commentary-library';

const doc = commentary();
const text = canonicalText(doc);
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'margin-reading-order-'));
});

afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('annotation-reading-order', () => {
  it('lists a document’s notes in the same order in the service and in the notes panel, ties included', async () => {
    let second = 0;
    const service = createAnnotationService({
      store: openAnnotationStore({ dataDir }),
      library: libraryOf(doc),
      now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, second++)),
    });
    try {
      const start = text.indexOf('security lapses');
      const create = (end: number | null, note = '') =>
        service.createAnnotation({
          docId: doc.id,
          range: end === null ? null : { start, end: start + end },
          note,
        });
      // Created in an order that matches neither rule: short before long, a twin, notes in between.
      const inner = await create(8);
      const laterNote = await create(null, 'second thought');
      const outer = await create(40);
      const innerTwin = await create(8);
      const firstNote = await create(null, 'first thought');
      const elsewhere = await service.createAnnotation({ docId: doc.id, range: { start: 0, end: 5 } });

      const listed = await service.listAnnotations(doc.id);
      const panel = groupForPanel([...listed].reverse());
      expect([...panel.documentNotes, ...panel.passages, ...panel.orphaned]).toEqual(listed);
      expect(listed.map((a) => a.id)).toEqual(
        [laterNote, firstNote, elsewhere, outer, inner, innerTwin].map((a) => a.id),
      );
    } finally {
      service.close();
    }
  });
});
