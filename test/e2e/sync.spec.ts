import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, SyncStatus } from '../../main/api';
import { carryBothWays, carryFolder } from '../main/sync/carry-folder';
import { eventually, paintedPoint, paintedTexts, selectInArticle } from './annotations-page';
import { openBrowser, screenshot, startHost, type BrowserSession, type MarginHost } from './harness';
import { openCommentary } from './reader-page';

/**
 * Two devices in one test: two browser hosts on two data folders, each syncing through its own copy
 * of the sync folder, and the test carrying files between the copies as the reader's sync tool would.
 */
const DOC_ID = 'security-concerns-impede-china-pakistan-relations';
const SENTENCE = 'Currently, Balochistan is experiencing its fifth wave of insurgency.';
const PASSPHRASE = 'a passphrase for both';

interface Device {
  host: MarginHost;
  page: Page;
  folder: string;
}

async function turnOnSync(page: Page, deviceName: string): Promise<void> {
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  const panel = page.getByRole('group', { name: 'Sync' });
  await panel.getByRole('textbox', { name: "This device's name" }).fill(deviceName);
  await panel.getByLabel('Passphrase (8 characters at least)').fill(PASSPHRASE);
  await panel.getByRole('button', { name: 'Turn on sync' }).click();
  await panel.getByText(`Syncing as ${deviceName} through`).waitFor();
}

async function syncNowInPanel(page: Page): Promise<void> {
  const panel = page.getByRole('group', { name: 'Sync' });
  if ((await panel.count()) === 0) await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await panel.getByRole('button', { name: 'Sync now' }).click();
  await eventually(() => panel.getByText('Syncing…').count()).toBe(0);
  await page.keyboard.press('Escape');
}

describe('sync between two devices in the browser', () => {
  let scratch: string;
  let browser: BrowserSession;
  let desk: Device;
  let laptop: Device;

  beforeAll(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'margin-e2e-sync-'));
    browser = await openBrowser();
    const device = async (name: string): Promise<Device> => {
      const folder = path.join(scratch, name);
      await fs.mkdir(folder);
      const host = await startHost({ syncDir: folder });
      const page = await browser.context.newPage();
      await page.goto(host.url);
      return { host, page, folder };
    };
    desk = await device('desk');
    laptop = await device('laptop');
  });

  afterAll(async () => {
    for (const page of [desk?.page, laptop?.page]) await page?.goto('about:blank');
    await browser?.close();
    await desk?.host.stop();
    await laptop?.host.stop();
    if (scratch) await fs.rm(scratch, { recursive: true, force: true });
  });

  it('turns sync on in the Sync panel on both devices, one folder and one passphrase', async () => {
    await turnOnSync(desk.page, 'Desk');
    carryFolder(desk.folder, laptop.folder);
    await turnOnSync(laptop.page, 'Laptop');
    await screenshot(laptop.page, 'sync-panel-on');
    const status = await laptop.host.call<SyncStatus>('getSyncStatus');
    expect(status).toMatchObject({ enabled: true, deviceName: 'Laptop', folder: laptop.folder });
    for (const { page } of [desk, laptop]) await page.keyboard.press('Escape');
  });

  it('brings a note written on one device to the other', async () => {
    await openCommentary(desk.page);
    await selectInArticle(desk.page, SENTENCE);
    const menu = desk.page.getByRole('toolbar', { name: 'Highlight the selection' });
    await menu.getByRole('button', { name: 'Highlight green' }).click();
    await eventually(() => paintedTexts(desk.page, 'mg-hl-green')).toEqual([SENTENCE]);
    const point = await paintedPoint(desk.page, 'mg-hl-green');
    await desk.page.mouse.click(point!.x, point!.y);
    const editor = desk.page.getByRole('dialog', { name: 'Highlight' });
    await editor.getByRole('textbox', { name: 'Note' }).fill('Written at the desk');
    await editor.getByRole('button', { name: 'Done' }).click();
    await eventually(async () =>
      (await desk.host.call<Annotation[]>('listAnnotations', [DOC_ID])).map((a) => a.note),
    ).toEqual(['Written at the desk']);

    await syncNowInPanel(desk.page);
    carryBothWays(desk.folder, laptop.folder);
    await openCommentary(laptop.page);
    await syncNowInPanel(laptop.page);
    await eventually(() => paintedTexts(laptop.page, 'mg-hl-green')).toEqual([SENTENCE]);
    const there = await paintedPoint(laptop.page, 'mg-hl-green');
    await laptop.page.mouse.click(there!.x, there!.y);
    const laptopEditor = laptop.page.getByRole('dialog', { name: 'Highlight' });
    await eventually(() => laptopEditor.getByRole('textbox', { name: 'Note' }).inputValue()).toBe(
      'Written at the desk',
    );
    await laptop.page.keyboard.press('Escape');
  });

  it('shows both texts of a note edited on both devices at once, and restores the other', async () => {
    const [record] = await desk.host.call<Annotation[]>('listAnnotations', [DOC_ID]);
    await desk.host.call('updateAnnotation', [record.id, { note: 'Desk thinks so' }]);
    await laptop.host.call('updateAnnotation', [record.id, { note: 'Laptop disagrees' }]);
    await desk.host.call('syncNow');
    await laptop.host.call('syncNow');
    carryBothWays(desk.folder, laptop.folder);
    await desk.host.call('syncNow');
    await syncNowInPanel(laptop.page);

    const [current] = await laptop.host.call<Annotation[]>('listAnnotations', [DOC_ID]);
    const other = current.note === 'Desk thinks so' ? 'Laptop disagrees' : 'Desk thinks so';
    const otherDevice = other === 'Desk thinks so' ? 'Desk' : 'Laptop';
    const point = await paintedPoint(laptop.page, 'mg-hl-green');
    await laptop.page.mouse.click(point!.x, point!.y);
    const editor = laptop.page.getByRole('dialog', { name: 'Highlight' });
    const note = editor.getByRole('textbox', { name: 'Note' });
    await eventually(() => note.inputValue()).toBe(current.note);
    const history = editor.getByRole('list', { name: 'Earlier texts from other devices' });
    await eventually(() => history.innerText()).toMatch(new RegExp(`Also edited on ${otherDevice} at \\d`));
    await history.getByRole('button', { name: 'Show' }).click();
    await history.getByText(other, { exact: true }).waitFor();
    await screenshot(laptop.page, 'sync-note-history');

    await history.getByRole('button', { name: 'Restore' }).click();
    await eventually(() => note.inputValue()).toBe(other);
    // The text it replaced is kept in its turn.
    await eventually(() => history.innerText()).toContain('Also edited on');
    await editor.getByRole('button', { name: 'Done' }).click();
    await eventually(async () =>
      (await laptop.host.call<Annotation[]>('listAnnotations', [DOC_ID])).map((a) => a.note),
    ).toEqual([other]);
    expect(browser.pageErrors).toEqual([]);
  });

  it('shows a note that a background sync brought, without being asked', async () => {
    await desk.host.call('createAnnotation', [
      { docId: DOC_ID, note: 'A note on the whole piece, from the desk' },
    ]);
    await desk.host.call('syncNow');
    carryBothWays(desk.folder, laptop.folder);
    // The host syncs on its own (here asked directly, not through the page); the page notices.
    await laptop.host.call('syncNow');
    await laptop.page.getByRole('button', { name: /^Notes/ }).click();
    const panel = laptop.page.locator('mg-notes-panel');
    await expect
      .poll(() => panel.getByText('A note on the whole piece, from the desk').count(), { timeout: 25_000 })
      .toBe(1);
  }, 40_000);
});
