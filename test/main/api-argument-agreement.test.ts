import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, type Annotation, type MarginMethod } from '../../main/api';
import { validateCall } from '../../main/api-dispatch';
import { buildContent } from '../../main/library/content-build';
import { createMarginService, type MarginService } from '../../main/margin-service';
import { buildWorkers } from './library/user-library/built-workers';

/**
 * The gate and the service must agree on every argument: a value the gate lets through is one the
 * service takes, and a value the gate refuses is one the service (called directly, past the gate)
 * refuses too. Each edge value goes both ways, on a real service over the bundled document.
 *
 * Arity and unknown fields are the gate's alone (the service's signature has no such notion), so the
 * walk is about field values. So are search options out of range: the gate refuses them, the search
 * engine (whose other callers are in-process) clamps them to the same SEARCH_OPTION_RANGES. The service "refuses" when its promise rejects, or when a search answers
 * `invalid`; a refusal must leave the notes as they were.
 */

const DOC_ID = 'security-concerns-impede-china-pakistan-relations';
const OWN_ID = 'urn:uuid:0f8b8a34-5f8c-4c1e-9a57-3f4e0c9d2b11';
const FOREIGN_ID = 'http://example.org/anno/1';
const LONGEST_ID = `https://example.org/${'a'.repeat(500 - 'https://example.org/'.length)}`;
const ABSENT_DOC_ID = 'd'.repeat(200);
const ABSENT_DOC_NOTE_ID = 'urn:uuid:2a0e5a3c-1111-4c1e-9a57-3f4e0c9d2b12';

function documentNote(id: string, docId: string, note: string): Record<string, unknown> {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'Annotation',
    motivation: 'commenting',
    created: '2026-11-01T10:00:00.000Z',
    modified: '2026-11-01T10:00:00.000Z',
    body: [{ type: 'TextualBody', purpose: 'commenting', value: note }],
    target: `urn:margin:doc:${docId}`,
  };
}

/** What every case starts from: notes with our own id, a foreign id, the longest id, an absent document. */
const FIXTURE = JSON.stringify({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'AnnotationPage',
  items: [
    documentNote(OWN_ID, DOC_ID, 'Made in Margin'),
    documentNote(FOREIGN_ID, DOC_ID, 'Made in another tool'),
    documentNote(LONGEST_ID, DOC_ID, 'The longest id'),
    documentNote(ABSENT_DOC_NOTE_ID, ABSENT_DOC_ID, 'On a document no longer in the library'),
  ],
});

const tags = (count: number, length = 4): string[] =>
  Array.from({ length: count }, (_, i) => `${i}`.padStart(length, 't'));

let records = 0;
/** A deleted record to put back; each has its own id, so one case's undo is not another's. */
function record(fields: Partial<Annotation> & Record<string, unknown> = {}): Record<string, unknown> {
  records += 1;
  return {
    id: `urn:uuid:7c2e9c1e-3333-4c1e-9a57-${String(records).padStart(12, '0')}`,
    docId: DOC_ID,
    docTextHash: '',
    motivation: 'commenting',
    color: null,
    note: 'Put back by undo',
    tags: [],
    selectors: [],
    anchorStatus: 'document',
    created: '2026-11-02T10:00:00.000Z',
    modified: '2026-11-02T10:00:00.000Z',
    ...fields,
  };
}

const POSITION = { blockId: 'p-1', fraction: 0.5 };

const IMPORT_ID = '5b0c3a52-8a1f-4c36-9d57-2e1f0a6c7b10';
const MARKDOWN_BYTES = new TextEncoder().encode('# A brief of mine\n\nIts one paragraph, on Gwadar.\n');
/** The id the service gives the Markdown file: its name's slug and the start of its sha256. */
const YOUR_DOC_ID = `brief-${createHash('sha256').update(MARKDOWN_BYTES).digest('hex').slice(0, 8)}`;
const importRequest = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  importId: IMPORT_ID,
  name: 'brief.md',
  bytes: MARKDOWN_BYTES,
  ...fields,
});

