import { basename } from 'node:path';
import { errorDetail, printableLine } from '../errors';
import { documentMeta } from '../library/assemble-document';
import { writeFileAtomicallyInBackground } from '../storage/durable-files';
import { importFile } from './import-file';
import type { ImportOptions, StagedImportResult, StagingTarget } from './import-types';

/**
 * Imports a file and writes the parsed Document, under its library id, to the staging file main chose
 * (atomically, 0600): what the import worker does for each file. Only the metadata goes back, so the
 * main process never deserialises, serialises or holds a whole document while a file is imported.
 */
export async function importAndStage(
  bytes: Uint8Array,
  fileName: string,
  target: StagingTarget,
  options: ImportOptions = {},
): Promise<StagedImportResult> {
  const result = await importFile(bytes, fileName, options);
  if (!result.ok) return result;
  const document = { ...result.document, id: target.docId };
  const json = JSON.stringify(document);
  try {
    await writeFileAtomicallyInBackground(target.file, json);
  } catch (error) {
    const name = printableLine(basename(fileName));
    return {
      ok: false,
      message: printableLine(`${name}: it could not be saved in your library (${errorDetail(error)}).`),
    };
  }
  return {
    ok: true,
    staged: { meta: documentMeta(document), source: result.source, size: Buffer.byteLength(json) },
  };
}
