import { describe, expect, it } from 'vitest';
import {
  buildPhraseFilter,
  mayContainPhrase,
  PHRASE_FILTER_BYTES,
  phraseBits,
} from '../../../../main/search/index/phrase-filter';
import { syntheticCorpus } from '../synthetic-corpus';
import { documentPassages } from '../../../../main/search/index/search-files';

describe('phrase-filter', () => {
  const { documents, vocabulary } = syntheticCorpus(40, 3);
  const texts = documents.map((doc) => documentPassages(doc).map((passage) => passage.text));
  const filters = new Uint8Array(documents.length * PHRASE_FILTER_BYTES);
  texts.forEach((passages, ref) => filters.set(buildPhraseFilter(passages), ref * PHRASE_FILTER_BYTES));

  it('never rules out a document that holds the phrase', () => {
    texts.forEach((passages, ref) => {
      for (const text of passages) {
        const words = (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => word.toLowerCase());
        for (let i = 0; i + 2 < words.length; i++) {
          expect(mayContainPhrase(filters, ref, phraseBits(words.slice(i, i + 3)))).toBe(true);
        }
      }
    });
  });

  it('rules out most documents that do not hold the phrase', () => {
    let absent = 0;
    let ruledOut = 0;
    for (let i = 0; i < 200; i++) {
      const words = [vocabulary[(i * 7) % vocabulary.length], `missing${i}`];
      for (let ref = 0; ref < documents.length; ref++) {
        absent++;
        if (!mayContainPhrase(filters, ref, phraseBits(words))) ruledOut++;
      }
    }
    expect(ruledOut / absent).toBeGreaterThan(0.95);
  });
});
