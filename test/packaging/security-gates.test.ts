import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runElectronegativityGate } from '../../build/packaging/electronegativity-gate';
import { REVIEWED_FINDINGS } from '../../build/packaging/reviewed-findings';
import { collectGateInput } from '../../build/packaging/gate-input';
import {
  checkWebPreferences,
  checkWebPreferencesInSource,
} from '../../build/packaging/web-preferences-check';
import { PROJECT_DIR, requireBuiltApp } from './built-app';

let scratch: string;
/** The gate input collected once (it includes a renderer rebuild); tests scan it or copies of it. */
let gateInput: string;

beforeAll(async () => {
  requireBuiltApp();
  scratch = await mkdtemp(path.join(os.tmpdir(), 'margin-gates-'));
  gateInput = await collectGateInput(PROJECT_DIR, path.join(scratch, 'good'));
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** A copy of the gate input with one edit made to a built file, as a weakened build would have. */
async function weakenedCopy(name: string, file: string, edit: (text: string) => string): Promise<string> {
  const dir = path.join(scratch, name);
  await cp(gateInput, dir, { recursive: true });
  const target = path.join(dir, file);
  const original = await readFile(target, 'utf8');
  const changed = edit(original);
  // The edit must have changed something, or the test would prove nothing.
  expect(changed).not.toBe(original);
  await writeFile(target, changed);
  return dir;
}

// Electronegativity parses every shipped file: seconds on an idle machine, much longer on a busy one.
describe('runElectronegativityGate', { timeout: 300_000 }, () => {
  it('passes the built main, preload and renderer: no finding at medium or above, no file it could not parse', async () => {
    const outcome = await runElectronegativityGate(gateInput);
    expect(outcome.problems).toEqual([]);
    expect(outcome.checksRun).toBeGreaterThan(30);
  });

  it('lets through only the reviewed lines, each with a one-line reason, and flags a review that matches nothing', async () => {
    for (const entry of REVIEWED_FINDINGS) expect(entry.reason).toMatch(/^[^\n]{20,}$/);
    const unreviewed = await runElectronegativityGate(gateInput, []);
    // Electronegativity reports files in no fixed order: compare both sides sorted.
    const expected = REVIEWED_FINDINGS.map((entry) => `${entry.id} (MEDIUM) in ${entry.file}:`).sort();
    const reported = [...unreviewed.problems].sort();
    expect(reported).toHaveLength(expected.length);
    reported.forEach((problem, index) => expect(problem.startsWith(expected[index])).toBe(true));
    const stale = {
      id: 'OPEN_EXTERNAL_JS_CHECK',
      file: 'dist/main/app.js',
      code: 'shell.openExternal(oldName)',
      reason: 'gone',
    };
    const withStale = await runElectronegativityGate(gateInput, [...REVIEWED_FINDINGS, stale]);
    expect(withStale.problems).toEqual([
      'reviewed finding OPEN_EXTERNAL_JS_CHECK in dist/main/app.js at "shell.openExternal(oldName)" no longer matches anything: review again',
    ]);
  });

  it('fails when the main process stops refusing permission requests', async () => {
    const dir = await weakenedCopy('no-permission-handler', 'dist/main/app.js', (text) =>
      text.replaceAll('.setPermissionRequestHandler(', '.setPermissionCheckHandler('),
    );
    const outcome = await runElectronegativityGate(dir);
    expect(outcome.problems).toEqual([
      expect.stringMatching(/^PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK \(MEDIUM\)/),
    ]);
  });

  it('fails on a shipped file it cannot parse', async () => {
    const dir = path.join(scratch, 'unparsable');
    await cp(gateInput, dir, { recursive: true });
    await writeFile(path.join(dir, 'dist', 'renderer', 'broken.js'), 'export const = ;\n');
    const outcome = await runElectronegativityGate(dir);
    expect(outcome.problems).toEqual([
      expect.stringMatching(/^could not parse dist\/renderer\/broken\.js: /),
    ]);
  });
});

describe('checkWebPreferences', () => {
  const mainBundle = path.join(PROJECT_DIR, 'dist', 'main', 'app.js');

  it('finds the window in the built main bundle locked down: sandboxed, isolated, no Node', async () => {
    expect(await checkWebPreferences(mainBundle)).toEqual([]);
  });

  it('names sandbox: false and contextIsolation: false in a weakened copy of the built main', async () => {
    const dir = await weakenedCopy('weak-window', 'dist/main/app.js', (text) =>
      text
        .replace(/sandbox: true/, 'sandbox: false')
        .replace(/contextIsolation: true/, 'contextIsolation: false'),
    );
    const problems = await checkWebPreferences(path.join(dir, 'dist', 'main', 'app.js'));
    expect(problems).toEqual([
      expect.stringMatching(/new BrowserWindow: webPreferences\.contextIsolation must be true, is false$/),
      expect.stringMatching(/new BrowserWindow: webPreferences\.sandbox must be true, is false$/),
    ]);
  });

  it('follows spreads with later keys winning, and fails closed on what it cannot read', () => {
    const source = `
      const { BrowserWindow } = require('electron');
      var SAFE = { contextIsolation: true, sandbox: true };
      new BrowserWindow({ webPreferences: { ...SAFE, nodeIntegration: true, enableBlinkFeatures: 'X' } });
      new BrowserWindow({ webPreferences: { ...SAFE, ...loadPrefs() } });
      new BrowserWindow({ webPreferences: { sandbox: true, contextIsolation: true, ...SAFE, sandbox: !1 } });
      new BrowserWindow({ width: 100 });`;
    const { problems, windows } = checkWebPreferencesInSource(source, 'main.js');
    expect(windows).toBe(4);
    expect(problems).toEqual([
      'main.js:4:7 new BrowserWindow: webPreferences.nodeIntegration must be false or unset, is true',
      'main.js:4:7 new BrowserWindow: webPreferences.enableBlinkFeatures must not be set',
      'main.js:5:7 new BrowserWindow: webPreferences is not a literal the check can read',
      'main.js:6:7 new BrowserWindow: webPreferences.sandbox must be true, is false',
      'main.js:7:7 new BrowserWindow: no webPreferences (sandbox and contextIsolation must be explicit)',
    ]);
  });

  it('reports a bundle that creates no window, rather than passing it', async () => {
    const file = path.join(scratch, 'no-window.js');
    await writeFile(file, 'console.log("no window here");\n');
    expect(await checkWebPreferences(file)).toEqual([
      'no-window.js: creates no BrowserWindow the check can see',
    ]);
  });
});
