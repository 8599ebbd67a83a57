import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DOCS_DIR, PassageStore, type DocumentRecord } from '../../../../main/search/index/search-files';
import { makeDocument } from '../fixture-documents';

const PARAGRAPH = 'Gwadar Port sits on the Arabian Sea, at the mouth of the Gulf of Oman.'; // 70 characters

function recordOf(id: string): DocumentRecord {
  return { id, title: id, authors: [], published: null, sections: [[`${id}-s1`, null]] };
}

describe('PassageStore', () => {
  let bundleDir: string;

  beforeEach(async () => {
    bundleDir = await mkdtemp(join(tmpdir(), 'margin-passages-'));
    await mkdir(join(bundleDir, DOCS_DIR));
    for (const id of ['a', 'b', 'c']) {
      const doc = makeDocument({ id, title: id, sections: [{ heading: null, blocks: [PARAGRAPH] }] });
      await writeFile(join(bundleDir, DOCS_DIR, `${id}.json`), JSON.stringify(doc));
    }
  });

  afterEach(async () => {
    await rm(bundleDir, { recursive: true, force: true });
  });

  it('keeps the documents used most recently within its budget and reads the others again', async () => {
    // Room for two documents' text.
    const store = new PassageStore(bundleDir, 2 * PARAGRAPH.length);
    expect(store.read(recordOf('a'))[0]?.text).toBe(PARAGRAPH);
    store.read(recordOf('b'));
    store.read(recordOf('a')); // a is now the most recently used
    store.read(recordOf('c')); // over budget: b, the least recently used, is let go
    for (const id of ['a', 'b', 'c']) await rm(join(bundleDir, DOCS_DIR, `${id}.json`));

    expect(store.read(recordOf('a'))[0]?.text).toBe(PARAGRAPH);
    expect(store.read(recordOf('c'))[0]?.text).toBe(PARAGRAPH);
    // Its file is gone now: the document is still listed, with no passages.
    expect(store.read(recordOf('b'))).toEqual([]);
  });

  it('keeps a document larger than its whole budget until the next one is read', () => {
    const store = new PassageStore(bundleDir, 10);
    const first = store.read(recordOf('a'));
    expect(store.read(recordOf('a'))).toBe(first);
    store.read(recordOf('b'));
    expect(store.read(recordOf('a'))).not.toBe(first);
  });
});
