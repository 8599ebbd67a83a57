import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../main/import/import-file';
import { MAX_IMPORT_BYTES } from '../../../main/import/import-limits';
import { sniffFormat } from '../../../main/import/sniff-format';

const ROOT = join(__dirname, '../../..');
const utf8 = (text: string) => new TextEncoder().encode(text);
const RCAS = readFileSync(join(ROOT, 'content/security-concerns-impede-china-pakistan-relations.txt'));

describe('sniffFormat', () => {
  it('tells PDF, web page, Markdown and text apart by their bytes, whatever the name', () => {
    expect(sniffFormat(utf8('%PDF-1.7\n%âãÏÓ\n'), 'report').kind).toBe('pdf');
    expect(sniffFormat(utf8('<!-- saved -->\n<!DOCTYPE html><html><body>x</body></html>'), 'page').kind).toBe(
      'html',
    );
    expect(sniffFormat(utf8('---\ntitle: T\n---\nText.'), 'draft').kind).toBe('markdown');
    expect(sniffFormat(utf8('# Heading\n\nText.'), 'draft.md').kind).toBe('markdown');
    expect(sniffFormat(utf8('Just some words.\n'), 'note').kind).toBe('text');
  });

  it('refuses a file whose name says one format and whose bytes are another, naming both', () => {
    expect(() => sniffFormat(utf8('<html><body>Please sign in</body></html>'), 'report.pdf')).toThrow(
      'report.pdf: the name says a PDF but the file is a web page (HTML); rename it to import it',
    );
    expect(() => sniffFormat(utf8('%PDF-1.4 ...'), 'notes.txt')).toThrow(
      'notes.txt: the name says plain text but the file is a PDF; rename it to import it',
    );
  });

  it('says binary data is not a document Margin can read, and an empty file is empty', () => {
    const noise = Uint8Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256);
    expect(() => sniffFormat(noise, 'data.bin')).toThrow(
      /data\.bin:\d+: this is a binary file .*not a document Margin can read/,
    );
    expect(() => sniffFormat(Uint8Array.from([0xc3, 0x28, 0x41]), 'latin.txt')).toThrow(
      /latin\.txt: this is not a document Margin can read/,
    );
    expect(() => sniffFormat(new Uint8Array(0), 'empty.txt')).toThrow('empty.txt: the file is empty');
    expect(() => sniffFormat(utf8(' \n\n '), 'blank.md')).toThrow('blank.md: the file is empty');
  });

  it('refuses a file above the size limit before reading it', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    big.set(utf8('%PDF-1.7'));
    expect(() => sniffFormat(big, 'huge.pdf')).toThrow(
      /huge\.pdf: the file is too large \(100\.0 MB; Margin imports files up to 100\.0 MB\)/,
    );
  });
});

describe('importFile on text', () => {
  it('recognises an RCAS export and parses it as the bundled library does', async () => {
    const result = await importFile(RCAS, 'security-concerns.txt');
    expect(result.ok && result.source.kind).toBe('rcas');
    expect(result.ok && result.document.sections.map((s) => s.heading)).toEqual([
      null,
      'BACKGROUND',
      'IMPLICATIONS',
      'CONCLUSIONS',
    ]);
  });

  it('makes other text into paragraphs with the first line as title', async () => {
    const result = await importFile(
      utf8('Meeting notes on the grid\n\nFirst point, written\nover two lines.\n\nSecond point.\n'),
      'notes.txt',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.source.kind).toBe('text');
    expect(result.document.title).toBe('Meeting notes on the grid');
    expect(
      result.document.sections[0]?.blocks.map((b) => (b.type === 'paragraph' ? b.runs[0]?.text : '')),
    ).toEqual(['First point, written over two lines.', 'Second point.']);
  });

  it('reads Markdown with the library’s Markdown parser, and reports its errors with the line', async () => {
    const ok = await importFile(utf8('# A draft\n\nSome *text*.\n\n## Part two\n\nMore.'), 'draft.md');
    expect(ok.ok && ok.source.kind).toBe('markdown');
    expect(ok.ok && ok.document.sections.map((s) => s.heading)).toEqual([null, 'Part two']);
    const bad = await importFile(utf8('---\ntitle: T\nauthors: {name: [\n---\nText.\n'), 'bad.md');
    expect(bad).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^bad\.md:\d+: invalid front matter/),
    });
  });

  it('hands back the sha256 of the bytes, to tell the same file imported twice', async () => {
    const bytes = utf8('Title\n\nText.');
    const result = await importFile(bytes, 'a.txt');
    expect(result.ok && result.source.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
