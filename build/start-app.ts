/**
 * `npm start`: find Electron (downloading it on the first run, as Electron does lazily), build, then
 * run `electron .` with the terminal attached, forwarding its exit code and Ctrl+C. Where Electron
 * cannot run, say why in one line and point to `npm run serve`, which opens Margin in the browser.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary, installElectronBinary } from './electron-binary';

const PROJECT_DIR = path.resolve(__dirname, '..');

function fail(reason: string): never {
  console.error(
    `margin: cannot start the app: ${reason}. Run \`npm run serve\` to open Margin in the browser instead.`,
  );
  process.exit(1);
}

function findOrInstall(): string {
  const found = findElectronBinary();
  if (found.ok) return found.path;
  if (found.installable) {
    console.log('margin: downloading Electron (first run)…');
    if (installElectronBinary()) {
      const installed = findElectronBinary();
      if (installed.ok) return installed.path;
    }
  }
  return fail(
    found.installable
      ? `${found.reason} and could not be downloaded (offline, or the mirror lacks it)`
      : found.reason,
  );
}

function build(): void {
  // npm runs this script with npm_execpath set; run the build through the same npm and Node.
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: PROJECT_DIR, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], {
        cwd: PROJECT_DIR,
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
  if (result.status !== 0) fail('the build failed (its errors are above)');
}

export interface ElectronExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs Electron with the terminal attached; Ctrl+C and termination reach it, not just this launcher. */
export function runElectron(binary: string, args: string[], cwd: string): Promise<ElectronExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { cwd, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const signal of signals) process.on(signal, forward);
    const stopForwarding = (): void => {
      for (const signal of signals) process.off(signal, forward);
    };
    child.on('error', (error) => {
      stopForwarding();
      reject(error);
    });
    child.on('exit', (code, signal) => {
      stopForwarding();
      resolve({ code, signal });
    });
  });
}

async function main(): Promise<void> {
  const binary = findOrInstall();
  build();
  try {
    const exit = await runElectron(binary, ['.', ...process.argv.slice(2)], PROJECT_DIR);
    if (exit.signal !== null) process.kill(process.pid, exit.signal);
    else process.exit(exit.code ?? 1);
  } catch (error) {
    fail(`Electron could not be run (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

if (require.main === module) void main();
