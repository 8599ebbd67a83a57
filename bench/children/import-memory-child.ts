/**
 * Imports one file, as the import worker does (parsed, then its Document written to a staging file),
 * in a process of its own: its peak resident memory is the importer's (plus Node's own few tens of MB,
 * which the report states).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importAndStage } from '../../main/import/stage-document';
import { runJob } from './child-job';

runJob<{ file: string }>(async ({ file }) => {
  const staging = mkdtempSync(join(tmpdir(), 'margin-import-memory-'));
  try {
    const target = { file: join(staging, 'document.json'), docId: 'measured' };
    const result = await importAndStage(new Uint8Array(readFileSync(file)), file, target);
    if (!result.ok) throw new Error(result.message);
    return { maxRssMb: process.resourceUsage().maxRSS / 1024 };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
});
