import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document, DocumentHit, SearchResults } from '../../../../main/api';
import { blockText } from '../../../../main/library/canonical-text';
import { parseRcasText } from '../../../../main/library/parse-rcas-text';
import { bundledDocumentPath } from '../../../../main/library/bundle-document-file';
import { bodyShardFile, SEARCH_DIR } from '../../../../main/search/index/search-files';
import { createSearchService, type SearchService } from '../../../../main/search/service/search-service';
import { searchWorkerPlan } from '../../../../main/search/service/search-worker-source';
import { writeTestBundle } from '../fixture-bundle';
import { makeDocument } from '../fixture-documents';

const RCAS_FILE = 'security-concerns-impede-china-pakistan-relations.txt';
const RCAS_ID = 'security-concerns-impede-china-pakistan-relations';

/** Our own commentaries: China without Gwadar, the phrase's words scattered, an IMPLICATIONS heading. */
const FIXTURES: Document[] = [
  makeDocument({
    id: 'river-ports',
    title: 'River Ports and the Trade of Central Asia',
    authors: ['Mira Okafor'],
    published: '2023-05-02',
    sections: [
      { heading: null, blocks: ['China has financed river ports along the trade routes of Central Asia.'] },
      {
        heading: 'IMPLICATIONS',
        blocks: [
          'The weather decides when the ports open; friendship between the two capitals decides the rest, in all seasons.',
          { caption: 'A barge on the river at dawn.' },
        ],
      },
    ],
    bio: ['Mira Okafor writes about inland shipping.'],
  }),
  makeDocument({
    id: 'mountain-roads',
    title: 'Mountain Roads',
    authors: ['Tomas Reyes'],
    published: '2022-01-15',
    sections: [
      {
        heading: 'BACKGROUND',
        blocks: [
          'Roads through the mountains were attacked by storms every winter.',
          'The pass opens at 10:30 each morning; lorries outnumber cars 3:1 (timetable at http://roads.example.org).',
        ],
      },
    ],
  }),
];

