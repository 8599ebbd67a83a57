import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAppFile, resolveAppUrl } from '../../../main/security';

describe('resolveAppUrl', () => {
  const roots = {
    renderer: path.resolve('/srv/margin/renderer'),
    content: path.resolve('/srv/margin/content'),
  };

  it('maps the app root and plain files to the renderer folder', () => {
    expect(resolveAppUrl('app://margin/', roots)).toBe(path.join(roots.renderer, 'index.html'));
    expect(resolveAppUrl('app://margin/index.html', roots)).toBe(path.join(roots.renderer, 'index.html'));
    expect(resolveAppUrl('app://margin/main.js?v=1#top', roots)).toBe(path.join(roots.renderer, 'main.js'));
    expect(resolveAppUrl('app://margin/assets/fonts/serif.woff2', roots)).toBe(
      path.join(roots.renderer, 'assets', 'fonts', 'serif.woff2'),
    );
  });

  it('serves no content bundle: documents arrive over IPC, so /content/ is only a renderer path', () => {
    expect(resolveAppUrl('app://margin/content/docs/a-b.json', roots)).toBe(
      path.join(roots.renderer, 'content', 'docs', 'a-b.json'),
    );
  });

  const traversals = [
    '../secret.txt',
    '../../etc/passwd',
    'assets/../../etc/passwd',
    'content/../../etc/passwd',
    '..%2fsecret.txt',
    '..%2Fsecret.txt',
    '%2e%2e/secret.txt',
    '%2E%2E/secret.txt',
    '%2e%2e%2fsecret.txt',
    '.%2e/secret.txt',
    '%2e./secret.txt',
    '%252e%252e%252fsecret.txt',
    '%252e%252e/secret.txt',
    '%c0%ae%c0%ae/secret.txt',
    '%c0%af..%c0%afsecret.txt',
    '..%5csecret.txt',
    '..%5Csecret.txt',
    '%5c..%5csecret.txt',
    '..\\secret.txt',
    'assets\\..\\..\\secret.txt',
    '/etc/passwd',
    '%2fetc%2fpasswd',
    '%2Fetc/passwd',
    'C:/Windows/win.ini',
    'C:%5cWindows%5cwin.ini',
    'c%3a/Windows/win.ini',
    '\\\\server\\share\\file',
    'index.html%00.js',
    'index.html\0.js',
    '%00',
    'content/%2e%2e/%2e%2e/secret.txt',
    './index.html',
    'assets/./main.js',
    '.env',
    '.git/config',
    'assets/.hidden.js',
    '%2eenv',
    'assets//main.js',
    'index.html.',
    '..',
    '...',
    '%',
    '%zz',
    '%e0%a4%a',
  ];
  it.each(traversals)('refuses %s', (tail) => {
    expect(resolveAppUrl(`app://margin/${tail}`, roots)).toBeNull();
  });

  it.each([
    'app://other/index.html',
    'app://margin.evil/index.html',
    'app://evil.com/index.html',
    'app://user:pass@margin/index.html',
    'app://margin:8080/index.html',
    'app:margin/index.html',
    'app:///index.html',
    'file:///etc/passwd',
    'https://margin/index.html',
    'APP://margin/index.html',
    'app://MARGIN/index.html',
    'app://margin',
    '',
    'app://margin/ index.html',
  ])('refuses another scheme, host or form: %s', (url) => {
    expect(resolveAppUrl(url, roots)).toBeNull();
  });

  it('refuses a path longer than any real file', () => {
    expect(resolveAppUrl(`app://margin/${'a/'.repeat(600)}x.js`, roots)).toBeNull();
  });
});

describe('findAppFile', () => {
  let base: string;
  let roots: { renderer: string; content: string };

  beforeAll(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'margin-app-url-'));
    roots = { renderer: path.join(base, 'renderer'), content: path.join(base, 'content') };
    fs.mkdirSync(path.join(roots.renderer, 'assets'), { recursive: true });
    fs.mkdirSync(roots.content, { recursive: true });
    fs.writeFileSync(path.join(roots.renderer, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(roots.renderer, 'main.js'), 'export {}');
    fs.writeFileSync(path.join(roots.renderer, 'notes.exe'), 'MZ');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'do not serve');
    fs.writeFileSync(path.join(roots.content, 'library.json'), '[]');
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(roots.renderer, 'linked.txt'));
  });
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('finds a real file with its content type', async () => {
    expect(await findAppFile('app://margin/', roots)).toEqual({
      file: fs.realpathSync(path.join(roots.renderer, 'index.html')),
      mediaType: 'text/html; charset=utf-8',
    });
    expect((await findAppFile('app://margin/main.js', roots))?.mediaType).toBe(
      'text/javascript; charset=utf-8',
    );
  });

  it('refuses app://margin/content/library.json: the content bundle is not mounted', async () => {
    expect(await findAppFile('app://margin/content/library.json', roots)).toBeNull();
  });

  it('refuses a symlink that leads out of its root', async () => {
    expect(await findAppFile('app://margin/linked.txt', roots)).toBeNull();
  });

  it('refuses missing files, folders and kinds of file Margin does not serve', async () => {
    expect(await findAppFile('app://margin/missing.js', roots)).toBeNull();
    expect(await findAppFile('app://margin/assets', roots)).toBeNull();
    expect(await findAppFile('app://margin/notes.exe', roots)).toBeNull();
  });
});
