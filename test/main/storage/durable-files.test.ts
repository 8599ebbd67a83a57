import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../main/storage/durable-files';

describe('durable-files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'margin-durable-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a whole file over the old one and leaves no temporary file', () => {
    const file = path.join(dir, 'print.pdf');
    fs.writeFileSync(file, 'old');
    writeFileAtomically(file, new Uint8Array([37, 80, 68, 70]));
    expect(fs.readFileSync(file, 'latin1')).toBe('%PDF');
    expect(fs.readdirSync(dir)).toEqual(['print.pdf']);
  });

  it('keeps the old file and cleans up when the write cannot be finished', () => {
    const file = path.join(dir, 'taken');
    fs.mkdirSync(file); // a folder where the file should go: the rename fails
    expect(() => writeFileAtomically(file, 'new')).toThrow();
    expect(fs.statSync(file).isDirectory()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['taken']);
  });
});
