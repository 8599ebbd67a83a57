import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../../../main/search/index/index-build';
import { loadRecordsFile } from '../../../../main/search/index/records-file';
import { PassageStore, RECORDS_FILE, SEARCH_DIR } from '../../../../main/search/index/search-files';
import { writeTestBundle } from '../fixture-bundle';
import { makeDocument } from '../fixture-documents';

describe('index-build', () => {
  let dir: string;
  const doc = makeDocument({
    id: 'ports',
    title: 'Ports',
    authors: ['Ayesha Khan', 'Li Wei'],
    published: '2024-01-02',
    sections: [
      { heading: null, blocks: ['A lead paragraph.', { caption: 'A figure caption.' }] },
      { heading: 'BACKGROUND', blocks: ['Background text.'] },
    ],
    bio: ['Ayesha Khan writes about ports.'],
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'margin-index-build-'));
    await writeTestBundle([doc], dir);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes its files under search/', async () => {
    expect((await readdir(join(dir, SEARCH_DIR))).sort()).toEqual([
      'body-000.bin',
      'corpus-stats.json',
      'meta-index.bin',
      'phrase-filter.bin',
      'records.bin',
    ]);
  });

  it('records each document with what results show, and reads back every passage including figures and the bio', async () => {
    const records = loadRecordsFile(join(dir, SEARCH_DIR, RECORDS_FILE));
    expect(records.count).toBe(1);
    const record = records.get(0);
    if (record === null) throw new Error('no record for document 0');
    expect(record).toMatchObject({
      id: 'ports',
      title: 'Ports',
      authors: ['Ayesha Khan', 'Li Wei'],
      published: '2024-01-02',
      sections: [
        ['ports-s1', null],
        ['ports-s2', 'BACKGROUND'],
      ],
    });
    const store = new PassageStore(dir);
    try {
      expect(store.read(record)).toEqual([
        { blockId: 'ports-b1', section: 0, text: 'A lead paragraph.' },
        { blockId: 'ports-b2', section: 0, text: 'A figure caption.' },
        { blockId: 'ports-b3', section: 1, text: 'Background text.' },
        { blockId: 'ports-b4', section: -1, text: 'Ayesha Khan writes about ports.' },
      ]);
    } finally {
      store.close();
    }
  });

  it('refuses two documents with the same id', async () => {
    await expect(writeSearchIndex([doc, doc], dir)).rejects.toThrow(/two documents have the id "ports"/);
  });
});
