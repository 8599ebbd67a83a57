import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../main/api';
import { createAnnotationService } from '../../../main/annotations/annotation-service';
import { MARGIN_NAMESPACE } from '../../../main/annotations/formats/annotation-jsonld';
import type { AnnotationService } from '../../../main/annotations/annotation-service';
import { openAnnotationStore } from '../../../main/annotations/store/annotation-store';
import { canonicalText } from '../../../main/library/canonical-text';
import { commentary, libraryOf } from './commentary-library';

const doc = commentary();
const text = canonicalText(doc);
const PASSAGE = 'Pakistani law prohibits foreign security companies';
const dirs: string[] = [];
const services: AnnotationService[] = [];

function freshService(): AnnotationService {
  const dataDir = mkdtempSync(join(tmpdir(), 'margin-selectors-'));
  dirs.push(dataDir);
  const service = createAnnotationService({
    store: openAnnotationStore({ dataDir }),
    library: libraryOf(doc),
  });
  services.push(service);
  return service;
}

afterEach(() => {
  for (const service of services.splice(0)) service.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A Margin JSON-LD record on the current text (its hash matches) whose selectors say what we choose. */
function jsonLdRecord(exact: string, start: number, end: number): string {
  return JSON.stringify({
    '@context': ['http://www.w3.org/ns/anno.jsonld', { margin: MARGIN_NAMESPACE }],
    id: 'urn:uuid:7d3c2a10-0000-4000-8000-000000000001',
    type: 'Annotation',
    motivation: 'highlighting',
    created: '2025-03-01T10:00:00.000Z',
    modified: '2025-03-01T10:00:00.000Z',
    'margin:color': 'green',
    'margin:docTextHash': doc.textHash,
    'margin:anchorStatus': 'exact',
    target: {
      source: `urn:margin:doc:${doc.id}`,
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end },
      ],
    },
  });
}

function where(record: Annotation): string {
  const position = record.selectors[1]!;
  return text.slice(position.start, position.end);
}

describe('selectors that do not match the text', () => {
  it('does not list an imported record as exact when its positions lie past the end of the text', async () => {
    expect(text.length).toBeLessThan(50_000);
    const service = freshService();
    const report = await service.importAnnotations(jsonLdRecord(PASSAGE, 50_000, 50_000 + PASSAGE.length));
    expect(report).toMatchObject({ added: 1, problems: [] });

    const [listed] = await service.listAnnotations(doc.id);
    expect(listed.anchorStatus).toBe('fuzzy');
    expect(where(listed)).toBe(PASSAGE);
    expect(listed.selectors[0]).toMatchObject({ exact: PASSAGE });
  });

  it('re-anchors from the quote an imported record whose positions cover other words', async () => {
    const service = freshService();
    const start = text.indexOf(PASSAGE) + 200;
    await service.importAnnotations(jsonLdRecord(PASSAGE, start, start + PASSAGE.length));

    const [listed] = await service.listAnnotations(doc.id);
    expect(listed.anchorStatus).toBe('fuzzy');
    expect(where(listed)).toBe(PASSAGE);
    // Listed once more, it stays where it was put: the fix was saved.
    expect(await service.listAnnotations(doc.id)).toEqual([listed]);
  });

  it('orphans an imported record whose quote is nowhere in the text, keeping its quote', async () => {
    const service = freshService();
    const quote = 'a sentence this commentary never contained';
    await service.importAnnotations(jsonLdRecord(quote, 100, 100 + quote.length));

    const [listed] = await service.listAnnotations(doc.id);
    expect(listed.anchorStatus).toBe('orphaned');
    expect(listed.selectors[0]).toMatchObject({ exact: quote });
  });

  it('re-anchors a restored record whose positions do not hold its quote, and lists it as restored', async () => {
    const service = freshService();
    const created = await service.createAnnotation({
      docId: doc.id,
      range: { start: text.indexOf(PASSAGE), end: text.indexOf(PASSAGE) + PASSAGE.length },
    });
    await service.deleteAnnotation(created.id);
    const tampered: Annotation = {
      ...created,
      selectors: [created.selectors[0]!, { type: 'TextPositionSelector', start: 50_000, end: 50_050 }],
    };

    const restored = await service.restoreAnnotation(tampered);
    expect(restored.anchorStatus).toBe('fuzzy');
    expect(where(restored)).toBe(PASSAGE);
    expect(await service.listAnnotations(doc.id)).toEqual([restored]);
  });

  it('restores a sound record exactly as it was', async () => {
    const service = freshService();
    const created = await service.createAnnotation({
      docId: doc.id,
      range: { start: text.indexOf(PASSAGE), end: text.indexOf(PASSAGE) + PASSAGE.length },
    });
    await service.deleteAnnotation(created.id);
    expect(await service.restoreAnnotation(created)).toEqual(created);
  });
});
