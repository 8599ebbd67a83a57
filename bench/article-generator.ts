/**
 * Generates RCAS-like commentaries as structured data (corpus.ts writes them out as RCAS plain-text
 * exports). Article `i` depends only on the seed and `i`, so the 100-article corpus is the first tenth of
 * the 1,000-article one and every size shares its queries' vocabulary.
 */
import { hashSeed, Random, ZipfSampler } from './prng';
import { ACRONYMS, FUNCTION_WORDS, HEADINGS, PLACES, ROLES, VENUES, contentFamilies } from './vocabulary';

export interface GeneratedArticle {
  index: number;
  title: string;
  author: string;
  role: string;
  /** ISO date. */
  published: string;
  intro: string[];
  figure: { caption: string; credit: string };
  sections: { heading: string; paragraphs: string[] }[];
  source: { venue: string; date: string; url: string; urlOnOwnLine: boolean };
  bio: string;
  /** Words of the article body (intro, caption, headings, paragraphs), the way a reader counts them. */
  words: number;
}

/** What every article of a seed shares: the ranked vocabulary, the name pool and the authors. */
export interface CorpusModel {
  seed: string;
  /** Word forms by rank (rank 0 is the most frequent). */
  ranked: string[];
  contentForms: string[];
  /** The word of a Zipf rank: the known vocabulary first, then the long tail of generated rare words. */
  wordAt(rank: number): string;
  /** The name of a rank among the generated names. */
  nameAt(rank: number): string;
  authors: string[];
  zipf: ZipfSampler;
  /** Draws names by rank: a few names recur across the archive, most appear in a few articles. */
  nameZipf: ZipfSampler;
}

const CREDITS = ['Xinhua', 'Reuters', 'China Military', 'AP', 'Getty Images', 'Wikimedia Commons', 'RCAS'];
const UNIVERSITIES = [
  'Monash University',
  'Peking University',
  'Fudan University',
  'Quaid-i-Azam University',
];
const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);
/**
 * Calibrated against real prose (text-statistics.ts, RESULTS.md "Corpus"): the vocabulary keeps growing
 * with the corpus (Heaps' law) because the word ranks run into a long tail of rare generated words and
 * names, and names and numbers take the shares of tokens they take in the real texts.
 */
const NAME_POOL_SIZE = 200_000;
const RARE_WORDS = 300_000;
const NAME_SHARE = 0.18;
const NUMBER_SHARE = 0.085;

/** A syllable-built word ("zardawi", "kelmorin"): 2 to 4 syllables of 4 to 12 letters. */
function syllableWord(random: Random): string {
  for (;;) {
    const syllables = random.int(2, 4);
    let word = '';
    for (let s = 0; s < syllables; s++)
      word += random.pick(ONSETS) + random.pick(VOWELS) + random.pick(CODAS);
    if (word.length >= 4 && word.length <= 12) return word;
  }
}
const ONSETS = 'b ch d f g h j k kh l m n p q r s sh t v w y z zh br tr dr gr kr'.split(' ');
const VOWELS = 'a e i o u ai ao ei ia ou'.split(' ');
const CODAS = ['', '', 'n', 'ng', 'r', 'l', 'm', 's', 'k', 'sh'];

/**
 * The long tail, made on demand: the word at a rank depends only on the seed and the rank, so no pool of
 * hundreds of thousands of words is built up front. (Two ranks may now and then give one word.)
 */
class GeneratedWords {
  private readonly cache = new Map<number, string>();
  constructor(
    private readonly seed: number,
    private readonly capitalised: boolean,
  ) {}

  at(rank: number): string {
    let word = this.cache.get(rank);
    if (word === undefined) {
      word = syllableWord(new Random((this.seed ^ Math.imul(rank + 1, 0x9e3779b1)) >>> 0));
      if (this.capitalised) word = capitalise(word);
      this.cache.set(rank, word);
    }
    return word;
  }
}

