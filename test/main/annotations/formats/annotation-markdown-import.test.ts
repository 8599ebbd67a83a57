import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../main/api';
import { createAnnotationService } from '../../../../main/annotations/annotation-service';
import type { AnnotationService } from '../../../../main/annotations/annotation-service';
import { openAnnotationStore } from '../../../../main/annotations/store/annotation-store';
import type { Library } from '../../../../main/library/library';
import { canonicalText } from '../../../../main/library/canonical-text';
import { commentary, libraryOf, secondDocument } from '../commentary-library';

const doc = commentary();
const other = secondDocument();
const text = canonicalText(doc);
const NOTE = 'A **rare** rebuke -->\n\n<!-- not a comment --> see [Dawn](https://www.dawn.com/) & `code`';
const dirs: string[] = [];
const services: AnnotationService[] = [];

function freshService(library: Library = libraryOf(doc, other)): AnnotationService {
  const dataDir = mkdtempSync(join(tmpdir(), 'margin-md-import-'));
  dirs.push(dataDir);
  const service = createAnnotationService({ store: openAnnotationStore({ dataDir }), library });
  services.push(service);
  return service;
}

function range(phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length };
}

async function markdownOf(service: AnnotationService, docId = doc.id): Promise<string> {
  return (await service.exportAnnotations('markdown', docId))[0].content;
}

function byId(records: Annotation[]): Map<string, Annotation> {
  return new Map(records.map((record) => [record.id, record]));
}

let source: AnnotationService;
let created: Annotation[];

beforeEach(async () => {
  source = freshService();
  created = [
    await source.createAnnotation({
      docId: doc.id,
      range: range('security lapses and strained diplomacy'),
      color: 'blue',
      note: NOTE,
      tags: ['private security', 'CPEC'],
    }),
    await source.createAnnotation({
      docId: doc.id,
      range: range('Pakistani law prohibits foreign security companies'),
      color: 'purple',
    }),
    await source.createAnnotation({ docId: doc.id, note: 'On the whole *document*', tags: ['doc'] }),
    await source.createAnnotation({ docId: other.id, note: 'On the second one' }),
  ];
});

afterEach(() => {
  for (const service of services.splice(0)) service.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('annotation-markdown-import', () => {
  it('imports the Markdown export into an empty data folder with the same ids, positions, quotes, notes, tags and colours', async () => {
    const target = freshService();
    const files = await source.exportAnnotations('markdown');
    expect(files).toHaveLength(2);
    const reports = [];
    for (const file of files) reports.push(await target.importAnnotations(file.content));
    expect(reports).toEqual([
      { added: 3, updated: 0, skipped: 0, problems: [] },
      { added: 1, updated: 0, skipped: 0, problems: [] },
    ]);
    expect(await target.listAllAnnotations()).toEqual(await source.listAllAnnotations());
  });

  it('hides each record in one comment that no note text can close early', async () => {
    const content = await markdownOf(source);
    const comments = content.split('\n').filter((line) => line.includes('-->'));
    // Three records and three closing markers; the note's own "-->" is only in the visible note.
    const records = comments.filter((line) => line.startsWith('<!-- margin:annotation {'));
    expect(records).toHaveLength(3);
    for (const line of records) expect(line.indexOf('-->')).toBe(line.length - 3);
    expect(comments.filter((line) => line === '<!-- /margin:annotation -->')).toHaveLength(3);
    expect(content).toContain('A **rare** rebuke -->');
  });

  it('round-trips a note that quotes Margin’s own markers, and a highlight not found in this edition', async () => {
    const tricky = await source.createAnnotation({
      docId: doc.id,
      range: range('The Balochistan Liberation Army'),
      note: 'How the export marks notes:\n<!-- /margin:annotation -->\n  <!-- margin:annotation {"id":1} -->',
    });
    const v2 = libraryOf(
      commentary([['The Balochistan Liberation Army, a separatist group', 'A separatist group']]),
      other,
    );
    // The same data folder opened on a new edition of the document, where that passage is gone.
    source.close();
    services.splice(services.indexOf(source), 1);
    source = createAnnotationService({ store: openAnnotationStore({ dataDir: dirs[0] }), library: v2 });
    services.push(source);
    const orphan = byId(await source.listAllAnnotations()).get(tricky.id)!;
    expect(orphan.anchorStatus).toBe('orphaned');

    const content = await markdownOf(source);
    expect(content).toContain('## Highlights not found in this edition');
    const target = freshService(v2);
    expect(await target.importAnnotations(content)).toEqual({
      added: 4,
      updated: 0,
      skipped: 0,
      problems: [],
    });
    expect(await target.listAnnotations(doc.id)).toEqual(await source.listAnnotations(doc.id));
    expect(byId(await target.listAllAnnotations()).get(tricky.id)!.note).toBe(tricky.note);
  });

  it('reads a file whose line endings an editor changed to CRLF without seeing edits', async () => {
    const target = freshService();
    const report = await target.importAnnotations((await markdownOf(source)).replace(/\n/g, '\r\n'));
    expect(report).toEqual({ added: 3, updated: 0, skipped: 0, problems: [] });
    expect(await target.listAnnotations(doc.id)).toEqual(await source.listAnnotations(doc.id));
  });

  it('reports a damaged record or a missing closing comment and takes only the whole records', async () => {
    const lines = (await markdownOf(source)).split('\n');
    const recordLines = lines.flatMap((line, i) => (line.startsWith('<!-- margin:annotation') ? [i] : []));
    // The first record (the document note) cut short, the second's closing marker deleted.
    lines[recordLines[0]] = lines[recordLines[0]].slice(0, 80);
    const closing = lines.indexOf('<!-- /margin:annotation -->', recordLines[1]);
    lines.splice(closing, 1);
    const target = freshService();
    const report = await target.importAnnotations(lines.join('\n'));
    expect(report.added).toBe(1);
    expect(report.skipped).toBe(2);
    expect(report.problems).toHaveLength(2);
    expect(report.problems[0]).toMatch(/^Annotation 1 \(line \d+\): its hidden record is damaged/);
    expect(report.problems[1]).toMatch(/^Annotation 2 \(urn:uuid:.*closing .* is missing/);
    const [kept] = await target.listAllAnnotations();
    expect(kept).toEqual(byId(await source.listAllAnnotations()).get(kept.id));
  });

  it('reports a record with a bad field by its id and stores nothing of it', async () => {
    const content = (await markdownOf(source)).replace('"color":"purple"', '"color":"orange"');
    const target = freshService();
    const report = await target.importAnnotations(content);
    expect(report).toMatchObject({ added: 2, skipped: 1 });
    expect(report.problems).toEqual([
      expect.stringMatching(new RegExp(`^Annotation 3 \\(${created[1].id}\\): A highlight colour is one of`)),
    ]);
    expect(byId(await target.listAllAnnotations()).has(created[1].id)).toBe(false);
  });

  it('refuses Markdown that is not a Margin export with a clear message, and stores nothing', async () => {
    const target = freshService();
    const obsidianNote = '---\ntags: [reading]\n---\n# My notes\n\n> A quote\n\nSome thoughts.\n';
    await expect(target.importAnnotations(obsidianNote)).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(
        /neither a Markdown export from Margin .* nor W3C Web Annotation JSON-LD/,
      ),
    });
    const olderExport = (await markdownOf(source))
      .split('\n')
      .filter((line) => !line.startsWith('<!-- '))
      .join('\n');
    expect(olderExport).not.toContain('margin:annotation');
    await expect(target.importAnnotations(olderExport)).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/holds no highlights or notes to import .*export it again/),
    });
    expect(await target.listAllAnnotations()).toEqual([]);
  });

  it('merges by id: newer records update, older or equal ones are skipped, nothing is deleted', async () => {
    const target = freshService();
    await target.importAnnotations(await markdownOf(source));
    const onlyInTarget = await target.createAnnotation({ docId: doc.id, note: 'Only here' });
    const newerInTarget = await target.updateAnnotation(created[1].id, { color: 'green' });
    const newerInSource = await source.updateAnnotation(created[0].id, { color: 'pink', tags: ['x'] });

    const report = await target.importAnnotations(await markdownOf(source));
    expect(report).toEqual({ added: 0, updated: 1, skipped: 2, problems: [] });
    const after = byId(await target.listAllAnnotations());
    expect(after.get(created[0].id)).toEqual(newerInSource);
    expect(after.get(created[1].id)).toEqual(newerInTarget);
    expect(after.get(onlyInTarget.id)).toEqual(onlyInTarget);
    expect(after.size).toBe(4);
  });
});

