import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnnotationService } from '../../../../main/annotations/annotation-service';
import type { AnnotationService } from '../../../../main/annotations/annotation-service';
import { openAnnotationStore } from '../../../../main/annotations/store/annotation-store';
import { MarginError } from '../../../../main/errors';
import { commentary, libraryOf } from '../commentary-library';

const doc = commentary();
const dirs: string[] = [];
const services: AnnotationService[] = [];

function freshService(): AnnotationService {
  const dataDir = mkdtempSync(join(tmpdir(), 'margin-import-messages-'));
  dirs.push(dataDir);
  const service = createAnnotationService({
    store: openAnnotationStore({ dataDir }),
    library: libraryOf(doc),
  });
  services.push(service);
  return service;
}

afterEach(() => {
  for (const service of services.splice(0)) service.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Bytes a wrong file brings along: line breaks, NUL, ESC, a bidi override, mojibake, and bulk. */
const HOSTILE = `PK\u0003\u0004\r\nsecret diary\u0000\u001b[2J\u202eKCATTA Ã©tÃ© \ufffd\ufffd${'z'.repeat(10_000)}`;
const ONE_PRINTABLE_LINE = /^[^\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\ufffd\u2028\u2029]*$/u;

async function failure(promise: Promise<unknown>): Promise<MarginError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MarginError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

/** One printable line of bounded length; `quoting: false` also asks that none of the file's words show. */
function expectSafe(message: string, { quoting = false } = {}): void {
  expect(message).toMatch(ONE_PRINTABLE_LINE);
  expect(message.length).toBeLessThan(300);
  if (!quoting)
    for (const bytes of ['secret diary', 'KCATTA', 'Ã©', 'zzzz']) expect(message).not.toContain(bytes);
}

describe('import messages', () => {
  it('names a file that is not JSON in one printable line, without quoting its bytes, and imports nothing', async () => {
    const service = freshService();
    for (const text of [HOSTILE, `{\n "type": "Annotation",\n ${HOSTILE}`, '{"type": "Annotation", "id":']) {
      const error = await failure(service.importAnnotations(text));
      expect(error.code).toBe('invalid-argument');
      expect(error.message).toMatch(/not valid JSON.*Nothing was imported\.$/);
      expectSafe(error.message);
    }
    expect(await service.listAllAnnotations()).toEqual([]);
  });

  it('says where the JSON breaks', async () => {
    const error = await failure(freshService().importAnnotations('{\n  "type": "Annotation",\n  }'));
    expect(error.message).toMatch(/\(line 3, column 3\)/);
  });

  it('reports a record with a hostile id and field in one printable line each', async () => {
    const service = freshService();
    const item = (id: string, color: string): Record<string, unknown> => ({
      type: 'Annotation',
      id,
      created: '2025-01-01T00:00:00Z',
      'margin:color': color,
      target: {
        source: `urn:margin:doc:${doc.id}`,
        selector: { type: 'TextQuoteSelector', exact: 'Pakistani law prohibits foreign security companies' },
      },
    });
    const report = await service.importAnnotations(
      JSON.stringify({
        type: 'AnnotationPage',
        items: [item(`urn:x:${HOSTILE}`, 'orange'), item('urn:x:2', HOSTILE)],
      }),
    );
    expect(report.added).toBe(0);
    expect(report.problems).toHaveLength(2);
    // A record is named by its id, and a wrong value may be shown: both made printable and cut short.
    expect(report.problems[0]).toMatch(/^Annotation 1 \(urn:x:PK\? secret diary\?/);
    for (const problem of report.problems) expectSafe(problem, { quoting: true });
    console.log(report.problems);
  });

  it('reports a damaged hidden record of a Markdown export without quoting it', async () => {
    const service = freshService();
    const markdown = [
      '---',
      `margin-document: ${doc.id}`,
      '---',
      `<!-- margin:annotation {"id": "urn:x:1", ${HOSTILE.replace(/[\r\n]/g, ' ')}} -->`,
      'a note',
      '<!-- /margin:annotation -->',
      `<!-- margin:annotation {"id": ${JSON.stringify(`urn:x:${HOSTILE}`)}, "docId": 7} -->`,
      'another note',
      '<!-- /margin:annotation -->',
    ].join('\n');
    const report = await service.importAnnotations(markdown);
    expect(report.added).toBe(0);
    expect(report.problems).toHaveLength(2);
    expect(report.problems[0]).toMatch(
      /^Annotation 1 \(line 4\): its hidden record is damaged \(it is not valid JSON/,
    );
    expectSafe(report.problems[0]);
    // The second is named by its id, made printable and cut short.
    expectSafe(report.problems[1], { quoting: true });
  });
});
