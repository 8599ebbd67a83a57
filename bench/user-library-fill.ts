/** A library of documents of yours for the import and yours parts, kept without the import worker. */
import { createHash } from 'node:crypto';
import { parseRcasText } from '../main/library/parse-rcas-text';
import { userDocumentId } from '../main/library/user-library/user-document-id';
import { openUserLibrary } from '../main/library/user-library/user-library';
import { createCorpusModel, generateArticle } from './article-generator';
import { renderRcasText } from './corpus';

/**
 * A library of `size` generated documents of yours, kept straight into the data folder through the user
 * library (parsed here, not in the import worker); the search worker indexes them when it next starts.
 */
export async function fillLibrary(
  dataDir: string,
  size: number,
  seed = 'margin-import-library',
): Promise<void> {
  const library = openUserLibrary(dataDir);
  const model = createCorpusModel(seed);
  for (let i = 0; i < size; i++) {
    const text = renderRcasText(generateArticle(model, i));
    const bytes = new TextEncoder().encode(text);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const fileName = `article-${i}.txt`;
    const id = userDocumentId(fileName, sha256, (taken) => library.has(taken));
    const doc = { ...parseRcasText(text, fileName), id };
    await library.add(
      {
        id,
        kind: 'rcas',
        fileName,
        sha256,
        importedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
        removed: false,
      },
      doc,
      bytes,
    );
  }
}
