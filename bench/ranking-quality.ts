/**
 * Ranking a reader expects: for plain two- and three-word queries, the share of each engine's top 10
 * that holds every word of the query, and that holds them within one sentence. Queries take their words
 * from one sentence of a corpus article, as a reader recalls a passage. A word counts as held in any
 * form Margin's index would match it by (its stem, a possessive), so engines without a stemmer are
 * judged by the same measure as those with one.
 */
import type { FieldRecord } from './bundle-documents';
import { Random } from './prng';
import { indexTermOf, indexTermsOf } from '../main/search/index/text-analysis';
import lunr from 'lunr';

export const TOP = 10;

export interface QualityQuery {
  words: string[];
}

export interface QualityFigures {
  queries: number;
  /**
   * The best share any engine could reach on `allWords`: per query, the documents holding every word
   * (at most 10, at most as many as hold any word) over the documents holding any (at most 10). Words
   * from one sentence are often rare (names, rare words), so few documents may hold them all.
   */
  attainable?: number;
  /** Documents in the top 10, over all queries (fewer than 10 × queries when an engine finds fewer). */
  documents: number;
  /** Share of those documents holding every word. */
  allWords: number;
  /** Share holding every word within one sentence. */
  oneSentence: number;
}

const SENTENCE_END = /(?<=[.!?])\s+|\n+/;

function usable(word: string): boolean {
  return /^[a-z]{3,}$/.test(word) && lunr.stopWordFilter(word as unknown as lunr.Token) !== undefined;
}

/** `perLength` queries of two words, then as many of three, deterministic for a seed. */
export function makeQualityQueries(
  records: readonly FieldRecord[],
  perLength: number,
  seed: string,
): QualityQuery[] {
  const random = new Random(`${seed}:quality`);
  const queries: QualityQuery[] = [];
  for (const length of [2, 3]) {
    let made = 0;
    while (made < perLength) {
      const sentence = random.pick(random.pick(records).body.split(SENTENCE_END));
      const words = [
        ...new Set(
          sentence
            .toLowerCase()
            .split(/[^a-z]+/)
            .filter(usable),
        ),
      ];
      const terms = new Set(words.map((word) => indexTermOf(word)));
      if (words.length < length || terms.size < words.length) continue;
      queries.push({ words: random.sample(words, length) });
      made++;
    }
  }
  return queries;
}

/** The text every engine is given: the words, space-separated (each engine's plain query). */
export function qualityQueryText(query: QualityQuery): string {
  return query.words.join(' ');
}

/** Judges each engine's top 10 (document refs per query, in query order) against the records. */
export class RankingJudge {
  private readonly terms = new Map<number, Set<string>>();
  private readonly sentences = new Map<number, Set<string>[]>();

  constructor(private readonly records: readonly FieldRecord[]) {}

  private textOf(ref: number): string[] {
    const record = this.records[ref]!;
    return [record.title, record.author, record.section, record.body];
  }

  private termsOf(ref: number): Set<string> {
    let terms = this.terms.get(ref);
    if (!terms) this.terms.set(ref, (terms = indexTermsOf(this.textOf(ref).join('\n'))));
    return terms;
  }

  private sentencesOf(ref: number): Set<string>[] {
    let sentences = this.sentences.get(ref);
    if (!sentences) {
      sentences = this.textOf(ref)
        .flatMap((text) => text.split(SENTENCE_END))
        .map((sentence) => indexTermsOf(sentence));
      this.sentences.set(ref, sentences);
    }
    return sentences;
  }

  /** The best `allWords` share an engine could reach on queries of `length` words (see QualityFigures). */
  attainable(queries: readonly QualityQuery[], length: number): number {
    let best = 0;
    let shown = 0;
    for (const query of queries) {
      if (query.words.length !== length) continue;
      const wanted = query.words
        .map((word) => indexTermOf(word))
        .filter((term): term is string => term !== null);
      let any = 0;
      let all = 0;
      this.records.forEach((_, ref) => {
        const terms = this.termsOf(ref);
        const held = wanted.filter((term) => terms.has(term)).length;
        if (held > 0) any++;
        if (held === wanted.length) all++;
      });
      best += Math.min(TOP, all);
      shown += Math.min(TOP, any);
    }
    return shown === 0 ? 0 : best / shown;
  }

  /** Figures for queries of `length` words. */
  judge(queries: readonly QualityQuery[], rankings: readonly number[][], length: number): QualityFigures {
    let documents = 0;
    let allWords = 0;
    let oneSentence = 0;
    let count = 0;
    queries.forEach((query, i) => {
      if (query.words.length !== length) return;
      count++;
      const wanted = query.words
        .map((word) => indexTermOf(word))
        .filter((term): term is string => term !== null);
      for (const ref of (rankings[i] ?? []).slice(0, TOP)) {
        documents++;
        if (!wanted.every((term) => this.termsOf(ref).has(term))) continue;
        allWords++;
        if (this.sentencesOf(ref).some((sentence) => wanted.every((term) => sentence.has(term))))
          oneSentence++;
      }
    });
    return {
      queries: count,
      documents,
      allWords: documents === 0 ? 0 : allWords / documents,
      oneSentence: documents === 0 ? 0 : oneSentence / documents,
    };
  }
}
