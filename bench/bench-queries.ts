/**
 * The query set: a few hundred queries per kind, drawn deterministically from the words actually in the
 * corpus (document frequencies counted over the indexed field texts), then written in each engine's
 * own syntax. Words are plain lowercase letters so that every engine's query parser reads them alike.
 */
import lunr from 'lunr';
import type { FieldRecord } from './bundle-documents';
import { Random } from './prng';

export const QUERY_KINDS = ['common', 'rare', 'and', 'or', 'prefix', 'fuzzy', 'field', 'phrase'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/** `words` holds one or two words; for `prefix` the single word is the prefix itself. */
export interface BenchQuery {
  kind: QueryKind;
  words: string[];
}

const WORD = /^[a-z]+$/;

function isStopWord(word: string): boolean {
  return lunr.stopWordFilter(word as unknown as lunr.Token) === undefined;
}

function usable(word: string): boolean {
  return WORD.test(word) && word.length >= 3 && !isStopWord(word);
}

/** Words of a text with the punctuation that followed each (phrases must not span a comma or stop). */
function rawWords(text: string): { word: string; closed: boolean }[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((raw) => ({ word: raw.toLowerCase().replace(/^\W+|\W+$/g, ''), closed: /[.,;:!?)]$/.test(raw) }));
}

/** Words of the corpus by how many documents hold them, counted once for every query set. */
export interface CorpusVocabulary {
  common: string[];
  middle: string[];
  rare: string[];
  longer: string[];
  titles: string[];
}

export function corpusVocabulary(records: readonly FieldRecord[]): CorpusVocabulary {
  const documentFrequency = new Map<string, number>();
  const titleWords = new Set<string>();
  for (const record of records) {
    const seen = new Set<string>();
    for (const text of [record.title, record.author, record.section, record.body]) {
      for (const { word } of rawWords(text)) if (usable(word)) seen.add(word);
    }
    for (const word of seen) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    for (const { word } of rawWords(record.title)) if (usable(word)) titleWords.add(word);
  }
  const byFrequency = [...documentFrequency.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const middle = byFrequency.slice(50, 2000).map(([word]) => word);
  return {
    common: byFrequency.slice(0, 100).map(([word]) => word),
    middle,
    rare: byFrequency.filter(([, df]) => df <= 3).map(([word]) => word),
    longer: middle.filter((word) => word.length >= 5),
    titles: [...titleWords].sort(),
  };
}

export function makeQueries(
  records: readonly FieldRecord[],
  perKind: number,
  seed: string,
  vocabulary = corpusVocabulary(records),
): BenchQuery[] {
  const random = new Random(`${seed}:queries`);
  const { common, middle, rare, longer, titles } = vocabulary;
  const fuzzyWords = middle.filter((word) => word.length >= 4);
  const queries: BenchQuery[] = [];
  const add = (kind: QueryKind, make: () => string[]) => {
    for (let i = 0; i < perKind; i++) queries.push({ kind, words: make() });
  };
  add('common', () => [random.pick(common)]);
  add('rare', () => [random.pick(rare.length > 0 ? rare : middle)]);
  add('and', () => random.sample(middle, 2));
  add('or', () => random.sample(middle, 2));
  add('prefix', () => [random.pick(longer).slice(0, random.int(3, 5))]);
  add('fuzzy', () => [random.pick(fuzzyWords)]);
  add('field', () => [random.pick(titles)]);
  add('phrase', () => phrase(random, records));
  return queries;
}

/** Two adjacent words of a real paragraph, with no punctuation between them. */
function phrase(random: Random, records: readonly FieldRecord[]): string[] {
  for (;;) {
    const words = rawWords(random.pick(records).body);
    const at = random.int(0, Math.max(0, words.length - 2));
    const first = words[at];
    const second = words[at + 1];
    if (first && second && !first.closed && usable(first.word) && usable(second.word))
      return [first.word, second.word];
  }
}

/** Margin's query language (DESIGN.md: words, prefix*, fuzzy~1, +must, field:, "phrases"). */
export function marginQueryText(query: BenchQuery): string {
  const [a, b] = query.words as [string, string | undefined];
  switch (query.kind) {
    case 'common':
    case 'rare':
      return a;
    case 'and':
      return `+${a} +${b}`;
    case 'or':
      return `${a} ${b}`;
    case 'prefix':
      return `${a}*`;
    case 'fuzzy':
      return `${a}~1`;
    case 'field':
      return `title:${a}`;
    case 'phrase':
      return `"${a} ${b}"`;
  }
}

/** Lunr's syntax is Margin's except phrases: Lunr has none, so a phrase is both words required. */
export function lunrQueryText(query: BenchQuery): string {
  return query.kind === 'phrase' ? `+${query.words[0]} +${query.words[1]}` : marginQueryText(query);
}
