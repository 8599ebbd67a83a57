/**
 * The reader's own documents travel with their notes. A device publishes the original file of each of
 * its documents once, as a sealed blob in its folder (sync-blobs.ts) and a `document` change naming the
 * document id, file name and sha256. A device that holds notes on a document it lacks takes the blob
 * through the normal import path (parsed in the importer's worker, with its limits): the file is
 * untrusted like any other, and a failure is one sentence in the sync problems that changes nothing.
 *
 * Removing a document does not travel: each device keeps or removes its copy itself.
 */
import { join } from 'node:path';
import { printableLine } from '../errors';
import { hlcDevice } from './hlc';
import { readBlob, writeBlob } from './sync-blobs';
import type { Change, DocumentValue } from './sync-changes';
import { DEVICES_DIR } from './sync-folder';
import { MARGIN_DIR } from './sync-key';
import type { PassDevice } from './sync-pass';

export interface SyncedDocuments {
  /** The reader's own documents on this device (removed ones left out). */
  own(): Array<{ docId: string; fileName: string; sha256: string }>;
  /** The original file of one of them. */
  readOriginal(sha256: string): Uint8Array;
  /** True when this device has the document (bundled or the reader's). */
  has(docId: string): boolean;
  /** Imports a file through the normal path; the id it was given, or why not in one line. */
  importFile(fileName: string, bytes: Uint8Array): Promise<{ docId: string } | { problem: string }>;
}

function deviceDir(device: PassDevice, id: string): string {
  return join(device.folder, MARGIN_DIR, DEVICES_DIR, id);
}

/** Blobs and `document` changes for this device's documents that the folder does not have yet. */
export function publishDocuments(device: PassDevice, documents: SyncedDocuments): string[] {
  const problems: string[] = [];
  for (const doc of documents.own()) {
    const known = device.documents[doc.docId]?.value as DocumentValue | undefined;
    if (known?.sha256 === doc.sha256) continue;
    try {
      writeBlob(
        deviceDir(device, device.deviceId),
        device.key,
        doc.sha256,
        documents.readOriginal(doc.sha256),
      );
    } catch (error) {
      problems.push(
        `“${printableLine(doc.fileName, 80)}” could not be put in the sync folder: ${(error as Error).message}`,
      );
      continue;
    }
    const value: DocumentValue = { fileName: doc.fileName, sha256: doc.sha256 };
    const change: Change = { type: 'document', docId: doc.docId, value, hlc: device.clock.tick() };
    device.pendingChanges.push(change);
  }
  return problems;
}

export interface FetchedDocuments {
  imported: number;
  problems: string[];
}

/** Imports the documents that notes here are on and that only another device has. */
export async function fetchDocuments(
  device: PassDevice,
  documents: SyncedDocuments,
  closed: () => boolean,
): Promise<FetchedDocuments> {
  const result: FetchedDocuments = { imported: 0, problems: [] };
  const counts = device.store.countByDocument();
  for (const [docId, stamped] of Object.entries(device.documents)) {
    if (closed()) break;
    if (!counts.get(docId) || documents.has(docId)) continue;
    const { fileName, sha256 } = stamped.value as DocumentValue;
    const name = `“${printableLine(fileName, 80)}”`;
    const blob = readBlob(deviceDir(device, hlcDevice(stamped.hlc)), device.key, sha256);
    if (!blob.ok && blob.missing) continue; // the sync tool has not carried it yet
    const attempt = `${docId}/${sha256}/${blob.ok ? 'whole' : blob.signature}`;
    if (device.documentAttempts.has(attempt)) continue; // tried once; again when the file changes
    device.documentAttempts.add(attempt);
    if (!blob.ok) {
      result.problems.push(`The document ${name} from another device could not be read: ${blob.problem}.`);
      continue;
    }
    const outcome = await documents.importFile(fileName, blob.bytes);
    if ('problem' in outcome)
      result.problems.push(`The document ${name} from another device was not imported: ${outcome.problem}`);
    else if (outcome.docId !== docId)
      result.problems.push(
        `The document ${name} from another device was imported here as another document; its notes stay apart from it.`,
      );
    else result.imported += 1;
  }
  return result;
}