/** [method, what the values are, arguments, whether both sides take them]. */
const CASES: Array<[MarginMethod, string, unknown[], 'accept' | 'refuse']> = [
  ['getStatus', 'no arguments', [], 'accept'],
  ['listDocuments', 'no arguments', [], 'accept'],
  ['listAnnotatedDocuments', 'no arguments', [], 'accept'],
  ['getDocument', 'a document id', [DOC_ID], 'accept'],
  ['getDocument', 'an id with capitals and dots', ['../Etc'], 'refuse'],
  ['getDocument', 'a number', [42], 'refuse'],
  ['search', 'a query', ['Gwadar'], 'accept'],
  ['search', 'the most results', ['Gwadar', { limit: 100, passagesPerDocument: 20 }], 'accept'],
  ['search', 'a query of 501 characters', ['x'.repeat(501)], 'refuse'],
  ['search', 'a number', [42], 'refuse'],
  ['listAnnotations', 'a document id', [DOC_ID], 'accept'],
  ['listAnnotations', 'a 200-character id of a document gone from the library', [ABSENT_DOC_ID], 'accept'],
  ['listAnnotations', 'a 201-character document id', ['d'.repeat(201)], 'refuse'],
  ['listAnnotations', 'an empty document id', [''], 'refuse'],
  ['listAllAnnotations', 'no arguments', [], 'accept'],
  ['createAnnotation', 'a document note', [{ docId: DOC_ID, note: 'New' }], 'accept'],
  ['createAnnotation', '20 tags of 40 characters', [{ docId: DOC_ID, tags: tags(20, 40) }], 'accept'],
  ['createAnnotation', '21 tags', [{ docId: DOC_ID, tags: tags(21) }], 'refuse'],
  ['createAnnotation', 'a 41-character tag', [{ docId: DOC_ID, tags: tags(1, 41) }], 'refuse'],
  ['createAnnotation', 'an empty tag', [{ docId: DOC_ID, note: 'x', tags: [' '] }], 'refuse'],
  ['createAnnotation', 'tags as text', [{ docId: DOC_ID, note: 'x', tags: 'cpec' }], 'refuse'],
  [
    'createAnnotation',
    'a note of 100,001 characters',
    [{ docId: DOC_ID, note: 'x'.repeat(100_001) }],
    'refuse',
  ],
  ['createAnnotation', 'an unknown colour', [{ docId: DOC_ID, note: 'x', color: 'red' }], 'refuse'],
  ['createAnnotation', 'a text instead of an input', ['highlight this'], 'refuse'],
  ['createAnnotation', 'a reversed range', [{ docId: DOC_ID, range: { start: 9, end: 3 } }], 'refuse'],
  ['createAnnotation', 'a range in text', [{ docId: DOC_ID, range: { start: '0', end: 9 } }], 'refuse'],
  ['updateAnnotation', 'our own id', [OWN_ID, { note: 'Edited' }], 'accept'],
  ['updateAnnotation', 'a foreign URI id', [FOREIGN_ID, { note: 'Edited' }], 'accept'],
  ['updateAnnotation', 'a 500-character URI id', [LONGEST_ID, { tags: ['edited'] }], 'accept'],
  ['updateAnnotation', 'a 501-character URI id', [`${LONGEST_ID}b`, { note: 'x' }], 'refuse'],
  ['updateAnnotation', 'an id that is no URI', ['anno 1', { note: 'x' }], 'refuse'],
  ['updateAnnotation', 'an empty id', ['', { note: 'x' }], 'refuse'],
  ['updateAnnotation', 'a number as id', [1, { note: 'x' }], 'refuse'],
  ['updateAnnotation', '20 tags', [FOREIGN_ID, { tags: tags(20) }], 'accept'],
  ['updateAnnotation', '21 tags', [FOREIGN_ID, { tags: tags(21) }], 'refuse'],
  ['updateAnnotation', 'a 41-character tag', [FOREIGN_ID, { tags: tags(1, 41) }], 'refuse'],
  ['updateAnnotation', 'a note in a number', [FOREIGN_ID, { note: 5 }], 'refuse'],
  ['updateAnnotation', 'no change at all', [FOREIGN_ID, {}], 'accept'],
  ['updateAnnotation', 'a change that is null', [FOREIGN_ID, null], 'refuse'],
  ['deleteAnnotation', 'a foreign URI id', [FOREIGN_ID], 'accept'],
  ['deleteAnnotation', 'a 500-character URI id', [LONGEST_ID], 'accept'],
  ['deleteAnnotation', 'a 501-character URI id', [`${LONGEST_ID}b`], 'refuse'],
  ['deleteAnnotation', 'an id with a space', ['urn:uuid:a b'], 'refuse'],
  ['restoreAnnotation', 'a record', [record()], 'accept'],
  [
    'restoreAnnotation',
    'a record with a foreign id',
    [record({ id: 'https://example.org/anno/9' })],
    'accept',
  ],
  ['restoreAnnotation', 'a record without a text hash', [record({ docTextHash: '' })], 'accept'],
  ['restoreAnnotation', 'a record with 20 tags', [record({ tags: tags(20, 40) })], 'accept'],
  ['restoreAnnotation', 'a record with 21 tags', [record({ tags: tags(21) })], 'refuse'],
  ['restoreAnnotation', 'a record with a 41-character tag', [record({ tags: tags(1, 41) })], 'refuse'],
  ['restoreAnnotation', 'a record with a 501-character id', [record({ id: `${LONGEST_ID}b` })], 'refuse'],
  ['restoreAnnotation', 'a record with a bad date', [record({ created: 'yesterday' })], 'refuse'],
  [
    'restoreAnnotation',
    'a record on a 201-character document id',
    [record({ docId: 'd'.repeat(201) })],
    'refuse',
  ],
  [
    'restoreAnnotation',
    'a highlight with an empty quote',
    [
      record({
        color: 'yellow',
        anchorStatus: 'exact',
        selectors: [
          { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 0, end: 1 },
        ],
      }),
    ],
    'refuse',
  ],
  ['restoreAnnotation', 'a text instead of a record', ['undo'], 'refuse'],
  ['exportAnnotations', 'Markdown', ['markdown'], 'accept'],
  ['exportAnnotations', 'JSON-LD of a document gone from the library', ['jsonld', ABSENT_DOC_ID], 'accept'],
  ['exportAnnotations', 'an unknown format', ['pdf'], 'refuse'],
  ['exportAnnotations', 'a 201-character document id', ['jsonld', 'd'.repeat(201)], 'refuse'],
  ['importAnnotations', 'a Web Annotation file', [FIXTURE], 'accept'],
  ['importAnnotations', 'an empty file', [''], 'refuse'],
  ['importAnnotations', 'a number', [7], 'refuse'],
  ['importAnnotations', 'a file of 20,000,000 characters', [FIXTURE.padEnd(20_000_000)], 'accept'],
  ['importAnnotations', 'a file of 20,000,001 characters', [FIXTURE.padEnd(20_000_001)], 'refuse'],
  ['getPreferences', 'no arguments', [], 'accept'],
  ['setPreferences', 'a theme', [{ theme: 'sepia' }], 'accept'],
  ['setPreferences', 'a font size too small', [{ fontSize: 13 }], 'refuse'],
  ['setPreferences', 'a line width in text', [{ lineWidth: '70' }], 'refuse'],
  ['setPreferences', 'a text instead of a change', ['dark'], 'refuse'],
  ['getReadingPosition', 'a document id', [DOC_ID], 'accept'],
  ['getReadingPosition', 'a 200-character document id', [ABSENT_DOC_ID], 'accept'],
  ['getReadingPosition', 'a 201-character document id', ['d'.repeat(201)], 'refuse'],
  ['setReadingPosition', 'a position', [DOC_ID, POSITION], 'accept'],
  ['setReadingPosition', 'a block id with brackets', [DOC_ID, { ...POSITION, blockId: '<p>' }], 'refuse'],
  ['setReadingPosition', 'an empty block id', [DOC_ID, { ...POSITION, blockId: '' }], 'refuse'],
  [
    'setReadingPosition',
    'a 201-character block id',
    [DOC_ID, { ...POSITION, blockId: 'p'.repeat(201) }],
    'refuse',
  ],
  ['setReadingPosition', 'a fraction over 1', [DOC_ID, { ...POSITION, fraction: 1.5 }], 'refuse'],
  ['setReadingPosition', 'a 201-character document id', ['d'.repeat(201), POSITION], 'refuse'],
  ['openExternal', 'an https link', ['https://www.rcas.org.pk/'], 'accept'],
  ['openExternal', 'an http link', ['http://www.rcas.org.pk/'], 'refuse'],
  ['openExternal', 'a link of 2,049 characters', [`https://example.com/${'a'.repeat(2029)}`], 'refuse'],
  ['openExternal', 'an empty link', [''], 'refuse'],
  ['getSyncStatus', 'no arguments', [], 'accept'],
  ['chooseSyncFolder', 'no arguments', [], 'accept'],
  ['setUpSync', 'a passphrase and a name', [{ passphrase: 'eight ch', deviceName: 'Desk' }], 'accept'],
  ['setUpSync', 'a 7-character passphrase', [{ passphrase: 'seven c', deviceName: 'Desk' }], 'refuse'],
  [
    'setUpSync',
    'a 1,025-character passphrase',
    [{ passphrase: 'p'.repeat(1025), deviceName: 'Desk' }],
    'refuse',
  ],
  ['setUpSync', 'a blank device name', [{ passphrase: 'eight ch', deviceName: '  ' }], 'refuse'],
  [
    'setUpSync',
    'a 61-character device name',
    [{ passphrase: 'eight ch', deviceName: 'd'.repeat(61) }],
    'refuse',
  ],
  ['setUpSync', 'no device name', [{ passphrase: 'eight ch' }], 'refuse'],
  ['syncNow', 'no arguments', [], 'accept'],
  ['getAnnotationVersions', 'a foreign URI id', [FOREIGN_ID], 'accept'],
  ['getAnnotationVersions', 'an id with a space', ['urn:uuid:a b'], 'refuse'],
  ['restoreAnnotationVersion', 'a version that is no stamp', [OWN_ID, 'yesterday'], 'refuse'],
  [
    'restoreAnnotationVersion',
    'a 501-character URI id',
    [`${LONGEST_ID}b`, '0000000000aa-000000-0123456789abcdef'],
    'refuse',
  ],
  ['turnOffSync', 'no arguments', [], 'accept'],
  ['citeDocument', 'a style and a place', [DOC_ID, 'mla', 1200], 'accept'],
  ['citeDocument', 'the whole document', [DOC_ID, 'chicago-notes'], 'accept'],
  ['citeDocument', 'an unknown style', [DOC_ID, 'vancouver'], 'refuse'],
  ['citeDocument', 'a negative place', [DOC_ID, 'apa', -1], 'refuse'],
  ['exportBibliography', 'one document as RIS', ['ris', [DOC_ID]], 'accept'],
  ['exportBibliography', 'no documents', ['bibtex', []], 'refuse'],
  ['exportBibliography', 'a document twice', ['bibtex', [DOC_ID, DOC_ID]], 'refuse'],
  ['exportBibliography', 'an unknown format', ['endnote', [DOC_ID]], 'refuse'],
  ['getLicences', 'no arguments', [], 'accept'],
  ['prepareImport', 'no arguments', [], 'accept'],
  ['importDocument', 'a Markdown file', [importRequest()], 'accept'],
  ['importDocument', 'the same file again, replacing', [importRequest({ sameName: 'replace' })], 'accept'],
  ['importDocument', 'bytes as a list of numbers', [importRequest({ bytes: [35, 32, 65] })], 'refuse'],
  ['importDocument', 'a name with a folder', [importRequest({ name: '../brief.md' })], 'refuse'],
  ['importDocument', 'a 256-character name', [importRequest({ name: `${'b'.repeat(253)}.md` })], 'refuse'],
  ['importDocument', 'an import id that is no uuid', [importRequest({ importId: 'import-1' })], 'refuse'],
  ['importDocument', 'an unknown same-name choice', [importRequest({ sameName: 'merge' })], 'refuse'],
  ['importDocument', 'no bytes', [importRequest({ bytes: undefined })], 'refuse'],
  [
    'importDocument',
    'a file of 100 MB and one byte',
    [importRequest({ bytes: new Uint8Array(100 * 1024 * 1024 + 1) })],
    'refuse',
  ],
  ['getImportProgress', 'an import id', [IMPORT_ID], 'accept'],
  ['getImportProgress', 'an import id that is no uuid', ['import-1'], 'refuse'],
  ['cancelImport', 'an import id in capitals', [IMPORT_ID.toUpperCase()], 'accept'],
  ['cancelImport', 'a number', [42], 'refuse'],
  ['removeDocument', 'a document of yours', [YOUR_DOC_ID], 'accept'],
  ['removeDocument', 'an id with capitals and dots', ['../Etc'], 'refuse'],
  ['restoreDocument', 'a removed document of yours', [YOUR_DOC_ID], 'accept'],
  ['restoreDocument', 'an empty id', [''], 'refuse'],
  ['getDocumentSummary', 'a document of yours', [YOUR_DOC_ID], 'accept'],
  ['listDocumentPage', 'the first page by date', [{ sort: 'date', offset: 0, limit: 200 }], 'accept'],
  [
    'listDocumentPage',
    'a filter of yours by title',
    [{ text: 'é'.repeat(200), origin: 'yours', sort: 'title', offset: 5, limit: 1 }],
    'accept',
  ],
  ['listDocumentPage', '201 rows', [{ sort: 'date', offset: 0, limit: 201 }], 'refuse'],
  ['listDocumentPage', 'no rows', [{ sort: 'date', offset: 0, limit: 0 }], 'refuse'],
  ['listDocumentPage', 'a negative offset', [{ sort: 'title', offset: -1, limit: 10 }], 'refuse'],
  ['listDocumentPage', 'a fractional offset', [{ sort: 'title', offset: 1.5, limit: 10 }], 'refuse'],
  ['listDocumentPage', 'an unknown sort', [{ sort: 'author', offset: 0, limit: 10 }], 'refuse'],
  [
    'listDocumentPage',
    'an unknown origin',
    [{ origin: 'theirs', sort: 'date', offset: 0, limit: 10 }],
    'refuse',
  ],
  [
    'listDocumentPage',
    'a filter too long',
    [{ text: 'x'.repeat(201), sort: 'date', offset: 0, limit: 10 }],
    'refuse',
  ],
  [
    'listDocumentPage',
    'a filter that is not text',
    [{ text: 7, sort: 'date', offset: 0, limit: 10 }],
    'refuse',
  ],
  ['listDocumentPage', 'no query', [null], 'refuse'],
  ['getDocumentSummary', 'a 201-character id', ['d'.repeat(201)], 'refuse'],
  ['getDocumentSummaries', 'a bundled id and an absent one', [[DOC_ID, ABSENT_DOC_ID]], 'accept'],
  [
    'getDocumentSummaries',
    '200 ids',
    [[DOC_ID, ...Array.from({ length: 199 }, (_, i) => `d-${i}`)]],
    'accept',
  ],
  ['getDocumentSummaries', '201 ids', [Array.from({ length: 201 }, (_, i) => `d-${i}`)], 'refuse'],
  ['getDocumentSummaries', 'no ids', [[]], 'refuse'],
  ['getDocumentSummaries', 'one id twice', [[DOC_ID, DOC_ID]], 'refuse'],
  ['getDocumentSummaries', 'an id with capitals', [['../Etc']], 'refuse'],
  ['getDocumentSummaries', 'one id not in a list', [DOC_ID], 'refuse'],
  ['setPreferences', 'a citation style', [{ citationStyle: 'harvard' }], 'accept'],
  ['setPreferences', 'an unknown citation style', [{ citationStyle: 'harvard1' }], 'refuse'],
  ['setPreferences', 'margin notes for print', [{ printNotes: 'margin' }], 'accept'],
  ['setPreferences', 'an unknown print layout', [{ printNotes: 'footnotes' }], 'refuse'],
  [
    'setPreferences',
    'an export template',
    [{ exportTemplate: '# {{title}}\n{{#notes}}> {{quote}}\n{{/notes}}' }],
    'accept',
  ],
  ['setPreferences', 'the built-in export template', [{ exportTemplate: '' }], 'accept'],
  [
    'setPreferences',
    'a template with an unknown placeholder',
    [{ exportTemplate: '{{constructor}}' }],
    'refuse',
  ],
  [
    'setPreferences',
    'a template with an unclosed section',
    [{ exportTemplate: '{{#notes}}{{quote}}' }],
    'refuse',
  ],
  ['setPreferences', 'a template too long', [{ exportTemplate: 'x'.repeat(10_001) }], 'refuse'],
  ['setPreferences', 'a template that is not text', [{ exportTemplate: 42 }], 'refuse'],
  ['printPage', 'the print dialog', ['dialog'], 'accept'],
  ['printPage', 'save as PDF', ['pdf'], 'accept'],
  ['printPage', 'an unknown mode', ['fax'], 'refuse'],
];

