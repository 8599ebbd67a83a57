import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildContent } from '../../../main/library/content-build';
import { createMarginService, type MarginService } from '../../../main/margin-service';
import { buildWorkers } from '../library/user-library/built-workers';
import { carryFolder, exchange } from './carry-folder';

/**
 * The reader's own documents travel with their notes: two whole Margins on two data folders and two
 * copies of the sync folder, with real imports through the importer's worker.
 */
const PASSPHRASE = 'documents travel too';
const WEB_PAGE = `<!doctype html><html><head><title>Mangla desilting plan</title>
<meta name="author" content="Bilal Khan"></head><body><article><h1>Mangla desilting plan</h1>
<p>The Mangla reservoir authority announced a desilting plan on Tuesday, after a survey found the
reservoir had lost a fifth of its storage. Officials said the security of irrigation supplies in
Punjab was at stake, and that the plan would run for five years with dredgers working each winter.</p>
<p>Engineers will first map the sediment with sonar, then pump it to settling ponds downstream, where
farmers may use it to raise their fields. The cost is to be shared between the province and the
federal water authority, which has asked donors for help with the dredging fleet.</p>
</article></body></html>`;

let scratch: string;
let bundleDir: string;
let searchWorker: string;
const open: MarginService[] = [];

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'margin-sync-documents-'));
  bundleDir = path.join(scratch, 'bundle');
  await buildContent({ inDir: path.resolve('content'), outDir: bundleDir });
  ({ searchWorker } = await buildWorkers(path.join(scratch, 'workers')));
}, 120_000);

afterEach(async () => {
  await Promise.all(open.splice(0).map((service) => service.close()));
});

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

interface Device {
  service: MarginService;
  dataDir: string;
  folder: string;
}

async function device(name: string): Promise<Device> {
  const dataDir = path.join(scratch, `${name}-data`);
  const folder = path.join(scratch, `${name}-folder`);
  fs.mkdirSync(folder, { recursive: true });
  const service = await createMarginService({
    bundleDir,
    dataDir,
    workerScript: searchWorker,
    syncFolder: folder,
    syncIntervalMs: 0,
  });
  open.push(service);
  return { service, dataDir, folder };
}

/** Every file under a folder, as text, to search for what must not be there. */
function allText(folder: string): string {
  const texts: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const target = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(target);
      else texts.push(`${entry.name}\n${fs.readFileSync(target, 'latin1')}`);
    }
  };
  walk(folder);
  return texts.join('\n');
}

function blobFiles(folder: string): string[] {
  const devices = path.join(folder, 'margin', 'devices');
  return fs
    .readdirSync(devices)
    .flatMap((id) => {
      const blobs = path.join(devices, id, 'blobs');
      return fs.existsSync(blobs) ? fs.readdirSync(blobs).map((name) => path.join(blobs, name)) : [];
    })
    .filter((file) => !path.basename(file).startsWith('.'));
}

describe('sync of your own documents', () => {
  it('brings an imported document to the other device with its note, sealed and unnamed in the folder', async () => {
    const desk = await device('desk');
    const laptop = await device('laptop');
    await desk.service.setUpSync({ passphrase: PASSPHRASE, deviceName: 'Desk' });
    carryFolder(desk.folder, laptop.folder);
    await laptop.service.setUpSync({ passphrase: PASSPHRASE, deviceName: 'Laptop' });

    const bytes = new TextEncoder().encode(WEB_PAGE);
    const imported = await desk.service.importDocument({
      importId: randomUUID(),
      name: 'mangla.html',
      bytes,
    });
    expect(imported.status).toBe('imported');
    const docId = (imported as { docId: string }).docId;
    await desk.service.createAnnotation({ docId, note: 'Compare with Tarbela', tags: ['water'] });

    // The blob arrives damaged first (a sync tool mid-copy): one line, nothing imported, nothing lost.
    await desk.service.syncNow();
    carryFolder(desk.folder, laptop.folder);
    const [blob] = blobFiles(laptop.folder);
    const whole = fs.readFileSync(blob);
    fs.writeFileSync(blob, whole.subarray(0, whole.length - 10));
    await laptop.service.syncNow();
    const problems = (await laptop.service.getSyncStatus()).problems;
    expect(problems).toEqual([
      expect.stringMatching(
        /^The document “mangla\.html” from another device could not be read: it does not open/,
      ),
    ]);
    expect((await laptop.service.listDocuments()).some((doc) => doc.id === docId)).toBe(false);
    expect((await laptop.service.listAnnotations(docId)).map((a) => a.note)).toEqual([
      'Compare with Tarbela',
    ]);

    // Whole at last: imported through the importer, under the same id, and the note opens with it.
    fs.writeFileSync(blob, whole);
    await exchange(desk, laptop);
    const arrived = await laptop.service.getDocument(docId);
    expect(arrived.title).toBe('Mangla desilting plan');
    expect((await laptop.service.listDocuments()).find((doc) => doc.id === docId)).toMatchObject({
      title: 'Mangla desilting plan',
      annotationCount: 1,
    });
    expect((await laptop.service.getSyncStatus()).problems).toHaveLength(1); // only the earlier one

    const sha256 = (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex');
    const folderText = allText(desk.folder) + allText(laptop.folder);
    for (const secret of ['Mangla', 'mangla', 'desilting', 'Tarbela', sha256, sha256.slice(0, 16), docId])
      expect(folderText).not.toContain(secret);
  }, 120_000);
});
