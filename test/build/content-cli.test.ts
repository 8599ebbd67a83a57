import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document, SearchResults } from '../../main/api';
import { readBundledDocument } from '../../main/library/bundle-document-file';
import { closePrinter, printPdf } from '../main/import/render-test-pdf';

const ROOT = join(__dirname, '../..');
const BUNDLED = join(ROOT, 'content/security-concerns-impede-china-pakistan-relations.txt');
const FIXTURES = join(__dirname, '../fixtures/content');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const work = mkdtempSync(join(tmpdir(), 'margin-cli-'));
const input = join(work, 'content');
const bundle = join(work, 'bundle');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a publisher would, in a child process with the project's tsx. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [join(ROOT, 'build/content-cli.ts'), ...args],
      { cwd: work, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** The seconds a build line says it took (the rest of the line is checked whole). */
function seconds(run: Run): string {
  return /in (\d+\.\d) s/.exec(run.stdout)?.[1] ?? 'no time given';
}

/** A failure is one line on stderr, never a stack trace. */
function expectOneLine(run: Run): void {
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(() => {
  mkdirSync(input);
  copyFileSync(BUNDLED, join(input, 'security-concerns-impede-china-pakistan-relations.txt'));
  copyFileSync(
    join(FIXTURES, 'water-diplomacy-in-the-indus-basin.txt'),
    join(input, 'water-diplomacy-in-the-indus-basin.txt'),
  );
  copyFileSync(
    join(FIXTURES, 'mekong-dams-and-downstream-states.md'),
    join(input, 'mekong-dams-and-downstream-states.md'),
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('content CLI', () => {
  it('inspect prints the parsed document as JSON', async () => {
    const run = await cli('inspect', BUNDLED);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as Document;
    expect(doc.title).toBe('Security Concerns Impede China-Pakistan Relations');
    expect(doc.sections.map((section) => section.heading)).toEqual([
      null,
      'BACKGROUND',
      'IMPLICATIONS',
      'CONCLUSIONS',
    ]);
  });

  it('inspect exits 1 with a one-line message naming the file and line for a bad file', async () => {
    const bad = join(work, 'bad.md');
    writeFileSync(bad, '---\ntitle: T\nauthors: {name: [\n---\nText.\n');
    const run = await cli('inspect', bad);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^.*bad\.md:\d+: invalid front matter: /);
    expectOneLine(run);

    const binary = join(work, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x52, 0x0a, 0x00, 0xff]));
    const binaryRun = await cli('inspect', binary);
    expect(binaryRun.code).toBe(1);
    expect(binaryRun.stderr).toMatch(/binary\.txt:2: this is a binary file/);
    expectOneLine(binaryRun);
  });

  it('build writes the bundle and says how many documents it built', async () => {
    const run = await cli('build', '--in', input, '--out', bundle);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      `full build: no previous bundle; built 3 documents in ${seconds(run)} s into ${bundle}\n`,
    );
    expect(JSON.parse(readFileSync(join(bundle, 'library.json'), 'utf8')).documents).toHaveLength(3);
  });

  it('build again rebuilds only the changed article, says when nothing changed, and why it builds everything', async () => {
    const folder = join(work, 'edited-content');
    const out = join(work, 'edited-bundle');
    mkdirSync(folder);
    for (const name of [
      'security-concerns-impede-china-pakistan-relations.txt',
      'water-diplomacy-in-the-indus-basin.txt',
    ])
      copyFileSync(join(input, name), join(folder, name));
    expect((await cli('build', '--in', folder, '--out', out)).code).toBe(0);

    const same = await cli('build', '--in', folder, '--out', out);
    expect(same).toMatchObject({ code: 0, stderr: '', stdout: `${out} is up to date (2 documents)\n` });

    const edited = join(folder, 'water-diplomacy-in-the-indus-basin.txt');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/\bwater\b/, 'floodwater'));
    const rebuilt = await cli('build', '--in', folder, '--out', out);
    expect(rebuilt).toMatchObject({ code: 0, stderr: '' });
    expect(rebuilt.stdout).toBe(`rebuilt 1 of 2 documents in ${seconds(rebuilt)} s into ${out}\n`);

    const forced = await cli('build', '--in', folder, '--out', out, '--full');
    expect(forced.stdout).toMatch(/^full build: asked for \(--full\); built 2 documents in /);

    copyFileSync(BUNDLED, join(folder, 'another-copy.txt'));
    const added = await cli('build', '--in', folder, '--out', out);
    expect(added.stdout).toMatch(
      /^full build: files were added or removed since the last build \(1 added, 0 removed\); built 3 documents/,
    );
  }, 60_000);

  it('build exits 1 on a bad file and keeps the bundle it had', async () => {
    const broken = join(work, 'broken-content');
    mkdirSync(broken);
    copyFileSync(BUNDLED, join(broken, 'a.txt'));
    writeFileSync(join(broken, 'b.txt'), '');
    const before = readFileSync(join(bundle, 'library.json'), 'utf8');
    const run = await cli('build', '--in', broken, '--out', bundle);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/b\.txt: the file is empty/);
    expectOneLine(run);
    expect(readFileSync(join(bundle, 'library.json'), 'utf8')).toBe(before);
  });

  it('build --workers 2 reads 120 articles in worker threads, and names the first bad file in one line', async () => {
    const many = join(work, 'many-articles');
    mkdirSync(many);
    for (let n = 0; n < 120; n++)
      copyFileSync(BUNDLED, join(many, `article-${String(n).padStart(3, '0')}.txt`));
    const manyBundle = join(work, 'many-bundle');
    const built = await cli('build', '--in', many, '--out', manyBundle, '--workers', '2');
    expect(built).toMatchObject({ code: 0, stderr: '' });
    expect(built.stdout).toMatch(/^full build: no previous bundle; built 120 documents in /);
    const before = readFileSync(join(manyBundle, 'library.json'), 'utf8');
    expect(JSON.parse(before).documents).toHaveLength(120);

    writeFileSync(join(many, 'article-050-broken.md'), '---\ntitle: Broken\ndate: [2024\n---\nText.\n');
    writeFileSync(join(many, 'article-110-empty.txt'), '');
    const failed = await cli('build', '--in', many, '--out', manyBundle, '--workers', '2');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/article-050-broken\.md:\d+: invalid front matter/);
    expectOneLine(failed);
    expect(readFileSync(join(manyBundle, 'library.json'), 'utf8')).toBe(before);

    const wrong = await cli('build', '--in', many, '--out', manyBundle, '--workers', 'two');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^--workers must be a whole number from 0 to 64\n/);
    // Two builds, each starting its workers from TypeScript (about a second each, more on a busy machine).
  }, 90_000);

  it('search prints passages with title, section, block id and marked words', async () => {
    const run = await cli('search', 'attacked', '--bundle', bundle);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^1 document matches "attacked"/);
    expect(run.stdout).toContain('Security Concerns Impede China-Pakistan Relations');
    expect(run.stdout).toMatch(/§ BACKGROUND {2}#b-[0-9a-f]{8}/);
    expect(run.stdout).toContain('[[attacks]]');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('search --json prints the SearchResults', async () => {
    const run = await cli('search', '"Ishaq Dar"', '--json', '--bundle', bundle);
    expect(run.code).toBe(0);
    const results = JSON.parse(run.stdout) as SearchResults;
    expect(results.status).toBe('ok');
    if (results.status !== 'ok') return;
    expect(results.groups[0]?.docId).toBe('security-concerns-impede-china-pakistan-relations');
    const passage = results.groups[0]?.passages[0];
    expect(passage?.section).toBe('BACKGROUND');
    const doc = readBundledDocument(bundle, 'security-concerns-impede-china-pakistan-relations');
    const block = doc.sections.flatMap((section) => section.blocks).find((b) => b.id === passage?.blockId);
    expect(block?.type === 'paragraph' && block.runs.map((r) => r.text).join('')).toContain(
      'Ishaq Dar. Dar claimed',
    );
  });

  it('search says when nothing matches, and exits 0', async () => {
    const run = await cli('search', 'zeppelin', '--bundle', bundle);
    expect(run).toMatchObject({ code: 0, stdout: 'No passages match "zeppelin".\n', stderr: '' });
  });

  it('search exits 1 with a one-line message for a query it cannot run', async () => {
    const run = await cli('search', 'title:', '--bundle', bundle);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Invalid query: /);
    expectOneLine(run);
  });

  it('search exits 1 when there is no bundle, and says how to build one', async () => {
    const run = await cli('search', 'security', '--bundle', join(work, 'no-bundle'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/No content bundle at .*no-bundle.*Run "npm run content -- build" first\./);
    expectOneLine(run);
  });

  it('exits 2 with the usage for an unknown command or missing arguments, and 0 for help', async () => {
    const unknown = await cli('publish');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^unknown command "publish"\n\nUsage: npm run content/);
    const missing = await cli('inspect');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^wrong number of arguments/);
    const badOption = await cli('build', '--colour');
    expect(badOption.code).toBe(2);
    const help = await cli('--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: npm run content -- <command>/);
  });

  it('inspect reads a PDF and a saved web page by their content, and refuses a file whose name lies', async () => {
    const pdf = join(work, 'grid-brief.pdf');
    writeFileSync(
      pdf,
      await printPdf(
        '<!doctype html><body><h1>Grids Across Borders</h1><p>By Jane Doe</p><p>A paragraph.</p></body>',
      ),
    );
    await closePrinter();
    const pdfRun = await cli('inspect', pdf);
    expect(pdfRun).toMatchObject({ code: 0, stderr: '' });
    const doc = JSON.parse(pdfRun.stdout) as Document;
    expect([doc.id, doc.title, doc.authors[0]?.name]).toEqual([
      'grid-brief',
      'Grids Across Borders',
      'Jane Doe',
    ]);

    const page = join(work, 'saved.htm');
    const prose = 'A sentence of the saved article that is long enough for Readability to keep it. '.repeat(
      8,
    );
    writeFileSync(
      page,
      `<!doctype html><title>Saved Page</title><body><article><h1>Saved Page</h1><p>${prose}</p><p>${prose}</p></article></body>`,
    );
    const pageRun = await cli('inspect', page);
    expect(pageRun.code).toBe(0);
    expect((JSON.parse(pageRun.stdout) as Document).title).toBe('Saved Page');

    const liar = join(work, 'report.html');
    copyFileSync(pdf, liar);
    const liarRun = await cli('inspect', liar);
    expect(liarRun.code).toBe(1);
    expect(liarRun.stderr).toMatch(/report\.html: the name says a web page \(HTML\) but the file is a PDF/);
    expectOneLine(liarRun);

    // A publisher bundles the PDF as it is, beside the text exports.
    copyFileSync(pdf, join(input, 'grid-brief.pdf'));
    const built = await cli('build', '--in', input, '--out', join(work, 'with-pdf'));
    expect(built).toMatchObject({ code: 0 });
    expect(built.stdout).toMatch(
      /^full build: no previous bundle; built 4 documents in .* into .*with-pdf\n$/,
    );
    rmSync(join(input, 'grid-brief.pdf'));
  }, 120_000);
});
