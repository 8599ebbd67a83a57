/**
 * Files the OS hands Margin ("Open with Margin", a file dropped on the dock icon) go through the same
 * import as "Add documents…": each file is read here, parsed in the import worker by `importDocument`,
 * and the page is told what happened in one line per file. A single file that is now in the library
 * opens. Plain Node: `app.ts` calls this with the service and the page's command channel.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportOutcome, MarginApi } from '../api';
import { errorDetail, printableLine } from '../errors';
import { MAX_IMPORT_BYTES, megabytes } from '../import/import-limits';
import type { AppCommand } from '../shared/app-commands';

type Importer = Pick<MarginApi, 'importDocument'>;

/** Reads one file within the import limit, or says in one line why it cannot. */
async function readOpenedFile(file: string): Promise<Uint8Array | string> {
  const name = printableLine(path.basename(file), 120);
  try {
    const info = await stat(file);
    if (!info.isFile()) return `${name}: not a file`;
    if (info.size > MAX_IMPORT_BYTES)
      return `${name}: larger than ${megabytes(MAX_IMPORT_BYTES)}, the most Margin imports`;
    return new Uint8Array(await readFile(file));
  } catch (error) {
    return `${name}: could not be read (${errorDetail(error)})`;
  }
}

/**
 * Imports the files one after another (the worker takes one at a time) and returns what the page is
 * told: a notice per file, then, when exactly one file is in the library now, the command that opens
 * it. A file whose name matches a different one of yours is kept beside it ("Keep both"): there is no
 * page to ask yet when the OS hands Margin a file, and nothing of the reader's is replaced unasked.
 */
export async function importOpenedFiles(files: readonly string[], api: Importer): Promise<AppCommand[]> {
  const commands: AppCommand[] = [];
  const opened: string[] = [];
  for (const file of files) {
    const bytes = await readOpenedFile(file);
    if (typeof bytes === 'string') {
      commands.push({ type: 'notice', message: printableLine(`Not imported: ${bytes}`, 280) });
      continue;
    }
    let outcome: ImportOutcome;
    try {
      outcome = await api.importDocument({
        importId: randomUUID(),
        name: path.basename(file),
        bytes,
        sameName: 'keep-both',
      });
    } catch (error) {
      outcome = { status: 'refused', message: errorDetail(error) };
    }
    commands.push({ type: 'notice', message: noticeFor(outcome) });
    if (outcome.status === 'imported' || outcome.status === 'already-in-library') opened.push(outcome.docId);
  }
  if (files.length === 1 && opened.length === 1) commands.push({ type: 'open-passage', docId: opened[0] });
  return commands;
}

/** The page takes a notice of one printable line of at most 300 characters (app-commands.ts). */
function noticeFor(outcome: ImportOutcome): string {
  const line = outcome.status === 'refused' ? `Not imported: ${outcome.message}` : outcome.message;
  return printableLine(line, 280);
}
