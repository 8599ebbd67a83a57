/**
 * A real library for annotation tests: the bundled RCAS commentary parsed by Content's own parser, and
 * "new editions" of it made by editing the source text and parsing again (so offsets and hashes are real).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from '../../../main/api';
import { MarginError } from '../../../main/errors';
import type { Library } from '../../../main/library/library';
import { parseRcasText } from '../../../main/library/parse-rcas-text';

export const COMMENTARY_FILE = 'security-concerns-impede-china-pakistan-relations.txt';
export const COMMENTARY_SOURCE = readFileSync(join(__dirname, '../../../content', COMMENTARY_FILE), 'utf8');

export function commentary(edits: Array<[string, string]> = []): Document {
  let source = COMMENTARY_SOURCE;
  for (const [find, replace] of edits) {
    if (!source.includes(find)) throw new Error(`edit not applicable: ${find.slice(0, 60)}`);
    source = source.replace(find, replace);
  }
  return parseRcasText(source, COMMENTARY_FILE);
}

/** A second, small document under another id, so that per-document behaviour shows. */
export function secondDocument(): Document {
  const source = COMMENTARY_SOURCE.replace(
    'Security Concerns Impede China-Pakistan Relations',
    'A Second Commentary',
  );
  return parseRcasText(source, 'a-second-commentary.txt');
}

export function libraryOf(...documents: Document[]): Library {
  const byId = new Map(documents.map((doc) => [doc.id, doc]));
  return {
    list: () => documents.map((doc) => doc),
    has: (id) => byId.has(id),
    get(id) {
      const doc = byId.get(id);
      if (!doc) throw new MarginError('not-found', `There is no document "${id}".`);
      return doc;
    },
  };
}
