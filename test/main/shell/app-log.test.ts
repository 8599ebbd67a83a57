import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppLog, LOG_FILE, logFolder, type LogEvent } from '../../../main/shell/app-log';

const NOTE = 'My private thought: the minister lied about Gwadar';
const QUOTE = '"security is a shared responsibility," he said';

describe('app-log', () => {
  let userData: string;
  let folder: string;
  const at = new Date('2026-12-01T10:00:00.000Z');

  beforeEach(async () => {
    userData = await mkdtemp(path.join(os.tmpdir(), 'margin-log-'));
    folder = logFolder(userData);
  });

  afterEach(async () => {
    await rm(userData, { recursive: true, force: true });
  });

  const read = (name = LOG_FILE): Promise<string> => readFile(path.join(folder, name), 'utf8');

  it('writes one line per event with the time, level, event and its fields', async () => {
    const log = new AppLog(folder, { now: () => at });
    log.info('app-start', { version: '0.1.0', platform: 'linux', packaged: false });
    log.warn('open-ignored', { files: 3 });
    expect(await read()).toBe(
      '2026-12-01T10:00:00.000Z INFO app-start version=0.1.0 platform=linux packaged=false\n' +
        '2026-12-01T10:00:00.000Z WARN open-ignored files=3\n',
    );
    expect(folder).toBe(path.join(userData, 'logs'));
  });

  it.runIf(process.platform !== 'win32')('keeps the folder and files private to the user', async () => {
    new AppLog(folder).info('app-stop');
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(folder, LOG_FILE))).mode & 0o777).toBe(0o600);
  });

  it('never writes note text or a quote passed by mistake as a field', async () => {
    const log = new AppLog(folder, { now: () => at });
    log.info('open-routed', {
      kind: 'link',
      document: 'gwadar',
      note: NOTE,
      quote: QUOTE,
      big: 'x'.repeat(500),
    });
    const text = await read();
    expect(text).toBe(
      '2026-12-01T10:00:00.000Z INFO open-routed kind=link document=gwadar note=[redacted] quote=[redacted] big=[redacted]\n',
    );
    expect(text).not.toContain('minister');
  });

  it('logs an error by name, code and stack frames, never by its message', async () => {
    const log = new AppLog(folder, { now: () => at });
    const error = Object.assign(new Error(`Could not save note "${NOTE}"`), { code: 'SQLITE_BUSY' });
    log.error('uncaught-error', error);
    log.error('unhandled-rejection', NOTE);
    const text = await read();
    expect(text).not.toContain('minister');
    expect(text).not.toContain(os.homedir() === '/' ? '\u0000' : os.homedir());
    expect(text).toMatch(
      /^\S+ ERROR uncaught-error name=Error code=SQLITE_BUSY stack=\S+app-log\.test\.ts:\d+/,
    );
    expect(text).toContain('ERROR unhandled-rejection name=string\n');
  });

  it('refuses free text as an event name and as a field name', async () => {
    const log = new AppLog(folder, { now: () => at });
    log.info(NOTE as LogEvent, { [NOTE]: 1, ok: 2 });
    expect(await read()).toBe('2026-12-01T10:00:00.000Z INFO unknown-event ok=2\n');
  });

  it('rotates at the size limit and keeps only the newest files', async () => {
    const log = new AppLog(folder, { maxBytes: 200, maxFiles: 3, now: () => at });
    for (let index = 0; index < 20; index++) log.info('window-created', { width: 1200, height: 860, index });
    expect((await readdir(folder)).sort()).toEqual(['margin.1.log', 'margin.2.log', 'margin.log']);
    for (const name of await readdir(folder))
      expect((await stat(path.join(folder, name))).size).toBeLessThanOrEqual(200);
    expect(await read()).toContain('index=19\n');
    expect(await read('margin.1.log')).not.toContain('index=19');
  });

  it('never throws when the log cannot be written', async () => {
    new AppLog(folder).info('app-start');
    // A folder path that runs through a file: every write fails.
    const log = new AppLog(path.join(folder, LOG_FILE, 'logs'));
    expect(() => log.info('app-stop')).not.toThrow();
    expect(() => log.error('uncaught-error', new Error('x'))).not.toThrow();
  });
});
