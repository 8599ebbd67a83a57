import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentHit, SearchResults } from '../../../../main/api';
import { parseRcasText } from '../../../../main/library/parse-rcas-text';
import { createSearchService, type SearchService } from '../../../../main/search/service/search-service';
import { writeTestBundle } from '../fixture-bundle';
import { makeDocument } from '../fixture-documents';

const RCAS_FILE = 'security-concerns-impede-china-pakistan-relations.txt';
const RCAS_ID = 'security-concerns-impede-china-pakistan-relations';

/** A title that says "Council" twice over passages that never say "security". */
const COUNCIL_TITLE = makeDocument({
  id: 'council-of-the-council',
  title: 'The Council of Elders and the Council Hall',
  sections: [
    { heading: null, blocks: ['The elders meet in the hall each spring to settle disputes over water.'] },
  ],
});
/** Says both words, far apart, once each. */
const BOTH_WORDS = makeDocument({
  id: 'harbour-talks',
  title: 'Harbour Talks',
  sections: [
    {
      heading: null,
      blocks: [
        'The harbour council approved the new berths after a long debate about dredging and fees.',
        'Food security in the coastal districts depends on the fishing fleet more than on the port.',
      ],
    },
  ],
});

function ok(results: SearchResults): Extract<SearchResults, { status: 'ok' }> {
  if (results.status !== 'ok') throw new Error(`expected results, got: ${results.message}`);
  return results;
}

const snippetText = (hit: DocumentHit | undefined) =>
  (hit?.passages[0]?.snippet ?? []).map((part) => part.text).join('');
const marks = (hit: DocumentHit | undefined) =>
  (hit?.passages[0]?.snippet ?? []).filter((part) => part.mark).map((part) => part.text);

describe('search as a reader expects it, on the bundled commentary', () => {
  let dir: string;
  let service: SearchService;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'margin-search-reader-'));
    const rcas = parseRcasText(await readFile(join('content', RCAS_FILE), 'utf8'), RCAS_FILE);
    await writeTestBundle([rcas, COUNCIL_TITLE, BOTH_WORDS], dir);
    service = createSearchService({ bundleDir: dir });
    await service.ready;
  });

  afterAll(async () => {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('finds a name the article uses only in the possessive: Zardari, Li Qiang', async () => {
    for (const [query, written] of [
      ['Zardari', "Zardari's"],
      ['Qiang', "Qiang's"],
    ]) {
      const hit = ok(await service.search(query)).groups.find((group) => group.docId === RCAS_ID);
      expect(hit, query).toBeDefined();
      expect(marks(hit), query).toEqual([written]);
    }
  });

  it('shows the sentence where both words of "PTM advocates" meet', async () => {
    const hit = ok(await service.search('PTM advocates')).groups[0];
    expect(snippetText(hit)).toContain('(PTM), which advocates for the rights of Pashtuns');
    expect(marks(hit)).toEqual(['PTM', 'advocates']);
  });

  it('never cuts the hyphenated name found by Azm*', async () => {
    const text = snippetText(ok(await service.search('Azm*')).groups[0]);
    expect(text).toContain('Azm-e-Istehkam');
    expect(text).not.toMatch(/-…/);
  });

  it('ranks documents holding every word of a plain query above one that repeats a single word', async () => {
    const ranked = ok(await service.search('security council')).groups.map((group) => group.docId);
    expect(ranked.indexOf('harbour-talks')).toBeLessThan(ranked.indexOf('council-of-the-council'));
    // The query still finds documents with only some of the words.
    expect(ranked).toContain('council-of-the-council');
    expect(ranked).toContain(RCAS_ID);
  });
});
