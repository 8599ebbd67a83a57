import { cp, link, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../../main/api';
import { indexedDocument } from '../../../../main/search/index/indexed-document';
import { updateSearchIndex } from '../../../../main/search/index/index-update';
import { SEARCH_DIR } from '../../../../main/search/index/search-files';
import { runSearchOver } from '../../../../main/search/service/search-engine';
import { loadSearchStages } from '../../../../main/search/service/search-loading';
import { writeTestBundle } from '../fixture-bundle';
import { makeDocument } from '../fixture-documents';
import { syntheticCorpus } from '../synthetic-corpus';

const SHARD_DOCUMENTS = 5;

/** Every file under a bundle's search/, by name. */
async function searchFiles(bundleDir: string): Promise<Map<string, Buffer>> {
  const dir = join(bundleDir, SEARCH_DIR);
  const names = (await readdir(dir)).sort();
  return new Map(
    await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name))] as const)),
  );
}

async function expectSameFiles(actualDir: string, expectedDir: string): Promise<void> {
  const [actual, expected] = [await searchFiles(actualDir), await searchFiles(expectedDir)];
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [name, bytes] of expected)
    expect(Buffer.compare(actual.get(name) as Buffer, bytes), `${name} differs`).toBe(0);
}

/**
 * A new version of `doc` (same id): another title, author and text, so its old words leave the index
 * (one of them only it held) and new ones come.
 */
function rewritten(doc: Document, word: string): Document {
  return makeDocument({
    id: doc.id,
    title: `Revised ${word} outlook`,
    authors: ['Noor Rahman', 'Li Wei'],
    sections: [
      { heading: null, blocks: [`The ${word} question, revised: ${word} ${word} and the border.`] },
      { heading: `On ${word}`, blocks: ['Trade, security and a longer view of the same corridor.'] },
    ],
  });
}

describe('index-update', () => {
  let dir: string;
  let documents: Document[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'margin-index-update-'));
    documents = syntheticCorpus(23, 11, 36).documents;
    // A word only document 7 holds, which the update takes away.
    documents[7] = makeDocument({
      id: documents[7].id,
      title: 'Zanzibar clove exports',
      authors: ['Amina Said'],
      sections: [{ heading: 'Cloves', blocks: ['Zanzibar cloves went to market, zanzibar said.'] }],
    });
    await writeTestBundle(documents, join(dir, 'before'), { shardDocuments: SHARD_DOCUMENTS });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A copy of the bundle before, updated with `changes`, and a full build of the changed corpus. */
  async function updateAndBuild(name: string, changes: Map<number, Document>): Promise<[string, string]> {
    const updated = join(dir, `${name}-updated`);
    const built = join(dir, `${name}-built`);
    await cp(join(dir, 'before'), updated, { recursive: true });
    await updateSearchIndex(updated, new Map([...changes].map(([ref, doc]) => [ref, indexedDocument(doc)])));
    const changed = documents.map((doc, ref) => changes.get(ref) ?? doc);
    await writeTestBundle(changed, built, { shardDocuments: SHARD_DOCUMENTS });
    return [updated, built];
  }

  it('writes, after one document changed, every search file byte for byte as a full build does', async () => {
    const [updated, built] = await updateAndBuild('one', new Map([[7, rewritten(documents[7], 'quinoa')]]));
    await expectSameFiles(updated, built);
    const stages = loadSearchStages(updated, 'body');
    const search = (query: string) => {
      const results = runSearchOver(stages, query, { limit: 10 });
      return results.status === 'ok' ? results.groups.map((group) => group.docId) : [];
    };
    expect(search('quinoa')).toEqual([documents[7].id]);
    expect(search('zanzibar')).toEqual([]);
    stages[0].passages.close();
  });

  it('writes the same files as a full build after two documents changed in different shards', async () => {
    const [updated, built] = await updateAndBuild(
      'two',
      new Map([
        [1, rewritten(documents[1], 'sorghum')],
        [22, rewritten(documents[22], 'millet')],
      ]),
    );
    await expectSameFiles(updated, built);
  });

  it('never writes into the files it replaces: hard links to them keep the bundle before', async () => {
    const updated = join(dir, 'linked-updated');
    const previous = join(dir, 'linked-previous');
    await cp(join(dir, 'before'), updated, { recursive: true });
    await mkdir(join(previous, SEARCH_DIR), { recursive: true });
    for (const name of await readdir(join(updated, SEARCH_DIR)))
      await link(join(updated, SEARCH_DIR, name), join(previous, SEARCH_DIR, name));
    await updateSearchIndex(updated, new Map([[12, indexedDocument(rewritten(documents[12], 'teff'))]]));
    await expectSameFiles(previous, join(dir, 'before'));
    expect(
      Buffer.compare(
        ...((await Promise.all(
          [updated, previous].map(async (bundle) => readFile(join(bundle, SEARCH_DIR, 'body-002.bin'))),
        )) as [Buffer, Buffer]),
      ),
    ).not.toBe(0);
  });

  it('refuses a document the index does not hold, in one line, and changes nothing', async () => {
    const updated = join(dir, 'refused-updated');
    await cp(join(dir, 'before'), updated, { recursive: true });
    const change = new Map([[23, indexedDocument(rewritten(documents[0], 'barley'))]]);
    await expect(updateSearchIndex(updated, change)).rejects.toThrow(
      /records\.bin: the records file holds no document 23 \(it holds 23\)$/,
    );
    await expectSameFiles(updated, join(dir, 'before'));
  });
});