describe('annotation-markdown-import of a file edited by hand', () => {
  const edited = (content: string): string =>
    // The visible paragraph only: the hidden record still holds the note as exported.
    content.replace('\nOn the whole *document*\n', '\nOn the whole *document*, rewritten in Obsidian\n');

  it('takes a note changed in the file as a newer change when Margin still has the exported note', async () => {
    const target = freshService();
    const exported = await markdownOf(source);
    await target.importAnnotations(exported);
    const before = byId(await target.listAllAnnotations()).get(created[2].id)!;

    const report = await target.importAnnotations(edited(exported));
    expect(report).toEqual({ added: 0, updated: 1, skipped: 2, problems: [] });
    const after = byId(await target.listAllAnnotations()).get(created[2].id)!;
    expect(after.note).toBe('On the whole *document*, rewritten in Obsidian');
    expect(after.tags).toEqual(['doc']);
    expect(Date.parse(after.modified)).toBeGreaterThan(Date.parse(before.modified));
    // The same edited file again changes nothing.
    expect(await target.importAnnotations(edited(exported))).toMatchObject({ added: 0, updated: 0 });
    // Into an empty folder, the edit is what arrives.
    const empty = freshService();
    await empty.importAnnotations(edited(exported));
    expect(byId(await empty.listAllAnnotations()).get(created[2].id)!.note).toMatch(/rewritten in Obsidian$/);
  });

  it('keeps a note changed in Margin since the export and says so, rather than overwrite it', async () => {
    const exported = await markdownOf(source);
    const changedInMargin = await source.updateAnnotation(created[2].id, { note: 'Changed in Margin later' });
    const report = await source.importAnnotations(edited(exported));
    expect(report.updated).toBe(0);
    expect(report.problems).toEqual([
      expect.stringMatching(
        /edited in this file and also in Margin since the export; Margin's note was kept/,
      ),
    ]);
    expect(byId(await source.listAllAnnotations()).get(created[2].id)).toEqual(changedInMargin);
  });

  it('never takes an emptied note: the note is kept and the reader told', async () => {
    const exported = await markdownOf(source);
    const emptied = exported.replace('\n\nOn the whole *document*\n', '\n');
    const target = freshService();
    const report = await target.importAnnotations(emptied);
    expect(report.added).toBe(3);
    expect(report.problems).toEqual([expect.stringMatching(/note was removed in the file; .* it was kept/)]);
    expect(byId(await target.listAllAnnotations()).get(created[2].id)!.note).toBe('On the whole *document*');
  });
});
