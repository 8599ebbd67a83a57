import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, zstdCompressSync } from 'node:zlib';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { documentMeta } from '../../../main/library/assemble-document';
import {
  DOCS_FOLDER,
  documentWithText,
  readBundledDocument,
  readBundledDocumentAsync,
  writeBundledDocument,
} from '../../../main/library/bundle-document-file';
import { makeDocument } from '../search/fixture-documents';

const work = mkdtempSync(join(tmpdir(), 'margin-bundle-document-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PARAGRAPH =
  'The port at Gwadar sits on the Arabian Sea, and the corridor that ends there has been promised for a decade.';
const doc = makeDocument({
  id: 'gwadar-port',
  title: 'Gwadar Port',
  authors: ['Nian Peng'],
  sections: [
    { heading: null, blocks: [PARAGRAPH, PARAGRAPH.toUpperCase()] },
    { heading: 'OUTLOOK', blocks: [{ caption: 'The harbour in 2023.' }, PARAGRAPH] },
  ],
  bio: ['Nian Peng directs the centre.'],
});

let counter = 0;
let bundle: string;
beforeEach(() => {
  bundle = join(work, `bundle-${++counter}`);
  mkdirSync(join(bundle, DOCS_FOLDER), { recursive: true });
});

const file = (suffix = '.json.zst') => join(bundle, DOCS_FOLDER, `${doc.id}${suffix}`);

describe('bundle-document-file', () => {
  it('reads back the text it wrote, and with its library row makes the whole document again', async () => {
    await writeBundledDocument(bundle, doc);
    const text = readBundledDocument(bundle, doc.id);
    expect(text).toEqual({ id: doc.id, sections: doc.sections, authorBio: doc.authorBio });
    expect(await readBundledDocumentAsync(bundle, doc.id)).toEqual(text);
    expect(documentWithText(documentMeta(doc), text)).toEqual(doc);
    // Compressed: the repeated paragraph costs little the second and third time.
    expect(readFileSync(file()).length).toBeLessThan(JSON.stringify(text).length / 2);
  });

  it('reads a bundle of the brotli form (docs/<id>.json.br), and names that file when it is damaged', async () => {
    const text = { id: doc.id, sections: doc.sections, authorBio: doc.authorBio };
    writeFileSync(file('.json.br'), brotliCompressSync(JSON.stringify(text)));
    expect(readBundledDocument(bundle, doc.id)).toEqual(text);
    expect(await readBundledDocumentAsync(bundle, doc.id)).toEqual(text);
    writeFileSync(file('.json.br'), brotliCompressSync(JSON.stringify(text)).subarray(0, 20));
    expect(() => readBundledDocument(bundle, doc.id)).toThrow(
      'The content bundle is damaged: docs/gwadar-port.json.br cannot be decompressed.',
    );
  });

  it('reads a bundle written before compression (the whole document as plain JSON)', async () => {
    writeFileSync(file('.json'), JSON.stringify(doc));
    expect(readBundledDocument(bundle, doc.id).sections).toEqual(doc.sections);
    expect((await readBundledDocumentAsync(bundle, doc.id)).authorBio).toEqual(doc.authorBio);
  });

  it('says in one line which file is damaged and how, for every kind of damage', async () => {
    await writeBundledDocument(bundle, doc);
    const whole = readFileSync(file());
    const cases: Array<[Buffer | string, string]> = [
      [whole.subarray(0, whole.length - 8), 'cannot be decompressed'],
      [Buffer.from('{"id":"gwadar-port","sections":[]}'), 'cannot be decompressed'],
      [Buffer.alloc(0), 'cannot be decompressed'],
      [zstdCompressSync('{"id": "gwadar-port", "sec'), 'is not valid JSON'],
    ];
    for (const [bytes, why] of cases) {
      writeFileSync(file(), bytes);
      const message = `The content bundle is damaged: docs/gwadar-port.json.zst ${why}.`;
      expect(() => readBundledDocument(bundle, doc.id)).toThrow(message);
      await expect(readBundledDocumentAsync(bundle, doc.id)).rejects.toMatchObject({
        code: 'unavailable',
        message,
      });
    }
  });

  it('refuses a file that would inflate past its limit without inflating it all', async () => {
    // 80 MB of spaces compress to a few KB: a decompression bomb as far as the reader can tell.
    const spaces = Buffer.alloc(80 * 1024 * 1024, 0x20);
    writeFileSync(file(), zstdCompressSync(spaces));
    const message = 'The content bundle is damaged: docs/gwadar-port.json.zst would inflate past its limit.';
    expect(() => readBundledDocument(bundle, doc.id)).toThrow(message);
    await expect(readBundledDocumentAsync(bundle, doc.id)).rejects.toMatchObject({ message });
    // The older brotli form has the same limit.
    rmSync(file());
    writeFileSync(
      file('.json.br'),
      brotliCompressSync(spaces, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }),
    );
    expect(() => readBundledDocument(bundle, doc.id)).toThrow(
      'The content bundle is damaged: docs/gwadar-port.json.br would inflate past its limit.',
    );
  });

  it("refuses another document's file, or one that is not a document at all", async () => {
    const other = { ...doc, id: 'another-document' };
    await writeBundledDocument(bundle, other);
    writeFileSync(file(), readFileSync(join(bundle, DOCS_FOLDER, 'another-document.json.zst')));
    expect(() => readBundledDocument(bundle, doc.id)).toThrow(
      'The content bundle is damaged: docs/gwadar-port.json.zst is not the document "gwadar-port".',
    );
    writeFileSync(file('.json'), '{"id": "gwadar-port", "sections": "none"}');
    rmSync(file());
    expect(() => readBundledDocument(bundle, doc.id)).toThrow(
      'The content bundle is damaged: docs/gwadar-port.json is not the document "gwadar-port".',
    );
  });

  it('says a missing file is missing, and an unreadable one unreadable', async () => {
    expect(() => readBundledDocument(bundle, doc.id)).toThrow(
      'The content bundle is damaged: docs/gwadar-port.json.zst is missing.',
    );
    await expect(readBundledDocumentAsync(bundle, doc.id)).rejects.toMatchObject({
      code: 'unavailable',
      message: 'The content bundle is damaged: docs/gwadar-port.json.zst is missing.',
    });
    // A folder where the file should be cannot be read, whoever runs the test (root included).
    mkdirSync(file());
    expect(() => readBundledDocument(bundle, doc.id)).toThrow(
      'The content bundle is damaged: docs/gwadar-port.json.zst cannot be read.',
    );
  });
});
