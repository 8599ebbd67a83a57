import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createAnnotationService,
  type AnnotationService,
} from '../../../../main/annotations/annotation-service';
import { templatedMarkdown } from '../../../../main/annotations/formats/annotation-markdown-template';
import { openAnnotationStore } from '../../../../main/annotations/store/annotation-store';
import type { Citation } from '../../../../main/api';
import { MarginError } from '../../../../main/errors';
import { canonicalText } from '../../../../main/library/canonical-text';
import { commentary, libraryOf } from '../commentary-library';

const doc = commentary();
const text = canonicalText(doc);
let dataDir: string;
let service: AnnotationService;

const citation = (reference: string): Citation => ({
  style: 'apa',
  note: false,
  reference: { text: reference, html: reference },
  citation: { text: '(Ali, 2024)', html: '(Ali, 2024)' },
  locator: null,
});

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'margin-markdown-template-'));
  service = createAnnotationService({ store: openAnnotationStore({ dataDir }), library: libraryOf(doc) });
  const phrase = 'The Balochistan Liberation Army';
  const start = text.indexOf(phrase);
  await service.createAnnotation({
    docId: doc.id,
    range: { start, end: start + phrase.length },
    color: 'green',
    note: 'Who is behind it.',
    tags: ['security'],
  });
});

afterEach(() => {
  service.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('annotation-markdown-template', () => {
  it('writes the export in the reader’s template, with the reference in their style and the link back', async () => {
    const [builtIn] = await service.exportAnnotations('markdown', doc.id);
    const records = await service.listAnnotations(doc.id);
    const file = templatedMarkdown(
      builtIn,
      doc,
      records,
      '{{citation}}\n{{#notes}}- {{quote}} {{tags}} <{{link}}>\n{{/notes}}',
      'apa',
      (style) => citation(`Reference in ${style}.`),
    );
    expect(file.name).toBe(builtIn.name);
    expect(file.content).toBe(
      `Reference in apa.\n- The Balochistan Liberation Army #security <margin://open/${doc.id}?annotation=${records[0].id}>\n`,
    );
  });

  it('leaves the citation out when the styles are missing, and keeps the built-in file for a template it cannot use', async () => {
    const [builtIn] = await service.exportAnnotations('markdown', doc.id);
    const records = await service.listAnnotations(doc.id);
    const noStyles = () => {
      throw new MarginError('unavailable', 'no styles');
    };
    expect(templatedMarkdown(builtIn, doc, records, '[{{citation}}]', 'mla', noStyles).content).toBe('[]\n');
    expect(templatedMarkdown(builtIn, doc, records, '{{#notes}}', 'mla', noStyles)).toEqual(builtIn);
  });
});