function gateVerdict(method: MarginMethod, args: unknown[]): 'accept' | 'refuse' {
  try {
    validateCall(method, args);
    return 'accept';
  } catch {
    return 'refuse';
  }
}

describe('the gate and the service', () => {
  let scratch: string;
  let service: MarginService;

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'margin-agreement-'));
    const bundleDir = path.join(scratch, 'bundle');
    await buildContent({ inDir: path.resolve('content'), outDir: bundleDir });
    const syncFolder = path.join(scratch, 'sync');
    fs.mkdirSync(syncFolder);
    fs.writeFileSync(path.join(scratch, 'licences.json'), JSON.stringify({ libraries: [], styles: [] }));
    const { importWorker } = await buildWorkers(path.join(scratch, 'workers'));
    service = await createMarginService({
      importWorker,
      bundleDir,
      dataDir: path.join(scratch, 'data'),
      syncIntervalMs: 0,
      chooseSyncFolder: async () => syncFolder,
      citationStylesDir: path.resolve('content/csl'),
      licencesFile: path.join(scratch, 'licences.json'),
    });
  });

  afterAll(async () => {
    await service?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  beforeEach(async () => {
    // Notes a case deleted come back; the ones it edited stay edited (newest wins), which is enough.
    await service.importAnnotations(FIXTURE);
  });

  it('has edge values for every method of the contract, taken and refused', () => {
    const walked = new Set(CASES.map(([method]) => method));
    expect(Object.keys(CHANNELS).filter((method) => !walked.has(method as MarginMethod))).toEqual([]);
    const withArguments = Object.keys(CHANNELS).filter((method) =>
      CASES.some(([m, , args]) => m === method && args.length > 0),
    );
    for (const method of withArguments) {
      expect(
        CASES.some(([m, , , verdict]) => m === method && verdict === 'refuse'),
        method,
      ).toBe(true);
    }
  });

  const walk = CASES.map(([method, what, args, expected]) => ({ method, what, args, expected }));
  it.each(walk)('$method with $what: both $expected', async ({ method, args, expected }) => {
    const before = await service.listAllAnnotations();
    const call = service[method] as (...callArgs: unknown[]) => Promise<unknown>;
    let serviceVerdict: 'accept' | 'refuse';
    try {
      const answer = await call.apply(service, args);
      serviceVerdict = (answer as { status?: string } | null)?.status === 'invalid' ? 'refuse' : 'accept';
    } catch {
      serviceVerdict = 'refuse';
    }
    expect({ gate: gateVerdict(method, args), service: serviceVerdict }).toEqual({
      gate: expected,
      service: expected,
    });
    if (serviceVerdict === 'refuse') expect(await service.listAllAnnotations()).toEqual(before);
  });
});
