import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentMeta } from '../../api';
import { documentWithText, readBundledDocumentAsync } from '../../library/bundle-document-file';
import { LIBRARY_MANIFEST } from '../../library/library';
import { manifestDocuments } from '../../library/library-manifest';
import { SearchIndexWriter } from './index-build';
import { indexedDocument, type IndexedDocument } from './indexed-document';
import { CORPUS_STATS_FILE, searchDir, type CorpusStats } from './search-files';

/**
 * Updates the search index under `outDir/search/` after documents changed in place (same refs):
 * rewrites only the body shards holding them, the meta index, records.bin, the phrase filter slices of
 * those shards and corpus-stats.json. Never writes into an existing file: files may be hard links shared
 * with the previous bundle, so each file changed is written under a new name and renamed over.
 *
 * This is the slow stand-in: it writes the whole index again, every document read back from
 * `outDir/library.json` and `outDir/docs/` (the changed ones already rewritten there), into a scratch
 * folder whose files are then renamed over the old ones. Same result, same safety, none of the speed.
 */
export async function updateSearchIndex(
  outDir: string,
  changed: ReadonlyMap<number, IndexedDocument>,
): Promise<void> {
  const stats = JSON.parse(await readFile(join(searchDir(outDir), CORPUS_STATS_FILE), 'utf8')) as CorpusStats;
  const metas: DocumentMeta[] = manifestDocuments(
    JSON.parse(await readFile(join(outDir, LIBRARY_MANIFEST), 'utf8')),
  );
  if (metas.length !== stats.documentCount)
    throw new Error(`search index: ${metas.length} documents listed, ${stats.documentCount} indexed`);
  const scratch = join(outDir, `.search-update-${process.pid}`);
  const writer = await SearchIndexWriter.create(scratch, metas.length, {
    shardDocuments: stats.shards[0]?.count ?? metas.length,
  });
  try {
    for (const [ref, meta] of metas.entries()) {
      const doc = changed.get(ref);
      await writer.add(
        doc ?? indexedDocument(documentWithText(meta, await readBundledDocumentAsync(outDir, meta.id))),
      );
    }
    await writer.finish();
    const written = searchDir(scratch);
    for (const file of await readdir(written))
      await rename(join(written, file), join(searchDir(outDir), file));
  } finally {
    await writer.close();
    await rm(scratch, { recursive: true, force: true });
  }
}
