import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createAnnotationService } from '../../../../main/annotations/annotation-service';
import type { AnnotationService } from '../../../../main/annotations/annotation-service';
import { openAnnotationStore } from '../../../../main/annotations/store/annotation-store';
import { canonicalText } from '../../../../main/library/canonical-text';
import { commentary, libraryOf } from '../commentary-library';
import { loadAssertions, SUITE_DIR, W3C_SUITE } from '../w3c-annotation-suite';
import type { SuiteFailure } from '../w3c-annotation-suite';

const doc = commentary();
const text = canonicalText(doc);
let dataDir: string;
let service: AnnotationService;
let annotationMusts: (candidate: unknown) => SuiteFailure[];
let collectionMusts: (candidate: unknown) => SuiteFailure[];
let pageMusts: (candidate: unknown) => SuiteFailure[];

function range(phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length };
}

beforeAll(() => {
  if (!W3C_SUITE.available) return;
  annotationMusts = loadAssertions('annotations/annotationMusts.test');
  collectionMusts = loadAssertions('collections/collectionMusts.test');
  pageMusts = loadAssertions('collections/pages/pageMusts.test');
});

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'margin-jsonld-'));
  service = createAnnotationService({ store: openAnnotationStore({ dataDir }), library: libraryOf(doc) });
});

afterEach(() => {
  service.close();
  rmSync(dataDir, { recursive: true, force: true });
});

W3C_SUITE.describe('the W3C suite as applied here', () => {
  const samples = join(SUITE_DIR, 'tools/samples');
  // These samples use Composite/Independents targets, which the final W3C model dropped; the suite's
  // own definitions (choiceSet.json) recognise only Choice, so they fail its musts as published.
  const droppedFromTheModel = ['anno11.json', 'anno12.json', 'anno13.json'];

  it('accepts every correct sample annotation', () => {
    const names = readdirSync(join(samples, 'correct')).filter(
      (n) => /^anno\d+/.test(n) && !droppedFromTheModel.includes(n),
    );
    expect(names.length).toBeGreaterThan(35);
    for (const name of names) {
      const sample = JSON.parse(readFileSync(join(samples, 'correct', name), 'utf8')) as unknown;
      expect(annotationMusts(sample), name).toEqual([]);
    }
  });

  it('rejects every incorrect sample annotation (those that are not even JSON fail before any schema)', () => {
    const names = readdirSync(join(samples, 'incorrect'));
    let checkedBySchema = 0;
    for (const name of names) {
      let sample: unknown;
      try {
        sample = JSON.parse(readFileSync(join(samples, 'incorrect', name), 'utf8'));
      } catch {
        continue;
      }
      checkedBySchema += 1;
      expect(annotationMusts(sample).length, name).toBeGreaterThan(0);
    }
    expect(checkedBySchema).toBeGreaterThan(15);
  });

  it('accepts the sample collection and rejects a page offered as a collection', () => {
    const read = (name: string): unknown => JSON.parse(readFileSync(join(samples, 'correct', name), 'utf8'));
    expect(collectionMusts(read('collection1.json'))).toEqual([]);
    expect(collectionMusts(read('example42.json')).length).toBeGreaterThan(0);
    // The page musts read `partOf` as an embedded collection description, so the suite's own page
    // samples (partOf as a URI) fail them; a collection with its page embedded is what they accept.
    expect(pageMusts(read('collection1.json'))).toEqual([]);
  });
});

W3C_SUITE.describe('annotation-jsonld export', () => {
  it('exports an AnnotationCollection whose every annotation passes the W3C musts', async () => {
    await service.createAnnotation({
      docId: doc.id,
      range: range('security lapses and strained diplomacy'),
      color: 'pink',
      note: '**Why** it matters',
      tags: ['cpec', 'ties'],
    });
    await service.createAnnotation({
      docId: doc.id,
      range: range('Pakistani law prohibits foreign security companies'),
    });
    await service.createAnnotation({ docId: doc.id, note: 'A note on the whole piece', tags: ['to-read'] });

    const [file] = await service.exportAnnotations('jsonld');
    expect(file.name).toBe('margin-annotations.jsonld');
    expect(file.mediaType).toMatch(/^application\/ld\+json/);
    const collection = JSON.parse(file.content) as {
      type: string;
      total: number;
      first: { items: Array<Record<string, unknown>> };
    };
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(3);
    expect(collectionMusts(collection)).toEqual([]);
    expect(pageMusts(collection)).toEqual([]);
    expect(pageMusts({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...collection.first })).toEqual([]);
    expect(collection.first.items).toHaveLength(3);
    for (const item of collection.first.items) expect(annotationMusts(item), String(item.id)).toEqual([]);

    const note = collection.first.items[0];
    expect(note).toMatchObject({ motivation: 'commenting', target: `urn:margin:doc:${doc.id}` });
    const highlight = collection.first.items[1];
    expect(highlight).toMatchObject({
      type: 'Annotation',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', purpose: 'commenting', value: '**Why** it matters', format: 'text/markdown' },
        { type: 'TextualBody', purpose: 'tagging', value: 'cpec' },
        { type: 'TextualBody', purpose: 'tagging', value: 'ties' },
      ],
      target: { source: `urn:margin:doc:${doc.id}`, styleClass: 'margin-pink' },
      'margin:color': 'pink',
    });
    const selectors = (highlight.target as { selector: Array<{ type: string }> }).selector.map((s) => s.type);
    expect(selectors).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
  });

  it('exports one document on request, and refuses an unknown one', async () => {
    await service.createAnnotation({ docId: doc.id, range: range('Pakistani law prohibits') });
    const [file] = await service.exportAnnotations('jsonld', doc.id);
    expect(file.name).toBe(`${doc.id}.annotations.jsonld`);
    await expect(service.exportAnnotations('jsonld', 'no-such-doc')).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(service.exportAnnotations('pdf' as never)).rejects.toMatchObject({
      code: 'invalid-argument',
    });
  });
});
