import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../build/electron-binary';
import { runElectron } from '../../build/start-app';

const PROJECT_DIR = path.resolve(__dirname, '../..');
const ONE_LINE =
  /^margin: cannot start the app: .+\. Run `npm run serve` to open Margin in the browser instead\.\n$/;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real start path: `npm start` in this checkout, as a reader types it. */
function npmStart(env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['start'], {
      cwd: PROJECT_DIR,
      env: { ...process.env, ...env },
      shell: process.platform === 'win32',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function expectOneClearLine(run: Run, cause: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(ONE_LINE);
  expect(run.stderr).toMatch(cause);
  expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at |Error:/m);
}

describe('npm start where Electron cannot run', () => {
  let scratch: string;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'margin-start-'));
  });

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('says in one line that ELECTRON_OVERRIDE_DIST_PATH holds no Electron, and exits 1', async () => {
    const run = await npmStart({ ELECTRON_OVERRIDE_DIST_PATH: path.join(scratch, 'no-such-folder') });
    expectOneClearLine(
      run,
      /ELECTRON_OVERRIDE_DIST_PATH is set to .*no-such-folder, which holds no Electron binary/,
    );
  });

  const installed = findElectronBinary(undefined, { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '' });
  it.skipIf(installed.ok)(
    'says in one line that the binary is missing and cannot be downloaded from a mirror that lacks it',
    async () => {
      // A local mirror that has nothing: the download fails at once, online or not.
      const mirror = http.createServer((_request, response) => response.writeHead(404).end());
      await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = mirror.address() as AddressInfo;
        const run = await npmStart({
          ELECTRON_OVERRIDE_DIST_PATH: '',
          ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
          electron_config_cache: path.join(scratch, 'cache'),
        });
        expectOneClearLine(run, /Electron's binary is not installed and could not be downloaded/);
      } finally {
        mirror.close();
      }
    },
    120_000,
  );
});

describe('start-app runElectron', () => {
  let scratch: string;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'margin-run-electron-'));
  });

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it.runIf(process.platform !== 'win32')(
    'runs the binary on the app folder and hands back its exit code',
    async () => {
      // A stand-in executable, to watch what the launcher passes; the app itself is the smoke suite's job.
      const binary = path.join(scratch, 'electron');
      const record = path.join(scratch, 'args.txt');
      await writeFile(binary, `#!/bin/sh\necho "$PWD $@" > "${record}"\nexit 7\n`);
      await chmod(binary, 0o755);
      expect(await runElectron(binary, ['.', '--flag'], PROJECT_DIR)).toEqual({ code: 7, signal: null });
      expect(await readFile(record, 'utf8')).toBe(`${PROJECT_DIR} . --flag\n`);
    },
  );

  it('rejects, rather than hangs, when the binary cannot be run', async () => {
    await expect(runElectron(path.join(scratch, 'missing-electron'), ['.'], PROJECT_DIR)).rejects.toThrow(
      /ENOENT/,
    );
  });
});
