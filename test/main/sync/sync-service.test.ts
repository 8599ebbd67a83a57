import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../main/api';
import { buildContent } from '../../../main/library/content-build';
import { createMarginService, type MarginService } from '../../../main/margin-service';
import { DEVICE_FILE, SYNC_DIR } from '../../../main/sync/sync-device-file';
import { carryBothWays, carryFolder, exchange } from './carry-folder';

/**
 * Two devices on real disk, each a whole Margin (note store, annotation service, sync service) on its
 * own data folder and its own copy of the sync folder; the test carries files between the copies.
 */
const DOC_ID = 'security-concerns-impede-china-pakistan-relations';
const PASSPHRASE = 'correct horse battery';

let scratch: string;
let bundleDir: string;
const open: MarginService[] = [];

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'margin-sync-service-'));
  bundleDir = path.join(scratch, 'bundle');
  await buildContent({ inDir: path.resolve('content'), outDir: bundleDir });
}, 60_000);

afterEach(async () => {
  await Promise.all(open.splice(0).map((service) => service.close()));
});

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

interface Device {
  service: MarginService;
  dataDir: string;
  folder: string;
}

let counter = 0;
async function device(name: string, reuse?: Device): Promise<Device> {
  counter += 1;
  const dataDir = reuse?.dataDir ?? path.join(scratch, `${name}-${counter}-data`);
  const folder = reuse?.folder ?? path.join(scratch, `${name}-${counter}-folder`);
  fs.mkdirSync(folder, { recursive: true });
  const service = await createMarginService({ bundleDir, dataDir, syncFolder: folder, syncIntervalMs: 0 });
  open.push(service);
  return { service, dataDir, folder };
}

/** Two devices sharing one passphrase, `desk` set up first and its folder.json carried to `laptop`. */
async function pair(): Promise<[Device, Device]> {
  const desk = await device('desk');
  const laptop = await device('laptop');
  await desk.service.setUpSync({ passphrase: PASSPHRASE, deviceName: 'Desk' });
  carryFolder(desk.folder, laptop.folder);
  await laptop.service.setUpSync({ passphrase: PASSPHRASE, deviceName: 'Laptop' });
  return [desk, laptop];
}

async function highlight(on: Device, note: string): Promise<Annotation> {
  const doc = await on.service.getDocument(DOC_ID);
  const block = doc.sections[0].blocks[0];
  return on.service.createAnnotation({
    docId: DOC_ID,
    range: { start: block.start, end: block.start + 30 },
    color: 'green',
    note,
  });
}

function allFilesText(folder: string): string {
  const texts: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const target = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(target);
      else texts.push(fs.readFileSync(target, 'latin1'));
    }
  };
  walk(folder);
  return texts.join('\n');
}