export function createCorpusModel(seed: string): CorpusModel {
  const random = new Random(`${seed}:model`);
  const content = [...new Set([...contentFamilies().flat(), ...PLACES, ...ACRONYMS])].filter(
    (word) => !FUNCTION_WORDS.includes(word),
  );
  random.shuffle(content);
  const ranked = [...FUNCTION_WORDS, ...content];
  const rare = new GeneratedWords(hashSeed(`${seed}:rare`), false);
  const names = new GeneratedWords(hashSeed(`${seed}:names`), true);
  // The first 120 names make the 60 authors; the text's names come after them.
  const authors = Array.from({ length: 60 }, (_, i) => `${names.at(i)} ${names.at(i + 60)}`);
  return {
    seed,
    ranked,
    contentForms: content,
    wordAt: (rank) => (rank < ranked.length ? ranked[rank]! : rare.at(rank)),
    nameAt: (rank) => names.at(120 + rank),
    authors,
    zipf: new ZipfSampler(ranked.length + RARE_WORDS, 1.22),
    nameZipf: new ZipfSampler(NAME_POOL_SIZE, 1.25, 5),
  };
}

function capitalise(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

function isoDate(random: Random): string {
  const day = new Date(Date.UTC(2020, 0, 1) + random.int(0, 6 * 365) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** "2024-11-20" → "November 20, 2024", the way RCAS prints dates. */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
}

class SentenceWriter {
  constructor(
    private readonly model: CorpusModel,
    private readonly random: Random,
    private readonly cast: string[],
    private readonly topic: string[],
  ) {}

  word(): string {
    const r = this.random.next();
    if (r < NAME_SHARE / 2) return this.random.pick(this.cast);
    if (r < NAME_SHARE) return this.model.nameAt(this.model.nameZipf.draw(this.random));
    if (r < NAME_SHARE + NUMBER_SHARE) return this.number();
    if (r < NAME_SHARE + NUMBER_SHARE + 0.06) return this.random.pick(this.topic);
    return this.model.wordAt(this.model.zipf.draw(this.random));
  }

  /** Years, counts, percentages and sums, as policy prose writes them. */
  number(): string {
    const r = this.random.next();
    if (r < 0.4) return String(this.random.int(1947, 2026));
    if (r < 0.7) return String(this.random.int(2, 99));
    if (r < 0.85) return `${this.random.int(1, 60)}.${this.random.int(0, 9)}`;
    return `${this.random.int(1, 999)},${String(this.random.int(0, 999)).padStart(3, '0')}`;
  }

  /** A list of words ending in a full stop; commas now and then, as in prose. */
  sentence(minWords = 10, maxWords = 32): string[] {
    const length = this.random.int(minWords, maxWords);
    const words: string[] = [];
    for (let i = 0; i < length; i++) {
      let word = this.word();
      if (i === 0) word = capitalise(word);
      if (i < length - 1 && i > 2 && this.random.chance(0.06)) word += ',';
      words.push(word);
    }
    words[length - 1] += '.';
    return words;
  }

  paragraph(): string[] {
    const sentences = this.random.int(2, 5);
    const words: string[] = [];
    for (let s = 0; s < sentences; s++) words.push(...this.sentence());
    return words;
  }
}

export function generateArticle(model: CorpusModel, index: number): GeneratedArticle {
  const random = new Random(`${model.seed}:article:${index}`);
  const cast = Array.from({ length: random.int(2, 5) }, () =>
    model.nameAt(random.int(0, NAME_POOL_SIZE - 1)),
  );
  const topic = random.sample(model.contentForms.slice(0, 1500), 12);
  const writer = new SentenceWriter(model, random, cast, topic);
  const place = () => random.pick(PLACES);
  const form = () => random.pick(topic);

  const titleShapes = [
    () => `${capitalise(form())} ${capitalise(form())} ${place()}-${place()} ${capitalise(form())}`,
    () => `${capitalise(form())} and ${capitalise(form())} in ${place()}`,
    () => `Why ${place()} ${capitalise(form())} the ${capitalise(form())} ${capitalise(form())}`,
    () =>
      `${place()}'s ${capitalise(form())} ${capitalise(form())}: ${capitalise(form())} and ${capitalise(form())}`,
  ];
  const title = random.pick(titleShapes)();
  const author = random.pick(model.authors);
  const published = isoDate(random);
  const targetWords = random.int(1_100, 1_400);

  let words = title.split(' ').length;
  const intro = [writer.paragraph()];
  words += intro[0]!.length;
  const caption = [...writer.sentence(6, 14).slice(0, -1), 'on', `${longDate(published)}.`];
  words += caption.length;

  // Two or three body sections of 3-6 paragraphs until the target length, then a short conclusion.
  const sections: { heading: string; paragraphs: string[][] }[] = [];
  const bodyHeadings = random.sample(
    HEADINGS.filter((heading) => heading !== 'CONCLUSIONS'),
    4,
  );
  const conclusionWords = 110;
  for (const heading of bodyHeadings) {
    if (sections.length >= 2 && words >= targetWords - conclusionWords) break;
    const paragraphs: string[][] = [];
    words += heading.split(' ').length;
    const perSection = random.int(3, 6);
    for (let p = 0; p < perSection && (p === 0 || words < targetWords - conclusionWords); p++) {
      paragraphs.push(writer.paragraph());
      words += paragraphs[p]!.length;
    }
    sections.push({ heading, paragraphs });
  }
  const conclusion = writer.paragraph();
  words += 1 + conclusion.length;
  sections.push({ heading: 'CONCLUSIONS', paragraphs: [conclusion] });

  const venue = random.pick(VENUES);
  const sourceDate = longDate(published);
  const url = `https://www.${slugify(venue).replace(/-/g, '')}.example/${published.slice(0, 4)}/${slugify(title)}/`;
  const degreeYear = random.int(1995, 2018);
  const bio =
    `Dr. ${author} is currently ${random.pick(ROLES).replace(', The', ' of the')}. ` +
    `${capitalise(random.pick(['he', 'she']))} obtained the PhD from ${random.pick(UNIVERSITIES)} in ${degreeYear} ` +
    `and is the author of *${capitalise(form())} and ${capitalise(form())} in ${place()}* (${degreeYear + 4}). ` +
    `Email: ${slugify(author).replace(/-/g, '.')}@rcas.example.`;

  return {
    index,
    title,
    author,
    role: random.pick(ROLES),
    published,
    intro: intro.map((p) => p.join(' ')),
    figure: { caption: caption.join(' '), credit: random.pick(CREDITS) },
    sections: sections.map((section) => ({
      heading: section.heading,
      paragraphs: breakPages(random, section.paragraphs),
    })),
    source: { venue, date: sourceDate, url, urlOnOwnLine: random.chance(0.5) },
    bio,
    words,
  };
}

/**
 * Now and then a page break falls inside a sentence: the export then shows the sentence's head as one
 * paragraph (no closing punctuation) and its tail as the next ("…Ishaq Dar. Dar" + "claimed that…").
 */
function breakPages(random: Random, paragraphs: string[][]): string[] {
  const out: string[] = [];
  for (const words of paragraphs) {
    // The break falls after the paragraph's first sentence, as a page end usually does: a short
    // capitalised head with no stop would read as a title-case heading, in a real export too.
    const firstStop = words.findIndex((word) => word.endsWith('.'));
    const candidates: number[] = [];
    for (let i = firstStop + 4; i < words.length - 4; i++) if (!/[.,]$/.test(words[i]!)) candidates.push(i);
    if (candidates.length > 0 && random.chance(0.12)) {
      const cut = random.pick(candidates) + 1;
      out.push(words.slice(0, cut).join(' '), words.slice(cut).join(' '));
    } else {
      out.push(words.join(' '));
    }
  }
  return out;
}
