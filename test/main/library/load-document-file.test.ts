import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../../main/errors';
import { MAX_CONTENT_FILE_BYTES, parseDocumentFile } from '../../../main/library/load-document-file';

const BUNDLED = join(__dirname, '../../../content/security-concerns-impede-china-pakistan-relations.txt');
const dir = mkdtempSync(join(tmpdir(), 'margin-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function failure(file: string): Promise<ContentError> {
  const caught = await parseDocumentFile(file).then(
    () => null,
    (error: unknown) => error,
  );
  expect(caught).toBeInstanceOf(ContentError);
  return caught as ContentError;
}

describe('parseDocumentFile', () => {
  it('parses the bundled .txt with the RCAS parser and a .md with the Markdown parser', async () => {
    const txt = await parseDocumentFile(BUNDLED);
    expect(txt.title).toBe('Security Concerns Impede China-Pakistan Relations');
    const md = await parseDocumentFile(write('note.md', '---\ntitle: A Note\n---\nSome text.\n'));
    expect(md).toMatchObject({ id: 'note', title: 'A Note' });
  });

  it('reads Windows line endings and a byte-order mark exactly like plain Unix text', async () => {
    const unix = readFileSync(BUNDLED, 'utf8');
    const windows = write(
      'security-concerns-impede-china-pakistan-relations.txt',
      `\ufeff${unix.replace(/\n/g, '\r\n')}`,
    );
    expect(await parseDocumentFile(windows)).toEqual(await parseDocumentFile(BUNDLED));
  });

  it('refuses an empty file and a file of blank lines', async () => {
    expect((await failure(write('empty.txt', ''))).message).toBe(
      `${join(dir, 'empty.txt')}: the file is empty`,
    );
    expect((await failure(write('blank.md', '\n  \n\t\n'))).message).toBe(
      `${join(dir, 'blank.md')}: the file is empty`,
    );
  });

  it('refuses a binary file, naming the line of the first NUL byte', async () => {
    const bytes = Buffer.concat([
      Buffer.from('RCAS Commentary\n\nTitle\n'),
      Buffer.from([0x89, 0x50, 0x00, 0x01]),
    ]);
    const error = await failure(write('image.txt', bytes));
    expect(error.message).toBe(
      `${join(dir, 'image.txt')}:4: this is a binary file (it contains NUL bytes), not text`,
    );
  });

  it('refuses text that is not UTF-8, naming the line', async () => {
    const latin1 = Buffer.from('RCAS Commentary\n\nCaf\xe9 Politics\n', 'latin1');
    const error = await failure(write('latin1.txt', latin1));
    expect(error.message).toBe(
      `${join(dir, 'latin1.txt')}:3: this file is not UTF-8 text (binary, or saved in another encoding)`,
    );
  });

  it('refuses a file over the size limit without reading it', async () => {
    const file = write('huge.txt', Buffer.alloc(MAX_CONTENT_FILE_BYTES + 1, 0x61));
    expect((await failure(file)).message).toBe(`${file}: the file is too large (5.0 MB; the limit is 5 MB)`);
  });

  it('refuses a file type it has no parser for', async () => {
    const file = write('article.docx', 'whatever');
    expect((await failure(file)).message).toMatch(
      /article\.docx: unsupported file type "\.docx": use \.txt .* or \.md/,
    );
  });

  it('says so when the file is missing or is a folder', async () => {
    expect((await failure(join(dir, 'missing.txt'))).message).toBe(
      `${join(dir, 'missing.txt')}: cannot read the file (ENOENT)`,
    );
    mkdirSync(join(dir, 'folder.md'));
    expect((await failure(join(dir, 'folder.md'))).message).toBe(`${join(dir, 'folder.md')}: not a file`);
  });

  it('refuses a text without a recognisable title, naming the file and line', async () => {
    const file = write(
      'letter.txt',
      '\nDear colleagues, this is a long letter that starts straight away with prose and never gives a title.\n',
    );
    const error = await failure(file);
    expect(error.file).toBe(file);
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/:2: no recognisable title/);
  });

  it('refuses a file name that gives no document id', async () => {
    expect((await failure(write('---.md', '---\ntitle: T\n---\nText.\n'))).message).toMatch(
      /---\.md: the file name gives no usable document id/,
    );
  });
});
