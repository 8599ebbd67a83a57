/**
 * Starts the built Margin (`dist/main/app.js`, through package.json's `main`) in the real Electron
 * binary with Playwright's `_electron` launcher, in a user-data folder of its own. Where there is no
 * Electron binary, the smoke suite is skipped with one line saying why; with MARGIN_REQUIRE_ELECTRON
 * set (the release workflow), a missing binary is a failure instead.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { describe } from 'vitest';
import { conditionalSuite, type Suite } from '../conditional-suite';
import { findElectronBinary } from '../../build/electron-binary';

export const PROJECT_DIR = path.resolve(__dirname, '../..');

/** Checked against playwright-core's own declaration of `_electron.launch`. */
export type ElectronLaunchOptions = NonNullable<Parameters<typeof _electron.launch>[0]>;

export function launchOptions(binary: string, userData: string): ElectronLaunchOptions {
  return {
    executablePath: binary,
    // The project folder: Electron reads package.json and runs its `main`, dist/main/app.js.
    args: [PROJECT_DIR, `--user-data-dir=${userData}`],
    cwd: PROJECT_DIR,
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    timeout: 60_000,
  };
}

export function launchMargin(binary: string, userData: string): Promise<ElectronApplication> {
  return _electron.launch(launchOptions(binary, userData));
}

/**
 * A second `electron .` on the same user data, as a reader double-clicking the app again, or opening
 * a file or a `margin://` link with it (`extra`, as the OS appends them to the command line).
 */
export function launchSecondInstance(
  binary: string,
  userData: string,
  extra: readonly string[] = [],
): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [PROJECT_DIR, `--user-data-dir=${userData}`, ...extra], {
      cwd: PROJECT_DIR,
      stdio: 'ignore',
    });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('the second instance did not quit within 30 s'));
    }, 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

export interface ElectronForTests {
  /** The binary, when there is one. */
  binary: string | null;
  describe: Suite;
}

export function electronForTests(env: NodeJS.ProcessEnv = process.env): ElectronForTests {
  const found = findElectronBinary(undefined, env);
  if (found.ok) return { binary: found.path, describe: (name, body) => describe(name, body) };
  const remedy = found.installable ? '; `node node_modules/electron/install.js` fetches it' : '';
  const reason = found.reason;
  return {
    binary: null,
    describe: conditionalSuite({
      available: false,
      required: env.MARGIN_REQUIRE_ELECTRON === 'true',
      failure: {
        test: 'needs an Electron binary',
        message: `MARGIN_REQUIRE_ELECTRON is set and there is no Electron: ${reason}.`,
      },
      skipLine: `skipped: the Electron smoke suite (${reason}${remedy})`,
    }),
  };
}
