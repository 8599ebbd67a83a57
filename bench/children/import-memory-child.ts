/**
 * Imports one file, as the import worker does, in a process of its own: its peak resident memory is
 * the importer's (plus Node's own few tens of MB, which the report states).
 */
import { readFileSync } from 'node:fs';
import { importFile } from '../../main/import/import-file';
import { runJob } from './child-job';

runJob<{ file: string }>(async ({ file }) => {
  const result = await importFile(new Uint8Array(readFileSync(file)), file);
  if (!result.ok) throw new Error(result.message);
  return { maxRssMb: process.resourceUsage().maxRSS / 1024 };
});
