import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document, SearchResults } from '../../../../main/api';
import { PHRASE_FILTER_BYTES } from '../../../../main/search/index/phrase-filter';
import { decodeStage, encodeStage, STAGE_FILE } from '../../../../main/search/index/user-stage-file';
import { loadSearchStages } from '../../../../main/search/service/search-loading';
import { BodyWithYours } from '../../../../main/search/service/user-search-index';
import { writeTestBundle } from '../fixture-bundle';
import { makeDocument } from '../fixture-documents';
import { syntheticCorpus } from '../synthetic-corpus';

const YOURS = 40;
let dir: string;
let bundleDir: string;
let yours: Document[];
let queries: string[];

/** A fresh copy of the reader's library with their documents in docs/ and nothing indexed yet. */
function freshLibrary(name: string): string {
  const libraryDir = join(dir, name);
  mkdirSync(join(libraryDir, 'docs'), { recursive: true });
  for (const doc of yours) writeFileSync(join(libraryDir, 'docs', `${doc.id}.json`), JSON.stringify(doc));
  return libraryDir;
}

function open(libraryDir: string, live = yours.map((doc) => doc.id)): BodyWithYours {
  return new BodyWithYours(loadSearchStages(bundleDir, 'body'), bundleDir, { dir: libraryDir, live });
}

/** Starts on a library and readies its stages (which keeps the main one in its file), then stops. */
function keepStage(libraryDir: string): void {
  const body = open(libraryDir);
  body.prepare();
  body.close();
}

/** Every query's answer without its timing: docs, scores, passages and marks. */
function answers(body: BodyWithYours): unknown[] {
  return queries.map((query) => {
    const results = body.search(query, { limit: 50 });
    return results.status === 'ok' ? { ...results, tookMs: 0 } : results;
  });
}

function ids(results: SearchResults): string[] {
  if (results.status !== 'ok') throw new Error(results.status);
  return results.groups.map((group) => group.docId);
}

function segmentFiles(libraryDir: string): string[] {
  return readdirSync(join(libraryDir, 'index')).filter((name) => name.endsWith('.json'));
}

