import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncFolder, unlockSyncFolder } from '../../../main/sync/sync-key';
import { carry, copyFolderSetup, segmentFiles, SimulatedDevice } from './simulated-device';

const root = mkdtempSync(join(tmpdir(), 'margin-sync-privacy-'));
const PASSPHRASE = 'a passphrase nobody guesses';

/** Everything private the devices write; none of it may be readable in the folder. */
const DOCUMENTS = [
  { id: 'cpec-at-ten-a-balance-sheet', title: 'CPEC at Ten: A Balance Sheet' },
  { id: 'water-stress-in-the-indus-basin', title: 'Water Stress in the Indus Basin' },
];
const NOTES = [
  'Compare with the 2015 framework agreement — the numbers moved',
  'Ask Farah about the Gwadar desalination plant',
  'Zürich reference: “überraschend” figures, check the footnote',
];
const QUOTES = ['the corridor was never a single project', 'groundwater tables fell by a metre a year'];
const TAGS = ['energy-debt', 'hydrology', 'follow-up-farah'];
const DEVICE_NAMES = ['Study desk', 'Travel laptop'];

let folders: string[];

beforeAll(async () => {
  await createSyncFolder(root, PASSPHRASE);
  const key = await unlockSyncFolder(root, PASSPHRASE);
  folders = ['desk', 'laptop'].map((name) => join(root, name));
  const devices = ['0a0a0a0a0a0a0a0a', '0b0b0b0b0b0b0b0b'].map((id, index) => {
    copyFolderSetup(root, folders[index]);
    return new SimulatedDevice(id, folders[index], key, Date.now);
  });
  devices.forEach((device, index) => {
    device.nameDevice(DEVICE_NAMES[index]);
    device.position(DOCUMENTS[index].id, { blockId: 'p4', fraction: 0.25 });
  });
  const [desk, laptop] = devices;
  NOTES.forEach((text, index) => {
    const annotationId = `urn:uuid:6f1e0c2a-0000-4000-8000-00000000000${index}`;
    const doc = DOCUMENTS[index % DOCUMENTS.length];
    const quote = QUOTES[index % QUOTES.length];
    const writer = index === 1 ? laptop : desk;
    writer.change(annotationId, doc.id, 'anchor', {
      docTextHash: 'f'.repeat(64),
      selectors: [
        { type: 'TextQuoteSelector', exact: quote, prefix: 'Since 2015, ', suffix: ', and its' },
        { type: 'TextPositionSelector', start: 120, end: 120 + quote.length },
      ],
      anchorStatus: 'exact',
    });
    writer.change(annotationId, doc.id, 'tags', TAGS);
    writer.writeNote(annotationId, doc.id, text);
  });
  devices.forEach((device, index) => {
    device.change('urn:uuid:title-note', DOCUMENTS[0].id, 'note', {
      text: `Note on “${DOCUMENTS[index].title}”`,
      replaces: [],
    });
  });
  for (const device of devices) device.publish();
  for (const file of segmentFiles(folders[0])) carry(file, folders[0], folders[1], laptop.id, 'whole');
  for (const file of segmentFiles(folders[1])) carry(file, folders[1], folders[0], desk.id, 'whole');
  for (const device of devices) device.sync();
  expect(desk.state).toEqual(laptop.state);
  expect(Object.keys(desk.state.annotations)).toHaveLength(NOTES.length + 1);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function everyFile(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('sync privacy', () => {
  it('keeps every note text, quote, tag, document title and id, and device name out of the folder’s bytes', () => {
    const files = everyFile(root);
    expect(files.filter((file) => file.endsWith('.mseg')).length).toBeGreaterThanOrEqual(4);
    const secrets = [
      ...NOTES,
      ...QUOTES,
      ...TAGS,
      ...DOCUMENTS.flatMap((doc) => [doc.id, doc.title]),
      ...DEVICE_NAMES,
      ...NOTES.map((text) => text.split(' ').slice(0, 3).join(' ')),
      'Gwadar',
      'Farah',
      'überraschend',
      'TextQuoteSelector',
    ];
    for (const file of files) {
      const bytes = readFileSync(file);
      // Also every word of the file decoded as base64, so that encoding alone would not pass.
      const decoded = bytes
        .toString('latin1')
        .split(/\s+/)
        .map((word) => Buffer.from(word, 'base64').toString('latin1'));
      const haystack = [bytes.toString('latin1'), ...decoded].join('\n').toLowerCase();
      for (const secret of secrets) {
        const needle = Buffer.from(secret.toLowerCase(), 'utf8').toString('latin1');
        expect(haystack.includes(needle), `${secret} found in ${file}`).toBe(false);
      }
    }
  });

  it('names files only by device id and sequence number', () => {
    const names = everyFile(root).map((file) => file.slice(root.length + 1));
    for (const name of names)
      expect(name).toMatch(
        /^(margin\/folder\.json|(desk|laptop)\/margin\/(folder\.json|devices\/[0-9a-f]{16}\/\d{10}\.mseg))$/,
      );
  });
});
