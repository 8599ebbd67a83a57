import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationHit } from '../../../main/api';
import { plainText } from '../../../main/annotations/annotation-search';
import { createAnnotationService } from '../../../main/annotations/annotation-service';
import type { AnnotationService } from '../../../main/annotations/annotation-service';
import { openAnnotationStore } from '../../../main/annotations/store/annotation-store';
import { canonicalText } from '../../../main/library/canonical-text';
import { commentary, libraryOf } from './commentary-library';

const doc = commentary();
const text = canonicalText(doc);
const titles = new Map([[doc.id, doc.title]]);
let dataDir: string;
let service: AnnotationService;

function range(phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length };
}

/** The snippet as the search results show it, with marked words in [brackets]. */
function shown(hit: AnnotationHit): string {
  return hit.snippet.map((part) => (part.mark ? `[${part.text}]` : part.text)).join('');
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'margin-annotation-search-'));
  service = createAnnotationService({ store: openAnnotationStore({ dataDir }), library: libraryOf(doc) });
});

afterEach(() => {
  service.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('annotation-search snippets', () => {
  it('shows a note’s words without its Markdown syntax, link text kept and the address left out', async () => {
    await service.createAnnotation({
      docId: doc.id,
      range: range('security lapses and strained diplomacy'),
      note: 'A **rare** public rebuke — see *Dawn*, `the transcript` and [the source](https://www.cacianalyst.org/) __now__, ~~old~~ _view_.',
    });
    const [hit] = service.searchAnnotations('rare', titles);
    // The snippet reads the note as the note view does (CommonMark, no GFM): `~~old~~` is text there too.
    expect(shown(hit)).toBe(
      'A [rare] public rebuke — see Dawn, the transcript and the source now, ~~old~~ view.',
    );
    expect(shown(service.searchAnnotations('source', titles)[0])).toContain('and the [source] now');
    expect(hit.snippet.map((part) => part.text).join('')).not.toMatch(/[*_`[\]()]|cacianalyst/);
  });

  it('drops heading, quote and list markers and keeps characters the note escaped or used as words', async () => {
    await service.createAnnotation({
      docId: doc.id,
      note: '## Costs\n\n> quoted line\n\n- first point\n1. second point\n\n2 * 3 * 4 is \\*literal\\*, snake_case_name stays, <b>raw</b> too',
    });
    const [hit] = service.searchAnnotations('point', titles);
    expect(shown(hit)).toBe(
      'Costs quoted line first [point] second [point] 2 * 3 * 4 is *literal*, snake_case_name stays, <b>raw</b> too',
    );
  });

  it('still finds a note by a word inside its formatting', async () => {
    await service.createAnnotation({ docId: doc.id, note: 'It is **extraordinary**.' });
    const hits = service.searchAnnotations('extraord', titles);
    expect(hits.map(shown)).toEqual(['It is [extraordinary].']);
  });
});

describe('annotation-search plainText', () => {
  it('reduces images to their alt text and autolinks to their address', () => {
    expect(plainText('![a chart](chart.png) from <https://example.org/x>')).toBe(
      'a chart from https://example.org/x',
    );
  });
});
