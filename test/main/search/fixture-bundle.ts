import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from '../../../main/api';
import { writeSearchIndex, type SearchIndexOptions } from '../../../main/search/index/index-build';
import { DOCS_DIR } from '../../../main/search/index/search-files';

/** Writes what the content build writes for search: `docs/<id>.json` per document, then the index. */
export async function writeTestBundle(
  documents: Document[],
  bundleDir: string,
  options: SearchIndexOptions = {},
): Promise<void> {
  await mkdir(join(bundleDir, DOCS_DIR), { recursive: true });
  for (const doc of documents)
    await writeFile(join(bundleDir, DOCS_DIR, `${doc.id}.json`), JSON.stringify(doc));
  await writeSearchIndex(documents, bundleDir, options);
}
