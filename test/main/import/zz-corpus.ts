import { build } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { ImportRunner } from '../../../main/import/import-runner';
void (async () => {
  await build({
    entryPoints: ['main/import/import-worker.ts'],
    outfile: '/tmp/pdftry/import-worker.js',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    logLevel: 'warning',
  });
  const runner = new ImportRunner({ workerScript: '/tmp/pdftry/import-worker.js', timeLimitMs: 30000 });
  const dir = '/work/shared/corpora/pdf';
  for (const name of readdirSync(dir).sort()) {
    const t = Date.now();
    const r = await runner.importFile(new Uint8Array(readFileSync(`${dir}/${name}`)), name);
    console.log(
      name,
      Date.now() - t,
      'ms',
      r.ok
        ? `OK "${r.document.title.slice(0, 50)}" ${r.document.wordCount}w ${r.source.pages}p`
        : `NO ${r.message}`,
    );
  }
  await runner.close();
})();
