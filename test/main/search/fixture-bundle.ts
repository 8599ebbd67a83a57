import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from '../../../main/api';
import { writeSearchIndex, type SearchIndexOptions } from '../../../main/search/index/index-build';
import { DOCS_FOLDER, writeBundledDocument } from '../../../main/library/bundle-document-file';

/** Writes what the content build writes for search: `docs/<id>.json.zst` per document, then the index. */
export async function writeTestBundle(
  documents: Document[],
  bundleDir: string,
  options: SearchIndexOptions = {},
): Promise<void> {
  await mkdir(join(bundleDir, DOCS_FOLDER), { recursive: true });
  for (const doc of documents) await writeBundledDocument(bundleDir, doc);
  await writeSearchIndex(documents, bundleDir, options);
}
