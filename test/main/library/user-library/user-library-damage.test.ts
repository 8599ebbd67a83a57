import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResults } from '../../../../main/api';
import { buildContent } from '../../../../main/library/content-build';
import { createMarginService, type MarginService } from '../../../../main/margin-service';
import { buildWorkers, searchReady } from './built-workers';

const NOTE = new TextEncoder().encode(
  '# Kalabagh dam notes\n\nThe Kalabagh site was surveyed again in 2019.\n',
);

let scratch: string;
let bundleDir: string;
let workers: { searchWorker: string; importWorker: string };

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'margin-library-damage-'));
  bundleDir = path.join(scratch, 'bundle');
  await buildContent({ inDir: path.resolve('content'), outDir: bundleDir });
  workers = await buildWorkers(path.join(scratch, 'workers'));
}, 120_000);

afterAll(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

const open = (dataDir: string, importWorker = workers.importWorker) =>
  createMarginService({
    bundleDir,
    dataDir,
    workerScript: workers.searchWorker,
    importWorker,
    syncIntervalMs: 0,
  });

/** Imports the note into a fresh data folder and closes the service, so a test can damage its files. */
async function importNoteAndClose(dataDir: string): Promise<string> {
  const service = await open(dataDir);
  try {
    const outcome = await service.importDocument({
      importId: randomUUID(),
      name: 'kalabagh.md',
      bytes: NOTE,
    });
    if (outcome.status !== 'imported') throw new Error(outcome.message);
    return outcome.docId;
  } finally {
    await service.close();
  }
}

async function foundIds(service: MarginService, query: string): Promise<string[]> {
  const results = (await service.search(query)) as Extract<SearchResults, { status: 'ok' }>;
  return results.groups.map((group) => group.docId);
}

function filesUnder(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).sort() : [];
}

describe('the user library when things go wrong', () => {
  it('reports an importer crash for that file and keeps nothing of it', async () => {
    const crashing = path.join(scratch, 'crashing-worker.js');
    fs.writeFileSync(
      crashing,
      "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n",
    );
    const dataDir = path.join(scratch, 'crash');
    const service = await open(dataDir, crashing);
    try {
      const before = filesUnder(path.join(dataDir, 'library'));
      const outcome = await service.importDocument({
        importId: randomUUID(),
        name: 'kalabagh.md',
        bytes: NOTE,
      });
      expect(outcome).toEqual({
        status: 'refused',
        message: 'kalabagh.md: the importer stopped unexpectedly (exit code 3)',
      });
      expect(filesUnder(path.join(dataDir, 'library'))).toEqual(before);
      expect((await service.listDocuments()).map((row) => row.origin)).toEqual(['publisher']);
      expect(await foundIds(service, 'Kalabagh')).toEqual([]);
    } finally {
      await service.close();
    }
  });

  it('makes a damaged search segment again from the stored document', async () => {
    const dataDir = path.join(scratch, 'segment');
    const docId = await importNoteAndClose(dataDir);
    const segment = path.join(dataDir, 'library', 'index', `${docId}.json`);
    fs.writeFileSync(segment, '{"format": 1, "trunc');
    const service = await open(dataDir);
    try {
      await searchReady(service);
      expect(await foundIds(service, 'Kalabagh')).toEqual([docId]);
      expect(JSON.parse(fs.readFileSync(segment, 'utf8')).record.id).toBe(docId);
    } finally {
      await service.close();
    }
  });

  it('keeps a damaged manifest as it is, leaves that document out and says so', async () => {
    const dataDir = path.join(scratch, 'manifest');
    const docId = await importNoteAndClose(dataDir);
    const manifest = path.join(dataDir, 'library', 'manifest', `${docId}.json`);
    fs.writeFileSync(manifest, 'not json at all');
    const service = await open(dataDir);
    try {
      expect((await service.listDocuments()).map((row) => row.id)).not.toContain(docId);
      const { notices } = await service.getStatus();
      expect(notices).toContainEqual(
        `One of your documents could not be read: library/manifest/${docId}.json could not be read (it is not valid JSON); it is kept as it is and left out of your library.`,
      );
      expect(fs.readFileSync(manifest, 'utf8')).toBe('not json at all');
      expect(fs.existsSync(path.join(dataDir, 'library', 'docs', `${docId}.json`))).toBe(true);
    } finally {
      await service.close();
    }
  });

  it('clears what a crashed run left in staging at the next start, and never lists or finds it', async () => {
    const dataDir = path.join(scratch, 'stale-staging');
    const docId = await importNoteAndClose(dataDir);
    const library = path.join(dataDir, 'library');
    const kept = filesUnder(library);
    // As the app leaves it when killed mid-import: a staged Document, a half-written temporary file, and
    // (mid-Replace) a replaced document's old text moved aside.
    const stale = path.join(library, 'staging', '5f0c2a9d71e3b486');
    fs.mkdirSync(stale, { recursive: true, mode: 0o700 });
    const ghost = JSON.parse(fs.readFileSync(path.join(library, 'docs', `${docId}.json`), 'utf8'));
    const ghostText = JSON.stringify({
      ...ghost,
      id: 'ghost-5f0c2a9d',
      title: 'Quetzalcoatlus ghost',
    }).replaceAll('Kalabagh', 'Quetzalcoatlus');
    fs.writeFileSync(path.join(stale, 'document.json'), ghostText, { mode: 0o600 });
    fs.writeFileSync(path.join(stale, 'document.json.a1b2c3d4e5f6.tmp'), ghostText.slice(0, 40));
    fs.writeFileSync(path.join(stale, 'replaced.json'), ghostText);
    const service = await open(dataDir);
    try {
      await searchReady(service);
      expect(filesUnder(library)).toEqual(kept);
      expect((await service.listDocuments()).map((row) => row.id)).toEqual([
        'security-concerns-impede-china-pakistan-relations',
        docId,
      ]);
      expect(await foundIds(service, 'Quetzalcoatlus')).toEqual([]);
      expect(await foundIds(service, 'Kalabagh')).toEqual([docId]);
    } finally {
      await service.close();
    }
  });

  it("leaves a running import's staging alone when a second instance is refused the data folder", async () => {
    const dataDir = path.join(scratch, 'second-instance');
    const first = await open(dataDir);
    try {
      const running = path.join(dataDir, 'library', 'staging', '0a1b2c3d4e5f6789');
      fs.mkdirSync(running, { mode: 0o700 });
      fs.writeFileSync(path.join(running, 'document.json'), '{}', { mode: 0o600 });
      await expect(open(dataDir)).rejects.toThrow();
      expect(fs.readdirSync(running)).toEqual(['document.json']);
    } finally {
      await first.close();
    }
  });
});
