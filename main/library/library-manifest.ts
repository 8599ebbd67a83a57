import type { DocumentMeta, Publisher } from '../api';

/**
 * The bundle's `library.json`: each publisher once (its about text and contact lines are paragraphs
 * long, and an archive of 100,000 articles of one publisher would repeat them 100,000 times), each
 * document row naming its publisher by id. Reading resolves the ids, so every caller still gets
 * DocumentMeta as the API defines it; a bundle written before the table (a plain list of metas) reads
 * as it always did.
 */
export interface ManifestPublisher extends Publisher {
  id: string;
}

export type ManifestRow = Omit<DocumentMeta, 'publisher'> & { publisherId: string | null };

export interface LibraryManifest {
  publishers: ManifestPublisher[];
  documents: ManifestRow[];
}

function slug(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/[a-z0-9]+/g);
  return words?.join('-') ?? 'publisher';
}

/** The manifest of these documents, publishers in order of first appearance (the same on every build). */
export function libraryManifest(metas: readonly DocumentMeta[]): LibraryManifest {
  const publishers: ManifestPublisher[] = [];
  const idOf = new Map<string, string>();
  const taken = new Set<string>();
  const documents = metas.map(({ publisher, ...row }): ManifestRow => {
    if (!publisher) return { ...row, publisherId: null };
    const key = JSON.stringify([publisher.name, publisher.about, publisher.contact]);
    let id = idOf.get(key);
    if (id === undefined) {
      // Two publishers of one name (an about text revised between issues) each keep theirs.
      const base = slug(publisher.name);
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      idOf.set(key, id);
      publishers.push({ id, name: publisher.name, about: publisher.about, contact: publisher.contact });
    }
    return { ...row, publisherId: id };
  });
  return { publishers, documents };
}

export class ManifestError extends Error {}

function isPublisher(value: unknown): value is ManifestPublisher {
  const p = value as ManifestPublisher | null;
  return (
    typeof p?.id === 'string' &&
    typeof p.name === 'string' &&
    Array.isArray(p.about) &&
    Array.isArray(p.contact)
  );
}

/**
 * The document rows of a parsed manifest, publishers resolved: one Publisher object per publisher,
 * shared by its rows. Throws ManifestError saying what is wrong (the caller names the file).
 */
export function manifestDocuments(parsed: unknown): DocumentMeta[] {
  if (Array.isArray(parsed)) return parsed as DocumentMeta[];
  const manifest = parsed as Partial<LibraryManifest> | null;
  if (!Array.isArray(manifest?.documents) || !Array.isArray(manifest.publishers))
    throw new ManifestError('it is neither a list of documents nor { publishers, documents }');
  const publishers = new Map<string, Publisher>();
  for (const entry of manifest.publishers) {
    if (!isPublisher(entry)) throw new ManifestError('a publisher has no id, name, about or contact');
    publishers.set(entry.id, { name: entry.name, about: entry.about, contact: entry.contact });
  }
  return manifest.documents.map((row) => {
    const { publisherId, ...meta } = (row ?? {}) as ManifestRow;
    if (publisherId === null || publisherId === undefined) return { ...meta, publisher: null };
    const publisher = publishers.get(publisherId);
    if (!publisher)
      throw new ManifestError(
        `a document names the publisher "${String(publisherId).slice(0, 40)}", which it does not list`,
      );
    return { ...meta, publisher };
  });
}
