/**
 * End-to-end harness: the real browser host (`dist/host/serve.js`, so `npm run build` must have run)
 * on a temporary data folder, and Debian's Chromium driven by playwright-core with a fresh profile.
 * Nothing is faked: the page talks to the same MarginApi the app uses.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..');
/** The project's pinned Node (24), not whatever `node` is first on PATH. */
const NODE = path.join(ROOT, 'node_modules', '.bin', 'node');
const SERVE = path.join(ROOT, 'dist', 'host', 'serve.js');
/** Debian's Chromium (never a downloaded browser), and the flags that keep it off the network. */
export const CHROMIUM = process.env.MARGIN_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
const READY_LINE = /Margin is serving at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]+))/;

/** Where screenshots go (gitignored); look at them. */
export const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e');

export interface MarginHost {
  /** The address printed by the host, token included. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Calls the API the way the page does, for setting up and checking state. */
  call<T>(method: string, args?: unknown[]): Promise<T>;
  stop(): Promise<void>;
}

export interface HostOptions {
  /** Use (and keep) this data folder instead of a fresh temporary one: a restart on the same notes. */
  dataDir?: string;
  /** Build and serve this folder of content sources instead of the shipped library (a new edition). */
  contentDir?: string;
  /** Sync through this folder (`--sync DIR`). */
  syncDir?: string;
  /** Another build's `host/serve.js` (the benchmarks compare builds); the default is this one's. */
  serveScript?: string;
}

/** Starts `serve.js --port 0 --data <fresh temp dir>` and waits for its address line. */
export async function startHost(options: HostOptions = {}): Promise<MarginHost> {
  const serve = options.serveScript ?? SERVE;
  await fs.access(serve).catch(() => {
    throw new Error(`${serve} is missing: run \`npm run build\` first.`);
  });
  const dataDir = options.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'margin-e2e-data-')));
  const content = options.contentDir ? ['--content', options.contentDir] : [];
  const sync = options.syncDir ? ['--sync', options.syncDir] : [];
  const child = spawn(NODE, [serve, '--port', '0', '--data', dataDir, ...content, ...sync], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The host did not start in time:\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = READY_LINE.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The host exited (${code}) before it was ready:\n${output}`));
    });
  });
  const [, url, port, token] = match;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url,
    origin,
    token,
    dataDir,
    async call<T>(method: string, args: unknown[] = []): Promise<T> {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-margin-token': token },
        body: JSON.stringify(args),
      });
      const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
      if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
      return body.value as T;
    },
    async stop(): Promise<void> {
      await stopChild(child);
      if (!options.dataDir) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Errors the page logged or threw: a calm app logs none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Debian's Chromium with a fresh profile in a temporary folder, one page open. */
export async function openBrowser(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserSession> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'margin-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  // Playwright waits forever by default; a missing element should fail the test with a clear message.
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return {
    context,
    page,
    pageErrors,
    async close(): Promise<void> {
      await context.close();
      await fs.rm(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot of the page under test-results/e2e/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await fs.mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });
}
