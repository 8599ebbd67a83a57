/**
 * The reader's own library as sync sees it (sync-documents.ts): which documents to publish, their
 * original files, and the normal import path for a file that arrives from another device.
 */
import type { ImportOutcome } from '../api';
import { errorDetail } from '../errors';
import type { UserLibrary } from '../library/user-library/user-library';
import type { SyncedDocuments } from './sync-documents';

export function syncedDocuments(
  yours: UserLibrary,
  has: (docId: string) => boolean,
  importDocument: (fileName: string, bytes: Uint8Array) => Promise<ImportOutcome>,
): SyncedDocuments {
  return {
    own: () =>
      yours
        .entries()
        .filter((entry) => !entry.removed)
        .map((entry) => ({ docId: entry.id, fileName: entry.fileName, sha256: entry.sha256 })),
    readOriginal: (sha256) => yours.readOriginal(sha256),
    has,
    async importFile(fileName, bytes) {
      try {
        const outcome = await importDocument(fileName, bytes);
        if (outcome.status === 'imported' || outcome.status === 'already-in-library')
          return { docId: outcome.docId };
        return { problem: outcome.message };
      } catch (error) {
        return { problem: errorDetail(error) };
      }
    },
  };
}
