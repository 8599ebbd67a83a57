/**
 * Runs each measurement in a fresh Node process (node 24, --expose-gc) so that every engine starts with
 * an empty heap and no JIT state from another. Children are bundled with esbuild first, as the app's own
 * main process is, so start-up times carry no TypeScript-loader overhead.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

export const WORK_ROOT = path.join(__dirname, '.work');

/** Bundles `entry` (a .ts file) into a CommonJS script under bench/.work/bin/ and returns its path. */
export async function bundleScript(entry: string, name: string): Promise<string> {
  const outfile = path.join(WORK_ROOT, 'bin', `${name}.js`);
  await mkdir(path.dirname(outfile), { recursive: true });
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    logLevel: 'error',
  });
  return outfile;
}

/**
 * The content build's child (children/margin-build-child.ts) bundled as `name`, with the build's worker
 * bundled beside it, where the content build looks for it (main/library/content-build-workers.ts).
 */
export async function bundleMarginBuildChild(name = 'margin-build-child'): Promise<string> {
  await bundleScript(
    path.join(__dirname, '..', 'main', 'library', 'content-build-worker.ts'),
    'content-build-worker',
  );
  return bundleScript(path.join(__dirname, 'children', 'margin-build-child.ts'), name);
}

export interface ChildOptions {
  /** --max-old-space-size in MB (default 8192: Lunr's stock index at 10,000 articles needs ~1 GB). */
  heapMb?: number;
  /** Kill the child and fail with "did not finish within …" after this long (default: no limit). */
  timeoutMs?: number;
}

/** Runs `script` with `job` and resolves with the one message the child sends back. */
export function runChild<Result>(script: string, job: unknown, options: ChildOptions = {}): Promise<Result> {
  const args = ['--expose-gc', `--max-old-space-size=${options.heapMb ?? 8192}`, script, JSON.stringify(job)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: { ok: true; value: Result } | { ok: false; error: string } | undefined;
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.on('message', (message) => {
      result = message as typeof result;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (timedOut && !result) {
        const minutes = Math.round((options.timeoutMs ?? 0) / 60_000);
        reject(new Error(`did not finish within ${minutes} min (stopped)`));
      } else if (result?.ok) resolve(result.value);
      else if (result) reject(new Error(`child ${path.basename(script)} failed: ${result.error}`));
      else reject(new Error(`child ${path.basename(script)} exited (${signal ?? code}) without a result`));
    });
  });
}
