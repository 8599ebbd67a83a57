import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callApi, runHostToExit, startHostProcess } from './run-host';

let base: string;
beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'margin-host-private-'));
});
afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

/** Every path under `dir` with its permission bits, as octal text. */
function modes(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (folder: string, prefix: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const name = `${prefix}${entry.name}`;
      found[name] = (fs.lstatSync(path.join(folder, entry.name)).mode & 0o777).toString(8);
      if (entry.isDirectory()) walk(path.join(folder, entry.name), `${name}/`);
    }
  };
  walk(dir, '');
  return found;
}

describe('browser host data folder', () => {
  it.skipIf(process.platform === 'win32')(
    'makes an existing data folder private and writes every new file for its owner only',
    async () => {
      const dataDir = path.join(base, 'Margin');
      fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
      fs.chmodSync(dataDir, 0o755);
      fs.chmodSync(path.join(dataDir, 'backups'), 0o755);
      fs.writeFileSync(path.join(dataDir, 'old-notes.log'), 'private');
      fs.chmodSync(path.join(dataDir, 'old-notes.log'), 0o644);

      const host = await startHostProcess(['--port', '0', '--data', dataDir]);
      try {
        expect((await callApi(host, 'setPreferences', [{ theme: 'dark' }])).status).toBe(200);
        const found = modes(dataDir);
        expect(Object.keys(found)).toEqual(
          expect.arrayContaining(['old-notes.log', 'annotations.sqlite', 'annotations.sqlite.lock']),
        );
        expect(Object.keys(found).filter((name) => name.endsWith('.json')).length).toBeGreaterThan(0);
        const expected = Object.fromEntries(
          Object.keys(found).map((name) => [
            name,
            fs.lstatSync(path.join(dataDir, name)).isDirectory() ? '700' : '600',
          ]),
        );
        expect(found).toEqual(expected);
        expect(modes(base)).toMatchObject({ Margin: '700' });
      } finally {
        await host.stop();
      }
    },
  );

  it('answers wrong options with one printable line, then the usage', async () => {
    const result = await runHostToExit(['--port', '80\n\u202e\u0007x', '--data', path.join(base, 'data')]);
    expect(result.code).toBe(1);
    const [first] = result.output.split('\n');
    expect(first).toMatch(/^margin: --port must be a number from 0 to 65535, not "80 \?x"\.$/);

    const unknown = await runHostToExit(['--bogus\u001b[2J', '--data', path.join(base, 'data')]);
    expect(unknown.code).toBe(1);
    const lines = unknown.output.split('\n');
    expect(lines[0]).toMatch(/^margin: Unknown option '--bogus\?\[2J'/);
    expect(lines[0]).toMatch(/^[^\p{Cc}\p{Cf}]*$/u);
    expect(lines[1]).toMatch(/^Usage: npm run serve/);
  });
});
