/**
 * Ids of the reader's own documents: the file name's slug and the start of the file's sha256, so the
 * same bytes always come back under the same id (their kept notes re-attach), and two different files
 * of one name never share one.
 */

const SLUG_CHARS = 60;

/** `Pakistan's Budget (final).pdf` → `pakistans-budget-final`; a name with no letters gives `document`. */
export function fileNameSlug(fileName: string): string {
  const stem = fileName.replace(/\.[A-Za-z0-9]{1,10}$/, '');
  const slug = stem
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_CHARS)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'document' : slug;
}

/**
 * The id for a file, avoiding every id `taken` says is in use (the bundled library's, or another of
 * yours): more of the hash first, then a counter, which only a crafted collision would ever reach.
 */
export function userDocumentId(fileName: string, sha256: string, taken: (id: string) => boolean): string {
  const slug = fileNameSlug(fileName);
  for (const length of [8, 16, 64]) {
    const id = `${slug}-${sha256.slice(0, length)}`;
    if (!taken(id)) return id;
  }
  for (let n = 2; ; n++) {
    const id = `${slug}-${sha256}-${n}`;
    if (!taken(id)) return id;
  }
}
