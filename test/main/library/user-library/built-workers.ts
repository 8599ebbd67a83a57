/**
 * Helpers for tests of your own documents. The search and import workers bundled as the app build bundles them, into one folder (the service
 * finds the import worker beside the search worker), so a test does not depend on a previous build.
 */
import { build } from 'esbuild';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

export async function buildWorkers(outDir: string): Promise<{ searchWorker: string; importWorker: string }> {
  const searchWorker = join(outDir, 'search-worker.js');
  const importWorker = join(outDir, 'import-worker.js');
  const common = { bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' } as const;
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(ROOT, 'main/search/service/search-worker.ts')],
      outfile: searchWorker,
      target: 'node22',
    }),
    // As build/build-app.ts ships it (private members lowered for the security gate).
    build({
      ...common,
      entryPoints: [join(ROOT, 'main/import/import-worker.ts')],
      outfile: importWorker,
      target: 'es2021',
    }),
  ]);
  return { searchWorker, importWorker };
}

/** Waits until the full-text index (and your documents with it) answers: the titles stage answers first. */
export async function searchReady(service: {
  getStatus(): Promise<{ searchReady: boolean }>;
}): Promise<void> {
  for (let i = 0; i < 400 && !(await service.getStatus()).searchReady; i++)
    await new Promise((resolve) => setTimeout(resolve, 25));
}
