import type { Document } from '../../../main/api';
import { makeDocument } from './fixture-documents';

/** A small deterministic pseudo-random generator (mulberry32), so corpora are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ba',
  'ko',
  'ri',
  'sta',
  'len',
  'mor',
  'vi',
  'tan',
  'pe',
  'gul',
  'dar',
  'shi',
  'no',
  'qua',
  'ter',
  'al',
];
const REAL_WORDS = [
  'security',
  'attacks',
  'attacked',
  'policy',
  'trade',
  'corridor',
  'border',
  'relations',
  'investment',
  'military',
  'talks',
  'friendship',
  'the',
  'of',
  'and',
  'in',
];

/** A Zipf-distributed vocabulary of made-up words plus a few real ones (with their inflections). */
export function makeVocabulary(size: number, random: () => number): string[] {
  const words = new Set<string>(REAL_WORDS);
  while (words.size < size) {
    const length = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < length; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

function zipfSampler(count: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= count; rank++) cumulative.push((total += 1 / rank));
  return () => {
    const target = random() * total;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid] < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

/** Generates `count` RCAS-like documents: title, author, headed sections of paragraphs, a bio. */
export function syntheticCorpus(
  count: number,
  seed = 7,
  wordsPerParagraph = 60,
): { documents: Document[]; vocabulary: string[] } {
  const random = seededRandom(seed);
  const vocabulary = makeVocabulary(2000, random);
  const nextWord = zipfSampler(vocabulary.length, random);
  const sentence = (words: number) => {
    const parts = Array.from({ length: words }, () => vocabulary[nextWord()]);
    parts[0] = parts[0][0].toUpperCase() + parts[0].slice(1);
    return `${parts.join(' ')}.`;
  };
  const paragraph = () => {
    const sentences: string[] = [];
    for (let n = 0; n < wordsPerParagraph; n += 12) sentences.push(sentence(12));
    return sentences.join(' ');
  };
  const documents: Document[] = [];
  for (let i = 0; i < count; i++) {
    const sectionCount = 2 + Math.floor(random() * 3);
    documents.push(
      makeDocument({
        id: `synthetic-${i}`,
        title: sentence(4 + Math.floor(random() * 4)).replace(/\.$/, ''),
        authors: [`${sentence(1).replace(/\.$/, '')} ${sentence(1).replace(/\.$/, '')}`],
        published: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
        sections: Array.from({ length: sectionCount }, (_, s) => ({
          heading:
            s === 0
              ? null
              : sentence(1 + Math.floor(random() * 2))
                  .replace(/\.$/, '')
                  .toUpperCase(),
          blocks: Array.from({ length: 2 + Math.floor(random() * 3) }, paragraph),
        })),
        bio: [sentence(15)],
      }),
    );
  }
  return { documents, vocabulary };
}
