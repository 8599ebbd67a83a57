import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeCommandLine, routeOpenFile, routeOpenUrl } from '../../../main/shell/open-routing';

const LINK = 'margin://open/gwadar?annotation=urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e';
const EXE = '/opt/Margin/margin';

describe('open-routing', () => {
  let dir: string;
  const file = (name: string): string => path.join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'margin-open-'));
    for (const name of [
      'report.pdf',
      'page.HTML',
      'page.htm',
      'notes.md',
      'long.markdown',
      'plain.txt',
      'app.exe',
      'noext',
    ]) {
      await writeFile(file(name), 'x');
    }
    await mkdir(file('folder.pdf'));
    if (process.platform !== 'win32') await symlink(file('report.pdf'), file('link-to-report.pdf'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('sends every importable file of a second launch to the import, in one batch', () => {
    const argv = [
      EXE,
      file('report.pdf'),
      file('page.HTML'),
      file('page.htm'),
      file('notes.md'),
      file('long.markdown'),
      file('plain.txt'),
    ];
    expect(routeCommandLine(argv, '/')).toEqual([{ kind: 'import', paths: argv.slice(1) }]);
  });

  it('resolves relative paths against the second instance’s working folder', () => {
    expect(routeCommandLine([EXE, 'notes.md'], dir)).toEqual([{ kind: 'import', paths: [file('notes.md')] }]);
  });

  it('ignores switches, the app folder, other file types, folders and files that do not exist', () => {
    const argv = [
      EXE,
      '--allow-file-access-from-files',
      `--user-data-dir=${file('report.pdf')}`,
      '.',
      dir,
      file('app.exe'),
      file('noext'),
      file('folder.pdf'),
      file('missing.pdf'),
      '',
    ];
    expect(routeCommandLine(argv, dir)).toEqual([]);
  });

  it('does not take the executable itself, even when it looks importable', () => {
    expect(routeCommandLine([file('plain.txt')], dir)).toEqual([]);
  });

  it('routes a margin:// link from the command line, and drops a hostile one', () => {
    expect(
      routeCommandLine([EXE, LINK, 'margin://open/../../etc/passwd', 'margin://x@open/gwadar'], dir),
    ).toEqual([
      {
        kind: 'link',
        link: { documentId: 'gwadar', annotationId: 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e' },
      },
    ]);
  });

  it('routes a file and a link given together, file first, and the same file once', () => {
    expect(
      routeCommandLine([EXE, LINK, file('plain.txt'), file('plain.txt')], dir).map((item) => item.kind),
    ).toEqual(['import', 'link']);
    expect(routeCommandLine([EXE, file('plain.txt'), 'plain.txt'], dir)).toEqual([
      { kind: 'import', paths: [file('plain.txt')] },
    ]);
  });

  it.runIf(process.platform !== 'win32')('follows a symbolic link to a real file', () => {
    expect(routeOpenFile(file('link-to-report.pdf'))).toEqual([
      { kind: 'import', paths: [file('link-to-report.pdf')] },
    ]);
  });

  it('routes a macOS open-file event for an importable file only', () => {
    expect(routeOpenFile(file('report.pdf'))).toEqual([{ kind: 'import', paths: [file('report.pdf')] }]);
    expect(routeOpenFile(file('app.exe'))).toEqual([]);
    expect(routeOpenFile('report.pdf')).toEqual([]);
  });

  it('routes a macOS open-url event for a Margin link only', () => {
    expect(routeOpenUrl(LINK)).toHaveLength(1);
    expect(routeOpenUrl('https://example.org/')).toEqual([]);
    expect(routeOpenUrl('margin://open/%2e%2e')).toEqual([]);
  });
});