/** What a library gives when it is indexed from nothing (no stage file): what every start must equal. */
let expected: unknown[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'margin-user-stage-'));
  const { documents, vocabulary } = syntheticCorpus(30 + YOURS, 11);
  bundleDir = join(dir, 'bundle');
  await writeTestBundle(documents.slice(0, 30), bundleDir);
  yours = documents.slice(30).map((doc, i) => ({ ...doc, id: `yours-${i}` }));
  const words = vocabulary.filter((word) => word.length >= 5);
  const firstWords = (doc: Document) =>
    doc.sections[0].blocks[0].type === 'paragraph'
      ? doc.sections[0].blocks[0].runs.map((run) => ('text' in run ? run.text : '')).join('')
      : '';
  const lead = firstWords(yours[3]).split(/\W+/).slice(2, 4).join(' ');
  queries = [
    words[0],
    words[40],
    words[400],
    `+${words[1]} +${words[7]}`,
    `${words[2]} ${words[300]}`,
    `${words[5].slice(0, 4)}*`,
    `${words[9].slice(0, -1)}~1`,
    `title:${words[3]}`,
    `"${lead}"`,
  ];
  const fresh = open(freshLibrary('expected'));
  expected = answers(fresh);
  fresh.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('UserSearchIndex (the main stage of your documents kept in one file)', () => {
  it('finds your documents beside the bundled ones for the queries checked below', () => {
    const hits = expected.flatMap((answer) =>
      ids(answer as SearchResults).filter((id) => id.startsWith('yours-')),
    );
    expect(new Set(hits).size).toBeGreaterThan(10);
  });

  it('keeps the assembled stage and answers from it alone, with every segment file gone', () => {
    const libraryDir = freshLibrary('segments-gone');
    const first = open(libraryDir);
    expect(answers(first)).toEqual(expected);
    first.close();
    // Private, as everything in the data folder.
    expect(statSync(join(libraryDir, 'index', STAGE_FILE)).mode & 0o777).toBe(0o600);
    for (const name of segmentFiles(libraryDir)) rmSync(join(libraryDir, 'index', name));

    const again = open(libraryDir);
    expect(again.problems).toEqual([]);
    expect(answers(again)).toEqual(expected);
    again.close();
    // Nothing was made again: the start read the one stage file.
    expect(segmentFiles(libraryDir)).toEqual([]);
  });

  it('makes a damaged stage file again and answers exactly as a fresh build', () => {
    const libraryDir = freshLibrary('damaged');
    keepStage(libraryDir);
    const file = join(libraryDir, 'index', STAGE_FILE);
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x40;
    writeFileSync(file, bytes);

    const again = open(libraryDir);
    expect(answers(again)).toEqual(expected);
    again.close();
    expect(() => decodeStage(readFileSync(file), 'any')).toThrow(/another bundle/);
  });

  it('does not take a stage file scored against another bundle, or a torn one', () => {
    const stage = {
      corpus: 'bundle-a',
      members: [{ id: 'a', hash: 'h', size: 1, mtimeNs: '1' }],
      records: [{ id: 'a', title: 'A', authors: [], published: null, sections: [] }],
      index: new Uint8Array(8),
      phraseFilters: new Uint8Array(PHRASE_FILTER_BYTES),
    };
    const bytes = encodeStage(stage);
    expect(decodeStage(bytes, 'bundle-a').members).toEqual(stage.members);
    expect(() => decodeStage(bytes, 'bundle-b')).toThrow('scored against another bundle');
    expect(() => decodeStage(bytes.subarray(0, bytes.length - 1), 'bundle-a')).toThrow('damaged');
  });

  it('shows the new text of a document replaced after the stage was kept, not the old one', () => {
    const libraryDir = freshLibrary('replaced');
    keepStage(libraryDir);
    const stageStamp = statSync(join(libraryDir, 'index', STAGE_FILE)).mtimeMs;
    const replaced = makeDocument({
      id: yours[5].id,
      title: 'Harbour note',
      sections: [{ heading: null, blocks: ['The quillfeather dredging contract was signed.'] }],
    });
    writeFileSync(join(libraryDir, 'docs', `${replaced.id}.json`), JSON.stringify(replaced));
    const live = yours.map((doc) => doc.id);
    const running = open(libraryDir);
    running.update(live, [replaced.id]);
    expect(ids(running.search('quillfeather', {}))).toEqual([replaced.id]);
    expect(ids(running.search(yours[5].title, {}))).not.toContain(replaced.id);
    running.close();
    // The app stopped before the stage was assembled again: the next start must not trust its old copy.
    expect(statSync(join(libraryDir, 'index', STAGE_FILE)).mtimeMs).toBe(stageStamp);
    const next = open(libraryDir);
    expect(ids(next.search('quillfeather', {}))).toEqual([replaced.id]);
    expect(ids(next.search(`title:"${yours[5].title}"`, {}))).not.toContain(replaced.id);
    next.close();
  });

  it('hides a removed document at once without assembling the stage again, and shows it when restored', () => {
    const libraryDir = freshLibrary('removed');
    const body = open(libraryDir);
    const live = yours.map((doc) => doc.id);
    const title = `title:"${yours[7].title}"`;
    expect(ids(body.search(title, {}))).toContain(yours[7].id);
    const before = body.search(queries[0], { limit: 100 });
    const stageFile = join(libraryDir, 'index', STAGE_FILE);
    const stageStamp = statSync(stageFile).mtimeMs;

    body.update(
      live.filter((id) => id !== yours[7].id),
      [],
    );
    expect(ids(body.search(title, {}))).not.toContain(yours[7].id);
    const after = body.search(queries[0], { limit: 100 });
    if (before.status !== 'ok' || after.status !== 'ok') throw new Error('not ok');
    const held = ids(before).includes(yours[7].id) ? 1 : 0;
    expect(after.total).toBe(before.total - held);
    // The others keep their scores: removal re-scores nothing.
    expect(after.groups).toEqual(before.groups.filter((group) => group.docId !== yours[7].id));
    expect(statSync(stageFile).mtimeMs).toBe(stageStamp);

    body.update(live, []);
    expect(ids(body.search(title, {}))).toContain(yours[7].id);
    body.close();
  });

  it('leaves out a document replaced by an unreadable text before the first search, and finds the others', () => {
    const libraryDir = freshLibrary('unreadable-replacement');
    const body = open(libraryDir);
    writeFileSync(join(libraryDir, 'docs', `${yours[9].id}.json`), '{ not json');
    const live = yours.map((doc) => doc.id);
    expect(body.update(live, [yours[9].id])).toEqual([
      expect.stringMatching(new RegExp(`^${yours[9].id}: could not be indexed \\(`)),
    ]);
    expect(ids(body.search(`title:"${yours[9].title}"`, {}))).not.toContain(yours[9].id);
    expect(ids(body.search(`title:"${yours[8].title}"`, {}))).toContain(yours[8].id);
    body.close();
  });

  it('answers as a fresh build when started from a copy of the library (new file times, same texts)', () => {
    const libraryDir = freshLibrary('copied-from');
    keepStage(libraryDir);
    const copy = join(dir, 'copied-to');
    cpSync(libraryDir, copy, { recursive: true });
    const body = open(copy);
    expect(answers(body)).toEqual(expected);
    body.close();
  });
});
