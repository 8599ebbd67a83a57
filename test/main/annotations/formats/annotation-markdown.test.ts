import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotationService } from '../../../../main/annotations/annotation-service';
import type { AnnotationService } from '../../../../main/annotations/annotation-service';
import type { Annotation } from '../../../../main/api';
import { escapeMarkdown, linkBack } from '../../../../main/annotations/formats/annotation-markdown';
import { parseMarginLink } from '../../../../main/shell/margin-link';
import { openAnnotationStore } from '../../../../main/annotations/store/annotation-store';
import { canonicalText } from '../../../../main/library/canonical-text';
import { commentary, libraryOf, secondDocument } from '../commentary-library';

const doc = commentary();
const other = secondDocument();
const text = canonicalText(doc);
let dataDir: string;
let service: AnnotationService;

function range(phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length };
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'margin-markdown-'));
  service = createAnnotationService({
    store: openAnnotationStore({ dataDir }),
    library: libraryOf(doc, other),
  });
});

afterEach(() => {
  service.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('annotation-markdown export', () => {
  it('writes one Obsidian-ready file per document: front matter, citation, document notes, then quotes in reading order', async () => {
    await service.createAnnotation({
      docId: doc.id,
      range: range('Pakistani law prohibits foreign security companies'),
      note: 'Legal *obstacle*.',
      tags: ['law', 'private security'],
    });
    await service.createAnnotation({ docId: doc.id, range: range('security lapses and strained diplomacy') });
    await service.createAnnotation({ docId: doc.id, note: 'Compare with the 2023 piece.' });
    await service.createAnnotation({ docId: other.id, note: 'Other document' });

    const files = await service.exportAnnotations('markdown');
    expect(files.map((f) => f.name)).toEqual([`${doc.id}.md`, `${other.id}.md`]);
    const { content, mediaType } = files[0];
    expect(mediaType).toBe('text/markdown');

    const frontMatter = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(content)![1]) as Record<string, unknown>;
    expect(frontMatter).toMatchObject({
      title: doc.title,
      authors: ['Ghulam Ali'],
      publisher: 'The Hong Kong Research Center for Asian Studies (RCAS)',
      published: '2024-11-20',
      source: doc.source?.url,
      'margin-document': doc.id,
    });
    expect(content).toContain('# Security Concerns Impede China-Pakistan Relations');
    expect(content).toContain(
      '**Ghulam Ali (Deputy Director, The Hong Kong Research Center for Asian Studies (RCAS))**',
    );
    expect(content).toContain('20 November 2024');
    expect(content).toContain(
      `First published: [The Central Asia-Caucasus Analyst, 20 November 2024](<${doc.source?.url}>)`,
    );

    const documentNote = content.indexOf('Compare with the 2023 piece.');
    const first = content.indexOf('> security lapses and strained diplomacy');
    const second = content.indexOf('> Pakistani law prohibits foreign security companies');
    expect(documentNote).toBeGreaterThan(0);
    expect(first).toBeGreaterThan(documentNote);
    expect(second).toBeGreaterThan(first); // reading order, not creation order
    expect(content.slice(second)).toMatch(
      /^> Pakistani law prohibits foreign security companies\n\nLegal \*obstacle\*\.\n\n<!-- \/margin:annotation -->\n\n#law #private-security/,
    );
    expect(files[1].content).toContain('Other document');
    expect(files[1].content).not.toContain('Pakistani law');
  });

  it('ends each exported note with a link back to its passage, or to the document, that Margin reads back', async () => {
    const passage = await service.createAnnotation({
      docId: doc.id,
      range: range('security lapses and strained diplomacy'),
      tags: ['cpec'],
    });
    await service.createAnnotation({ docId: doc.id, note: 'On the whole piece.' });
    const [file] = await service.exportAnnotations('markdown', doc.id);
    const links = [...file.content.matchAll(/\[Open in Margin\]\(<([^>]+)>\)/g)].map((match) => match[1]);
    expect(links).toEqual([`margin://open/${doc.id}`, `margin://open/${doc.id}?annotation=${passage.id}`]);
    for (const link of links) expect(parseMarginLink(link).ok).toBe(true);
    // After the note's closing marker and its tags: importing the file still changes nothing.
    expect(file.content).toContain(
      `#cpec\n\n[Open in Margin](<margin://open/${doc.id}?annotation=${passage.id}>)`,
    );
    expect(await service.importAnnotations(file.content)).toMatchObject({
      added: 0,
      updated: 0,
      problems: [],
    });
  });

  it('links a note imported from another tool to its passage, and to the document when its id cannot be in a link', () => {
    const foreign = (id: string) =>
      ({
        id,
        docId: doc.id,
        selectors: [
          { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 0, end: 1 },
        ],
      }) as unknown as Annotation;
    expect(linkBack(foreign('http://example.org/anno/1'))).toBe(
      `margin://open/${doc.id}?annotation=http://example.org/anno/1`,
    );
    expect(linkBack(foreign('tag:example.org,2026:anno-1'))).toBe(`margin://open/${doc.id}`);
  });

  it('escapes Markdown in quoted text and lists passages no longer found under their own heading', async () => {
    await service.createAnnotation({ docId: doc.id, range: range('The Balochistan Liberation Army') });
    service.close();
    const v2 = commentary([['The Balochistan Liberation Army, a separatist group', 'A separatist group']]);
    service = createAnnotationService({ store: openAnnotationStore({ dataDir }), library: libraryOf(v2) });
    const [file] = await service.exportAnnotations('markdown', doc.id);
    expect(file.content).toContain('## Highlights not found in this edition');
    expect(file.content).toContain('> The Balochistan Liberation Army');

    expect(escapeMarkdown('*not bold* [link](x) #tag <b>')).toBe(
      '\\*not bold\\* \\[link\\](x) \\#tag \\<b\\>',
    );
  });

  it('exports a document without annotations as a file that says so', async () => {
    const [file] = await service.exportAnnotations('markdown', doc.id);
    expect(file.content).toContain('_No highlights or notes yet._');
  });
});