describe('sync service', () => {
  it('brings a note written on one device to the other, and its edits and deletion after it', async () => {
    const [desk, laptop] = await pair();
    const created = await highlight(desk, 'Written at the desk');
    await exchange(desk, laptop);
    expect(await laptop.service.listAnnotations(DOC_ID)).toEqual([
      expect.objectContaining({ id: created.id, note: 'Written at the desk', color: 'green' }),
    ]);

    await laptop.service.updateAnnotation(created.id, { note: 'Edited on the laptop', tags: ['later'] });
    await exchange(desk, laptop);
    expect((await desk.service.listAnnotations(DOC_ID))[0]).toMatchObject({
      note: 'Edited on the laptop',
      tags: ['later'],
    });

    await desk.service.deleteAnnotation(created.id);
    await exchange(desk, laptop);
    expect(await laptop.service.listAnnotations(DOC_ID)).toEqual([]);
  });

  it('keeps both texts of a note edited on two devices at once, and restores the other one', async () => {
    const [desk, laptop] = await pair();
    const created = await highlight(desk, 'First thought');
    await exchange(desk, laptop);
    await desk.service.updateAnnotation(created.id, { note: 'Desk version' });
    await laptop.service.updateAnnotation(created.id, { note: 'Laptop version' });
    await exchange(desk, laptop);

    const onDesk = (await desk.service.listAnnotations(DOC_ID))[0];
    const onLaptop = (await laptop.service.listAnnotations(DOC_ID))[0];
    expect(onDesk.note).toBe(onLaptop.note);
    const other = onDesk.note === 'Desk version' ? 'Laptop version' : 'Desk version';
    const versions = await desk.service.getAnnotationVersions(created.id);
    expect(versions).toEqual([
      expect.objectContaining({ text: other, deviceName: other === 'Desk version' ? 'Desk' : 'Laptop' }),
    ]);
    expect(await laptop.service.getAnnotationVersions(created.id)).toEqual(versions);

    const restored = await desk.service.restoreAnnotationVersion(created.id, versions[0].id);
    expect(restored.note).toBe(other);
    // The text it replaced is kept in its turn: a restore loses nothing.
    expect((await desk.service.getAnnotationVersions(created.id)).map((v) => v.text)).toEqual([onDesk.note]);
    await exchange(desk, laptop);
    expect((await laptop.service.listAnnotations(DOC_ID))[0].note).toBe(other);
  });

  it('takes imported notes and whole-document notes to the other device', async () => {
    const [desk, laptop] = await pair();
    const elsewhere = await device('elsewhere');
    await elsewhere.service.createAnnotation({
      docId: DOC_ID,
      note: 'About the whole piece',
      tags: ['overview'],
    });
    const [exported] = await elsewhere.service.exportAnnotations('jsonld');
    expect((await desk.service.importAnnotations(exported.content)).added).toBe(1);
    await exchange(desk, laptop);
    expect(await laptop.service.listAnnotations(DOC_ID)).toEqual([
      expect.objectContaining({ note: 'About the whole piece', tags: ['overview'], selectors: [] }),
    ]);
  });

  it('refuses a wrong passphrase in plain words and writes nothing', async () => {
    const [desk] = await pair();
    const stranger = await device('stranger');
    carryFolder(desk.folder, stranger.folder);
    const before = allFilesText(stranger.folder);
    await expect(
      stranger.service.setUpSync({ passphrase: 'not the passphrase', deviceName: 'Stranger' }),
    ).rejects.toThrow(
      'That passphrase does not open this sync folder. Nothing was read or written; try again.',
    );
    expect(allFilesText(stranger.folder)).toBe(before);
    expect((await stranger.service.getSyncStatus()).enabled).toBe(false);
  });

  it('reports an unplugged folder in the status, keeps the notes, and catches up when it is back', async () => {
    const [desk, laptop] = await pair();
    const aside = `${desk.folder}-unplugged`;
    fs.renameSync(desk.folder, aside);
    const created = await highlight(desk, 'Written while unplugged');
    const status = await desk.service.syncNow();
    expect(status.problems.at(-1)).toMatch(/cannot be used: it is not there \(unplugged or moved\?\)/);
    expect((await desk.service.listAnnotations(DOC_ID))[0].id).toBe(created.id);

    fs.renameSync(aside, desk.folder);
    await exchange(desk, laptop);
    expect((await desk.service.getSyncStatus()).problems).toEqual([]);
    expect((await laptop.service.listAnnotations(DOC_ID))[0].note).toBe('Written while unplugged');
  });

  it('reports a foreign file in the folder once, and syncs the rest', async () => {
    const [desk, laptop] = await pair();
    fs.writeFileSync(path.join(laptop.folder, 'margin', 'devices', 'holiday.jpg'), 'not a segment');
    await highlight(desk, 'Still arrives');
    await exchange(desk, laptop);
    await laptop.service.syncNow();
    const problems = (await laptop.service.getSyncStatus()).problems;
    expect(problems.filter((problem) => problem.includes('holiday.jpg'))).toEqual([
      "Ignored devices/holiday.jpg in the sync folder: not Margin's.",
    ]);
    expect((await laptop.service.listAnnotations(DOC_ID))[0].note).toBe('Still arrives');
  });

  it('lists the other device by name with the time it last wrote', async () => {
    const [desk, laptop] = await pair();
    await exchange(desk, laptop);
    const status = await desk.service.getSyncStatus();
    expect(status).toMatchObject({ enabled: true, deviceName: 'Desk', folder: desk.folder });
    expect(status.devices).toEqual([{ name: 'Laptop', lastSeen: expect.any(String) }]);
    expect(Date.parse(status.lastSync ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('keeps the notes as they are when sync is turned off, and stays on across a restart', async () => {
    const [desk, laptop] = await pair();
    await highlight(desk, 'Kept');
    await exchange(desk, laptop);
    await desk.service.close();
    const again = await device('desk', desk);
    expect((await again.service.getSyncStatus()).enabled).toBe(true);
    await highlight(again, 'After the restart');
    await exchange(again, laptop);
    expect((await laptop.service.listAnnotations(DOC_ID)).map((a) => a.note).sort()).toEqual([
      'After the restart',
      'Kept',
    ]);

    const off = await laptop.service.turnOffSync();
    expect(off.enabled).toBe(false);
    expect((await laptop.service.listAnnotations(DOC_ID)).length).toBe(2);
    await expect(laptop.service.syncNow()).rejects.toThrow('Sync is not set up on this device.');
  });

  it('keeps its sync settings private and never writes a note text, tag or title into the folder', async () => {
    const [desk, laptop] = await pair();
    await highlight(desk, 'A very private remark');
    await desk.service.updateAnnotation((await desk.service.listAnnotations(DOC_ID))[0].id, {
      tags: ['secret-tag'],
    });
    await exchange(desk, laptop);
    const doc = await desk.service.getDocument(DOC_ID);
    const everything = allFilesText(desk.folder) + allFilesText(laptop.folder);
    for (const secret of ['A very private remark', 'secret-tag', doc.title, DOC_ID, 'Desk', 'Laptop'])
      expect(everything).not.toContain(secret);
    const file = path.join(desk.dataDir, SYNC_DIR, DEVICE_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
  });

  it('gives a copied installation (a cloned disk) a new identity, and both keep syncing', async () => {
    const [desk, laptop] = await pair();
    await highlight(desk, 'Before the copy');
    await exchange(desk, laptop);
    await desk.service.close();
    const cloneDir = `${desk.dataDir}-clone`;
    const cloneFolder = `${desk.folder}-clone`;
    fs.cpSync(desk.dataDir, cloneDir, { recursive: true });
    fs.cpSync(desk.folder, cloneFolder, { recursive: true });
    const original = await device('desk', desk);
    const clone = await device('clone', { ...desk, dataDir: cloneDir, folder: cloneFolder });
    await highlight(original, 'On the original');
    await highlight(clone, 'On the copy');
    await original.service.syncNow();
    await clone.service.syncNow();
    carryBothWays(original.folder, clone.folder);
    carryBothWays(original.folder, laptop.folder);
    await original.service.syncNow();
    await clone.service.syncNow();
    // The clone began writing after the original: it alone takes a new identity.
    const identity = 'Another computer was using this device’s sync identity';
    expect((await clone.service.getSyncStatus()).problems.join(' ')).toContain(identity);
    expect((await original.service.getSyncStatus()).problems.join(' ')).not.toContain(identity);
    for (let round = 0; round < 2; round += 1) {
      await exchange(original, clone);
      await exchange(original, laptop);
    }
    const notes = async (d: Device) => (await d.service.listAnnotations(DOC_ID)).map((a) => a.note).sort();
    const expected = ['Before the copy', 'On the copy', 'On the original'];
    expect(await notes(original)).toEqual(expected);
    expect(await notes(clone)).toEqual(expected);
    expect(await notes(laptop)).toEqual(expected);
  });

  it('moves the reading position to the newest place read on any device, and keeps display settings per device', async () => {
    const [desk, laptop] = await pair();
    const block = (await desk.service.getDocument(DOC_ID)).sections[0].blocks;
    await desk.service.setReadingPosition(DOC_ID, { blockId: block[0].id, fraction: 0.25 });
    await desk.service.setPreferences({ fontSize: 24 });
    await exchange(desk, laptop);
    expect(await laptop.service.getReadingPosition(DOC_ID)).toEqual({ blockId: block[0].id, fraction: 0.25 });
    expect((await laptop.service.getPreferences()).fontSize).not.toBe(24);

    // Read further on the laptop: the desk follows; an older place from the desk does not win back.
    await laptop.service.setReadingPosition(DOC_ID, { blockId: block[1].id, fraction: 0.5 });
    await exchange(desk, laptop);
    expect(await desk.service.getReadingPosition(DOC_ID)).toEqual({ blockId: block[1].id, fraction: 0.5 });
    await desk.service.setReadingPosition(DOC_ID, { blockId: block[0].id, fraction: 0.75 });
    await laptop.service.setReadingPosition(DOC_ID, { blockId: block[1].id, fraction: 0.9 });
    await exchange(desk, laptop);
    expect(await desk.service.getReadingPosition(DOC_ID)).toEqual(
      await laptop.service.getReadingPosition(DOC_ID),
    );
    expect(await desk.service.getReadingPosition(DOC_ID)).toEqual({ blockId: block[1].id, fraction: 0.9 });
  });

  it('publishes an edit by itself shortly after it is made, without "Sync now"', async () => {
    const [desk, laptop] = await pair();
    const created = await highlight(desk, 'Published in the background');
    await desk.service.updateAnnotation(created.id, { tags: ['background'] });
    await vi.waitFor(
      async () => {
        carryFolder(desk.folder, laptop.folder);
        await laptop.service.syncNow();
        expect((await laptop.service.listAnnotations(DOC_ID))[0]).toMatchObject({
          note: 'Published in the background',
          tags: ['background'],
        });
      },
      { timeout: 10_000, interval: 250 },
    );
  });

  it('says how to give the folder where no folder dialog exists', async () => {
    const host = await device('host');
    await expect(host.service.chooseSyncFolder()).rejects.toThrow(/npm run serve -- --sync DIR/);
  });
});
