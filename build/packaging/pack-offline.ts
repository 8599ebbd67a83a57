/**
 * Runs electron-builder's real Linux packaging (`--linux dir`) without the network: Electron comes
 * from a stub distribution, downloads are pointed at a closed port, and the output goes to a temp
 * directory. What comes out is the same unpacked app a real build makes, with the stub binary in
 * place of Electron: its fuses and its `resources/app.asar` are what the packaging checks read.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

export interface OfflinePackOptions {
  /** The project to pack: its package.json, dist/ and build resources. */
  projectDir: string;
  /** electron-builder configuration (YAML or JSON) to start from. */
  configFile: string;
  /** A stub Electron distribution (see stub-electron.ts). */
  electronDist: string;
  electronVersion: string;
  /** Scratch directory: receives the merged config, the builder cache and the packed app. */
  workDir: string;
  /** Top-level config keys to replace, e.g. a weakened `electronFuses` for a negative test. */
  overrides?: Record<string, unknown>;
  timeoutMs?: number;
}

export interface OfflinePackResult {
  /** The unpacked app: `<workDir>/release/linux-unpacked`. */
  appOutDir: string;
  /** The packed Electron executable, named after `linux.executableName`. */
  executablePath: string;
  asarPath: string;
  /** electron-builder's combined stdout and stderr, for diagnosing failures. */
  log: string;
}

export async function readBuilderConfig(configFile: string): Promise<Record<string, unknown>> {
  const text = await readFile(configFile, 'utf8');
  const config: unknown = configFile.endsWith('.json') ? JSON.parse(text) : parse(text);
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new Error(`${configFile} does not hold an electron-builder configuration object`);
  }
  return config as Record<string, unknown>;
}

/** The environment for the builder: no network, no signing, a private empty cache. */
function offlineEnvironment(cacheDir: string): NodeJS.ProcessEnv {
  const closedPort = 'http://127.0.0.1:9';
  // electron-builder silences its log when it sees VITEST; the log is how a failed pack explains itself.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')),
  );
  return {
    ...inherited,
    ELECTRON_BUILDER_OFFLINE: 'true',
    ELECTRON_BUILDER_CACHE: cacheDir,
    ELECTRON_CACHE: cacheDir,
    ELECTRON_GET_USE_PROXY: 'true',
    HTTP_PROXY: closedPort,
    HTTPS_PROXY: closedPort,
    http_proxy: closedPort,
    https_proxy: closedPort,
    NO_PROXY: '',
    no_proxy: '',
    CSC_IDENTITY_AUTO_DISCOVERY: 'false',
    npm_config_offline: 'true',
    FORCE_COLOR: '0',
  };
}

function runToCompletion(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
) {
  return new Promise<{ code: number | null; log: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`electron-builder did not finish within ${timeoutMs} ms:\n${log}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, log });
    });
  });
}

export type PackPlatform = 'linux' | 'mac';

/**
 * The fuses as configured, except the ad-hoc re-signing of a mac build when packing anywhere but on
 * macOS: it runs Apple's `codesign`, which only macOS has (real mac builds keep it).
 */
function fusesForThisHost(platform: PackPlatform, fuses: unknown): unknown {
  if (platform !== 'mac' || process.platform === 'darwin' || typeof fuses !== 'object' || fuses === null) {
    return fuses;
  }
  const { resetAdHocDarwinSignature: _macOnly, ...rest } = fuses as Record<string, unknown>;
  return rest;
}

/**
 * Runs `electron-builder --<platform> dir --x64` offline into `<workDir>/release`. Linux is the
 * platform this machine packs for real; mac runs the same packager code (Info.plist rewriting,
 * asar integrity, fuses in the framework binary) on a stub Electron.app, with signing skipped
 * because there is no macOS codesign here.
 */
export async function packDirOffline(
  platform: PackPlatform,
  options: OfflinePackOptions,
): Promise<OfflinePackResult> {
  const outputDir = path.join(options.workDir, 'release');
  const cacheDir = path.join(options.workDir, 'cache');
  await mkdir(cacheDir, { recursive: true });
  const base = await readBuilderConfig(options.configFile);
  const config: Record<string, unknown> = {
    ...base,
    electronFuses: fusesForThisHost(platform, base.electronFuses),
    ...options.overrides,
    directories: { ...(base.directories as object | undefined), output: outputDir },
    electronDist: options.electronDist,
    electronVersion: options.electronVersion,
    npmRebuild: false,
    publish: null,
  };
  const configPath = path.join(options.workDir, 'electron-builder.json');
  await writeFile(configPath, JSON.stringify(config, null, 2));

  const cli = require.resolve('electron-builder/cli.js');
  const args = [
    cli,
    `--${platform}`,
    'dir',
    '--x64',
    '--projectDir',
    options.projectDir,
    '--config',
    configPath,
    '--publish',
    'never',
  ];
  const env = offlineEnvironment(cacheDir);
  const { code, log } = await runToCompletion(
    process.execPath,
    args,
    options.projectDir,
    env,
    options.timeoutMs ?? 80_000,
  );
  if (code !== 0) {
    throw new Error(`electron-builder exited with ${code}:\n${log}`);
  }
  if (platform === 'mac') {
    const appPath = path.join(outputDir, 'mac', `${String(config.productName ?? 'Margin')}.app`);
    return {
      appOutDir: path.join(outputDir, 'mac'),
      // @electron/fuses finds the framework binary inside the .app itself.
      executablePath: appPath,
      asarPath: path.join(appPath, 'Contents', 'Resources', 'app.asar'),
      log,
    };
  }
  const linux = (config.linux ?? {}) as { executableName?: string };
  const appOutDir = path.join(outputDir, 'linux-unpacked');
  return {
    appOutDir,
    executablePath: path.join(appOutDir, linux.executableName ?? 'margin'),
    asarPath: path.join(appOutDir, 'resources', 'app.asar'),
    log,
  };
}

export function packLinuxDirOffline(options: OfflinePackOptions): Promise<OfflinePackResult> {
  return packDirOffline('linux', options);
}
