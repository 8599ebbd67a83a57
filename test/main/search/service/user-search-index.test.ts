import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document, SearchResults } from '../../../../main/api';
import { loadSearchStages } from '../../../../main/search/service/search-loading';
import { BodyWithYours } from '../../../../main/search/service/user-search-index';
import { writeTestBundle } from '../fixture-bundle';
import { makeDocument } from '../fixture-documents';

const article = (id: string, title: string, text: string): Document =>
  makeDocument({ id, title, sections: [{ heading: null, blocks: [text] }] });

const BUNDLED = [
  article(
    'indus-treaty',
    'The Indus treaty',
    'The treaty shares the rivers of the Indus basin between two states.',
  ),
  article('gwadar-port', 'Gwadar port', 'The port at Gwadar handles little cargo so far.'),
];

let dir: string;
let libraryDir: string;
let body: BodyWithYours;

/** Keeps a document of yours where the user library keeps it (library/docs/<id>.json). */
function keep(doc: Document): void {
  writeFileSync(join(libraryDir, 'docs', `${doc.id}.json`), JSON.stringify(doc));
}

function ids(results: SearchResults): string[] {
  if (results.status !== 'ok') throw new Error(results.status);
  return results.groups.map((group) => group.docId);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'margin-user-index-'));
  await writeTestBundle(BUNDLED, join(dir, 'bundle'));
  libraryDir = join(dir, 'library');
  mkdirSync(join(libraryDir, 'docs'), { recursive: true });
  keep(article('my-notes-1', 'Notes on the treaty', 'My notes on the treaty and its commission.'));
  body = new BodyWithYours(loadSearchStages(join(dir, 'bundle'), 'body'), join(dir, 'bundle'), {
    dir: libraryDir,
    live: ['my-notes-1'],
  });
});

afterAll(() => {
  body?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('BodyWithYours (bundled index and your documents, one search)', () => {
  it('answers with the bundled documents and yours in one list', () => {
    expect(ids(body.search('treaty', {}))).toEqual(expect.arrayContaining(['indus-treaty', 'my-notes-1']));
    expect(ids(body.search('Gwadar', {}))).toEqual(['gwadar-port']);
  });

  it('finds a document added later at once, beside the ones it had', () => {
    keep(article('my-notes-2', 'Port visit', 'Visited the port at Gwadar; the cranes stood idle.'));
    expect(body.update(['my-notes-1', 'my-notes-2'], ['my-notes-2'])).toEqual([]);
    expect(ids(body.search('Gwadar', {}))).toEqual(expect.arrayContaining(['gwadar-port', 'my-notes-2']));
    expect(ids(body.search('commission', {}))).toEqual(['my-notes-1']);
  });

  it('forgets a removed document and finds the new text of a replaced one', () => {
    keep(article('my-notes-2', 'Port visit', 'Visited the harbour at Pasni instead.'));
    body.update(['my-notes-2'], ['my-notes-2']);
    expect(ids(body.search('commission', {}))).toEqual([]);
    expect(ids(body.search('Pasni', {}))).toEqual(['my-notes-2']);
    expect(ids(body.search('cranes', {}))).toEqual([]);
  });

  it('says which document could not be indexed and searches the others', () => {
    expect(body.update(['my-notes-2', 'missing-doc'], [])).toEqual([
      expect.stringMatching(/^missing-doc: could not be indexed \(/),
    ]);
    expect(ids(body.search('Pasni', {}))).toEqual(['my-notes-2']);
  });
});