/** Bundles the worker like the app build does, so the test does not depend on a previous build. */
async function buildWorker(outfile: string): Promise<void> {
  await build({
    entryPoints: [join('main', 'search', 'service', 'search-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'silent',
  });
}

function ok(results: SearchResults): Extract<SearchResults, { status: 'ok' }> {
  if (results.status !== 'ok') throw new Error(`expected results, got: ${results.message}`);
  return results;
}

function group(results: SearchResults, docId: string): DocumentHit | undefined {
  return ok(results).groups.find((hit) => hit.docId === docId);
}

function marked(hit: DocumentHit | undefined): string[] {
  return (hit?.passages ?? []).flatMap((passage) =>
    passage.snippet.filter((part) => part.mark).map((part) => part.text),
  );
}

describe('search-service', () => {
  let dir: string;
  let rcas: Document;
  let service: SearchService;

  const blockStarting = (prefix: string) => {
    const block = rcas.sections
      .flatMap((section) => section.blocks)
      .find((b) => blockText(b).startsWith(prefix));
    if (block === undefined) throw new Error(`no block starts with "${prefix}"`);
    return block.id;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'margin-search-'));
    rcas = parseRcasText(await readFile(join('content', RCAS_FILE), 'utf8'), RCAS_FILE);
    await writeTestBundle([rcas, ...FIXTURES], dir);
    service = createSearchService({ bundleDir: dir });
    await service.ready;
  });

  afterAll(async () => {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('finds "Gwadar" in the Balochistan paragraph and gives its block id to jump to', async () => {
    const results = ok(await service.search('Gwadar'));
    expect(results.complete).toBe(true);
    expect(results.total).toBe(1);
    const [hit] = results.groups;
    expect(hit).toMatchObject({
      docId: RCAS_ID,
      title: 'Security Concerns Impede China-Pakistan Relations',
      authors: ['Ghulam Ali'],
      published: '2024-11-20',
    });
    expect(hit.passages[0].blockId).toBe(blockStarting('The Balochistan Liberation Army'));
    expect(hit.passages[0]).toMatchObject({ section: 'BACKGROUND', terms: ['Gwadar'] });
    expect(rcas.sections.find((s) => s.id === hit.passages[0].sectionId)?.heading).toBe('BACKGROUND');
  });

  it('marks the matched word in a snippet of about 36 words around it', async () => {
    const passage = group(await service.search('Gwadar'), RCAS_ID)?.passages[0];
    const text = passage?.snippet.map((part) => part.text).join('') ?? '';
    expect(passage?.snippet.filter((part) => part.mark)).toEqual([{ text: 'Gwadar', mark: true }]);
    expect(text).toContain('which hosts the strategic Gwadar Port');
    expect(text.split(/\s+/).length).toBeLessThanOrEqual(40);
  });

  it('finds other forms of a word by its stem: "attacked" finds "attacks"', async () => {
    const results = await service.search('attacked');
    const hit = group(results, RCAS_ID);
    expect(marked(hit)).toContain('attacks');
    expect(hit?.passages[0].terms).toContain('attacks');
    expect(marked(group(results, 'mountain-roads'))).toEqual(['attacked']);
  });

  it('expands a prefix and marks the words it matched', async () => {
    const hit = group(await service.search('Balo*'), RCAS_ID);
    expect(hit?.passages[0].blockId).toBe(blockStarting('The Balochistan Liberation Army'));
    expect(marked(hit)).toEqual(expect.arrayContaining(['Balochistan', 'Balochi']));
  });

  it('finds every word a prefix starts, even when stemming cut the word shorter than the prefix', async () => {
    // "security" is indexed as "secur", "engineers" as "engin": both shorter than what the reader typed
    const security = group(await service.search('securit*'), RCAS_ID);
    expect(marked(security)).toContain('security');
    expect(security?.passages[0].terms).toContain('security');
    expect(marked(group(await service.search('Balochista*'), RCAS_ID))).toContain('Balochistan');
    expect(marked(group(await service.search('engine*'), RCAS_ID))).toContain('engineers');
    // "military" is indexed as "militari", which the letters "military" do not start
    expect(marked(group(await service.search('military*'), RCAS_ID))).toContain('military');
  });

  it('finds nothing for a prefix that starts no word, though it begins like one', async () => {
    for (const query of ['secx*', 'securx*', 'engineq*']) {
      const results = ok(await service.search(query));
      expect(results.total, query).toBe(0);
      expect(results.groups, query).toEqual([]);
    }
  });

  it('searches times, ratios and web addresses as typed instead of refusing their colon', async () => {
    for (const [query, word] of [
      ['10:30', '10:30'],
      ['3:1', '3:1'],
      ['http://roads.example.org', 'http://roads.example.org'],
      ['title:mountain 10:30', '10:30'],
    ]) {
      const results = ok(await service.search(query));
      expect(
        results.groups.map((g) => g.docId),
        query,
      ).toEqual(['mountain-roads']);
      expect(marked(results.groups[0]), query).toEqual([word]);
    }
    expect(ok(await service.search('11:30')).groups).toEqual([]);
    const misspelt = await service.search('titel:security');
    expect(misspelt).toMatchObject({ status: 'invalid', message: expect.stringMatching(/no field "titel"/) });
  });

  it('forgives a typo with fuzzy matching: Balochistn~1', async () => {
    const hit = group(await service.search('Balochistn~1'), RCAS_ID);
    expect(hit?.passages[0].blockId).toBe(blockStarting('The Balochistan Liberation Army'));
    expect(marked(hit)).toContain('Balochistan');
  });

  it('keeps documents with +required words and drops those with -excluded ones', async () => {
    const both = ok(await service.search('+china'));
    expect(both.groups.map((g) => g.docId).sort()).toEqual([RCAS_ID, 'river-ports'].sort());
    const results = ok(await service.search('+china -gwadar'));
    expect(results.groups.map((g) => g.docId)).toEqual(['river-ports']);
    expect(results.total).toBe(1);
  });

  it('searches titles, authors and section headings with title:, author: and section:', async () => {
    expect(ok(await service.search('title:mountain')).groups.map((g) => g.docId)).toEqual(['mountain-roads']);
    // "ports" is in River Ports' title and text but in no title of the others
    expect(ok(await service.search('title:ports')).groups.map((g) => g.docId)).toEqual(['river-ports']);
    expect(ok(await service.search('author:ghulam')).groups.map((g) => g.docId)).toEqual([RCAS_ID]);
    expect(ok(await service.search('title:ghulam')).groups).toEqual([]);

    const sections = ok(await service.search('section:implications'));
    expect(sections.groups.map((g) => g.docId).sort()).toEqual([RCAS_ID, 'river-ports'].sort());
    const implications = rcas.sections.find((s) => s.heading === 'IMPLICATIONS');
    const hit = group(sections, RCAS_ID);
    expect(hit?.passages.length).toBe(3);
    for (const passage of hit?.passages ?? []) {
      expect(passage.sectionId).toBe(implications?.id);
      expect(passage.section).toBe('IMPLICATIONS');
    }
  });

  it('matches a quoted phrase exactly, across quotes and hyphens, but not its words scattered', async () => {
    const scattered = ok(await service.search('all-weather friendship'));
    expect(scattered.groups.map((g) => g.docId).sort()).toEqual([RCAS_ID, 'river-ports'].sort());

    for (const query of ['"all-weather friendship"', '“All Weather Friendship”']) {
      const results = ok(await service.search(query));
      expect(results.groups.map((g) => g.docId)).toEqual([RCAS_ID]);
      const [passage] = results.groups[0].passages;
      expect(results.groups[0].passages).toHaveLength(1);
      expect(passage.section).toBe('CONCLUSIONS');
      expect(passage.snippet.filter((part) => part.mark).map((part) => part.text)).toEqual([
        'all',
        'weather',
        'friendship',
      ]);
    }
    expect(
      ok(await service.search('friendship -"all-weather friendship"')).groups.map((g) => g.docId),
    ).toEqual(['river-ports']);
  });

  it('answers a query it cannot parse with a message, never an exception', async () => {
    for (const query of ['title:', 'foo~x', ':bar', 'colour:red', '"unbalanced', '', 'a*']) {
      const results = await service.search(query);
      expect(results.status, query).toBe('invalid');
      if (results.status === 'invalid') {
        expect(results.query).toBe(query);
        expect(results.message.length).toBeGreaterThan(10);
      }
    }
  });

  it('groups passages by document, honours the limits and counts every matched document', async () => {
    const results = ok(await service.search('the china ports roads', { limit: 1, passagesPerDocument: 1 }));
    expect(results.total).toBe(3);
    expect(results.groups).toHaveLength(1);
    expect(results.groups[0].passages).toHaveLength(1);
    expect(results.annotations).toEqual([]);
    expect(results.tookMs).toBeGreaterThanOrEqual(0);
    // Documents holding two of the words (china, ports: the commentary says "Gwadar Port") come before
    // the one holding a single word, however high its score; equal holders go by score.
    const all = ok(await service.search('china ports roads'));
    expect(all.groups.map((g) => g.docId)).toEqual(['river-ports', RCAS_ID, 'mountain-roads']);
    expect(all.groups[0].score).toBeGreaterThanOrEqual(all.groups[1].score);
    expect(all.groups[2].score).toBeGreaterThan(all.groups[0].score);
  });

  it('finds author-bio passages and figure captions', async () => {
    const bio = group(await service.search('inland shipping'), 'river-ports');
    expect(bio?.passages[0]).toMatchObject({
      blockId: FIXTURES[0].authorBio[0].id,
      section: 'About the author',
    });
    const figure = group(await service.search('barge'), 'river-ports');
    expect(figure?.passages[0].blockId).toBe(FIXTURES[0].sections[1].blocks[1].id);
  });
});

describe('search-service stages and failures', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'margin-search-stages-'));
    const rcas = parseRcasText(await readFile(join('content', RCAS_FILE), 'utf8'), RCAS_FILE);
    await writeTestBundle([rcas, ...FIXTURES], dir);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers titles, authors and headings from the meta index before the text index is ready', async () => {
    const service = createSearchService({ bundleDir: dir });
    try {
      const early = ok(await service.search('author:ghulam'));
      expect(service.isReady()).toBe(false);
      expect(early.complete).toBe(false);
      expect(early.groups.map((g) => g.docId)).toEqual([RCAS_ID]);
      expect(ok(await service.search('Gwadar')).groups).toEqual([]);
      await service.ready;
      expect(service.isReady()).toBe(true);
      expect(ok(await service.search('Gwadar')).complete).toBe(true);
    } finally {
      await service.close();
    }
  });

  it('starts the worker from its source and reads an unpacked copy of the bundle, as the packaged app does', async () => {
    // A packaged app keeps the worker's code in app.asar (read on the main thread) and unpacks the
    // data beside it: here a folder named like Electron's, holding a copy of the bundle.
    const root = await mkdtemp(join(tmpdir(), 'margin-packaged-'));
    const dist = join(root, 'resources', 'app.asar', 'dist');
    const unpacked = join(root, 'resources', 'app.asar.unpacked', 'dist', 'content');
    await buildWorker(join(dist, 'main', 'search-worker.js'));
    await cp(dir, unpacked, { recursive: true });
    const plan = searchWorkerPlan(dist, (file) => readFileSync(file, 'utf8'));
    expect(plan.bundleDir).toBe(unpacked);
    expect('source' in plan.code && plan.code.source.length > 1000).toBe(true);
    const packaged = createSearchService({ bundleDir: join(dist, 'content'), worker: plan });
    const inProcess = createSearchService({ bundleDir: dir });
    try {
      await Promise.all([packaged.ready, inProcess.ready]);
      for (const query of ['Gwadar', '"all-weather friendship"']) {
        const [a, b] = await Promise.all([packaged.search(query), inProcess.search(query)]);
        expect({ ...a, tookMs: 0 }, query).toEqual({ ...b, tookMs: 0 });
      }
    } finally {
      await Promise.all([packaged.close(), inProcess.close()]);
      await rm(root, { recursive: true, force: true });
    }
  });

  it('loads and searches in a worker thread built from search-worker.ts', async () => {
    const workerDir = await mkdtemp(join(tmpdir(), 'margin-search-worker-'));
    const workerScript = join(workerDir, 'search-worker.js');
    await buildWorker(workerScript);
    const inWorker = createSearchService({ bundleDir: dir, workerScript });
    const inProcess = createSearchService({ bundleDir: dir });
    try {
      await Promise.all([inWorker.ready, inProcess.ready]);
      expect(inWorker.isReady()).toBe(true);
      for (const query of ['Gwadar', 'secur*', '"all-weather friendship"', 'colour:red']) {
        const [a, b] = await Promise.all([inWorker.search(query), inProcess.search(query)]);
        expect({ ...a, tookMs: 0 }, query).toEqual({ ...b, tookMs: 0 });
      }
      expect(group(await inWorker.search('Gwadar'), RCAS_ID)?.passages[0].terms).toEqual(['Gwadar']);
    } finally {
      await Promise.all([inWorker.close(), inProcess.close()]);
      await rm(workerDir, { recursive: true, force: true });
    }
  });

  it('answers every query typed while the full-text index takes over from the titles index', async () => {
    const workerDir = await mkdtemp(join(tmpdir(), 'margin-search-handover-'));
    const workerScript = join(workerDir, 'search-worker.js');
    await buildWorker(workerScript);
    try {
      // Several rounds: the hand-over is a moment, and a query in flight on the retiring worker must not fail.
      for (let round = 0; round < 5; round++) {
        const service = createSearchService({ bundleDir: dir, workerScript });
        const outcomes: Promise<SearchResults>[] = [];
        let readyAt = -1;
        void service.ready.then(() => (readyAt = outcomes.length));
        while (readyAt < 0 || outcomes.length < readyAt + 40) {
          const batch = Array.from({ length: 4 }, () => service.search('author:ghulam'));
          outcomes.push(...batch);
          await Promise.race(batch);
        }
        const settled = await Promise.allSettled(outcomes);
        const failed = settled.filter((outcome) => outcome.status === 'rejected');
        expect(failed.map((outcome) => String((outcome as PromiseRejectedResult).reason))).toEqual([]);
        await service.close();
      }
    } finally {
      await rm(workerDir, { recursive: true, force: true });
    }
  });

  it('keeps answering from the meta worker when the text index is damaged', async () => {
    const damaged = await mkdtemp(join(tmpdir(), 'margin-search-damaged-worker-'));
    const workerScript = join(damaged, 'search-worker.js');
    try {
      await buildWorker(workerScript);
      const rcas = parseRcasText(await readFile(join('content', RCAS_FILE), 'utf8'), RCAS_FILE);
      await writeTestBundle([rcas], damaged);
      await writeFile(join(damaged, SEARCH_DIR, bodyShardFile(0)), 'not an index');
      const service = createSearchService({ bundleDir: damaged, workerScript });
      await expect(service.ready).rejects.toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(/bad signature/),
      });
      const results = ok(await service.search('author:ghulam'));
      expect(results.complete).toBe(false);
      expect(results.groups.map((g) => g.docId)).toEqual([RCAS_ID]);
      await service.close();
    } finally {
      await rm(damaged, { recursive: true, force: true });
    }
  });

  it('keeps answering from the meta index when the text index is damaged, and says why it is not ready', async () => {
    const damaged = await mkdtemp(join(tmpdir(), 'margin-search-damaged-'));
    try {
      const rcas = parseRcasText(await readFile(join('content', RCAS_FILE), 'utf8'), RCAS_FILE);
      await writeTestBundle([rcas], damaged);
      await writeFile(join(damaged, SEARCH_DIR, bodyShardFile(0)), 'not an index');
      const service = createSearchService({ bundleDir: damaged });
      await expect(service.ready).rejects.toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(/body-000\.bin.*bad signature/),
      });
      expect(service.isReady()).toBe(false);
      const results = ok(await service.search('title:security'));
      expect(results.complete).toBe(false);
      expect(results.groups.map((g) => g.docId)).toEqual([RCAS_ID]);
      await service.close();
    } finally {
      await rm(damaged, { recursive: true, force: true });
    }
  });

  it('still lists a document by title when its document file is missing', async () => {
    const partial = await mkdtemp(join(tmpdir(), 'margin-search-partial-'));
    try {
      await writeTestBundle(FIXTURES, partial);
      await rm(join(partial, bundledDocumentPath('mountain-roads')));
      const service = createSearchService({ bundleDir: partial });
      await service.ready;
      const results = ok(await service.search('mountains roads'));
      expect(results.groups.map((g) => [g.docId, g.passages.length])).toEqual([['mountain-roads', 0]]);
      await service.close();
    } finally {
      await rm(partial, { recursive: true, force: true });
    }
  });

  it('still lists a document by title when its compressed document file is damaged', async () => {
    const partial = await mkdtemp(join(tmpdir(), 'margin-search-damaged-doc-'));
    try {
      await writeTestBundle(FIXTURES, partial);
      const file = join(partial, bundledDocumentPath('mountain-roads'));
      await writeFile(file, (await readFile(file)).subarray(0, 40));
      const service = createSearchService({ bundleDir: partial });
      await service.ready;
      const results = ok(await service.search('mountains roads'));
      expect(results.groups.map((g) => [g.docId, g.passages.length])).toEqual([['mountain-roads', 0]]);
      await service.close();
    } finally {
      await rm(partial, { recursive: true, force: true });
    }
  });

  it('says the index is unavailable when a bundle has none, instead of crashing', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'margin-search-none-'));
    try {
      const service = createSearchService({ bundleDir: empty });
      await expect(service.ready).rejects.toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(/records\.bin: not found/),
      });
      await expect(service.search('gwadar')).rejects.toMatchObject({ code: 'unavailable' });
      await service.close();
      await expect(service.search('gwadar')).rejects.toMatchObject({ code: 'unavailable' });
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
