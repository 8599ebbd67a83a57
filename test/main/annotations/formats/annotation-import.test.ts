import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../main/api';
import { createAnnotationService } from '../../../../main/annotations/annotation-service';
import type { AnnotationService } from '../../../../main/annotations/annotation-service';
import { openAnnotationStore } from '../../../../main/annotations/store/annotation-store';
import { canonicalText } from '../../../../main/library/canonical-text';
import { commentary, libraryOf } from '../commentary-library';

const doc = commentary();
const text = canonicalText(doc);
const dirs: string[] = [];
const services: AnnotationService[] = [];

function freshService(): AnnotationService {
  const dataDir = mkdtempSync(join(tmpdir(), 'margin-import-'));
  dirs.push(dataDir);
  const service = createAnnotationService({
    store: openAnnotationStore({ dataDir }),
    library: libraryOf(doc),
  });
  services.push(service);
  return service;
}

function range(phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length };
}

async function exported(service: AnnotationService): Promise<string> {
  return (await service.exportAnnotations('jsonld'))[0].content;
}

type Collection = { first: { items: Array<Record<string, unknown>> } };

let source: AnnotationService;
let created: Annotation[];

beforeEach(async () => {
  source = freshService();
  created = [
    await source.createAnnotation({
      docId: doc.id,
      range: range('security lapses and strained diplomacy'),
      color: 'blue',
      note: 'Note *one*',
      tags: ['a', 'b'],
    }),
    await source.createAnnotation({
      docId: doc.id,
      range: range('Pakistani law prohibits foreign security companies'),
    }),
    await source.createAnnotation({ docId: doc.id, note: 'On the whole document', tags: ['doc'] }),
  ];
});

afterEach(() => {
  for (const service of services.splice(0)) service.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('annotation-import', () => {
  it('round-trips a JSON-LD export into an empty data folder, record for record', async () => {
    const target = freshService();
    const report = await target.importAnnotations(await exported(source));
    expect(report).toEqual({ added: 3, updated: 0, skipped: 0, problems: [] });
    expect(await target.listAllAnnotations()).toEqual(await source.listAllAnnotations());
  });

  it('merges by id: a newer record updates, an older or equal one is skipped, and nothing is deleted', async () => {
    const target = freshService();
    await target.importAnnotations(await exported(source));
    const onlyInTarget = await target.createAnnotation({ docId: doc.id, note: 'Only here' });
    const newerInTarget = await target.updateAnnotation(created[1].id, {
      note: 'edited in the target later',
    });
    const newerInSource = await source.updateAnnotation(created[0].id, {
      color: 'green',
      note: 'edited in the source',
    });

    const report = await target.importAnnotations(await exported(source));
    expect(report).toEqual({ added: 0, updated: 1, skipped: 2, problems: [] });
    const after = new Map((await target.listAllAnnotations()).map((a) => [a.id, a]));
    expect(after.get(created[0].id)).toEqual(newerInSource);
    expect(after.get(created[1].id)).toEqual(newerInTarget);
    expect(after.get(onlyInTarget.id)).toEqual(onlyInTarget);
    expect(after.size).toBe(4);
  });

  it('takes the good records of a file and reports each bad one with its reason', async () => {
    const collection = JSON.parse(await exported(source)) as Collection;
    const items = collection.first.items;
    items.push({
      ...items[0],
      id: 'urn:uuid:22222222-2222-4222-8222-222222222222',
      'margin:color': 'orange',
    });
    items.push({
      ...items[1],
      id: 'urn:uuid:33333333-3333-4333-8333-333333333333',
      target: 'http://example.com/elsewhere',
    });
    items.push({
      type: 'Annotation',
      id: 'not a uri',
      target: `urn:margin:doc:${doc.id}`,
      created: '2025-01-01T00:00:00Z',
    });
    items.push({
      ...items[1],
      id: 'urn:uuid:44444444-4444-4444-8444-444444444444',
      body: { type: 'TextualBody', value: 'x'.repeat(100_001) },
    });
    const target = freshService();
    const report = await target.importAnnotations(JSON.stringify(collection));
    expect(report.added).toBe(3);
    expect(report.skipped).toBe(4);
    expect(report.problems).toHaveLength(4);
    expect(report.problems[0]).toMatch(/^Annotation 4 \(urn:uuid:2222.*colour/);
    expect(report.problems[1]).toMatch(/not a Margin document/);
    expect(report.problems[2]).toMatch(/id is a URI/);
    expect(report.problems[3]).toMatch(/note is at most 100,000/);
    expect((await target.listAllAnnotations()).map((a) => a.id).sort()).toEqual(
      created.map((a) => a.id).sort(),
    );
  });

  it('reads annotations written by another tool when they target a Margin document, and re-anchors them by quote', async () => {
    const target = freshService();
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/anno/1',
      type: 'Annotation',
      created: '2025-03-01T10:00:00Z',
      bodyValue: 'Seen elsewhere',
      target: {
        source: `urn:margin:doc:${doc.id}`,
        selector: { type: 'TextQuoteSelector', exact: 'Pakistani law prohibits foreign security companies' },
      },
    };
    expect(await target.importAnnotations(JSON.stringify(foreign))).toEqual({
      added: 1,
      updated: 0,
      skipped: 0,
      problems: [],
    });
    const [listed] = await target.listAnnotations(doc.id);
    expect(listed).toMatchObject({
      id: 'http://example.org/anno/1',
      note: 'Seen elsewhere',
      motivation: 'commenting',
      color: 'yellow',
      anchorStatus: 'exact',
      docTextHash: doc.textHash,
    });
    const position = listed.selectors[1]!;
    expect(text.slice(position.start, position.end)).toBe(
      'Pakistani law prohibits foreign security companies',
    );
  });

  it('refuses a file that is not JSON-LD annotations with a clear message, and stores nothing', async () => {
    const target = freshService();
    for (const bad of ['', 'not json at all', '{"type":"Book"}', '# Markdown export']) {
      await expect(target.importAnnotations(bad)).rejects.toMatchObject({
        code: 'invalid-argument',
        message: expect.stringMatching(/empty|JSON-LD|no Web Annotations/),
      });
    }
    expect(await target.listAllAnnotations()).toEqual([]);
  });
});
