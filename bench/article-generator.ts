/**
 * Generates RCAS-like commentaries as structured data (corpus.ts writes them out as RCAS plain-text
 * exports). Article `i` depends only on the seed and `i`, so the 100-article corpus is the first tenth of
 * the 1,000-article one and every size shares its queries' vocabulary.
 */
import { Random, ZipfSampler } from './prng';
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
  names: string[];
  authors: string[];
  zipf: ZipfSampler;
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
const NAME_POOL_SIZE = 40_000;

/** Syllable-built surnames ("Zardawi", "Kelmorin"): the rare words of the corpus, a few articles each. */
function makeNames(random: Random, count: number): string[] {
  const onsets = 'b ch d f g h j k kh l m n p q r s sh t v w y z zh br tr dr gr kr'.split(' ');
  const vowels = 'a e i o u ai ao ei ia ou'.split(' ');
  const codas = ['', '', 'n', 'ng', 'r', 'l', 'm', 's', 'k', 'sh'];
  const names = new Set<string>();
  while (names.size < count) {
    const syllables = random.int(2, 4);
    let name = '';
    for (let s = 0; s < syllables; s++)
      name += random.pick(onsets) + random.pick(vowels) + random.pick(codas);
    if (name.length >= 4 && name.length <= 12) names.add(name[0]!.toUpperCase() + name.slice(1));
  }
  return [...names];
}

export function createCorpusModel(seed: string): CorpusModel {
  const random = new Random(`${seed}:model`);
  const content = [...new Set([...contentFamilies().flat(), ...PLACES, ...ACRONYMS])].filter(
    (word) => !FUNCTION_WORDS.includes(word),
  );
  random.shuffle(content);
  const ranked = [...FUNCTION_WORDS, ...content];
  const names = makeNames(random, NAME_POOL_SIZE);
  const authors = Array.from({ length: 60 }, (_, i) => `${names[i]} ${names[i + 60]}`);
  return {
    seed,
    ranked,
    contentForms: content,
    names: names.slice(120),
    authors,
    zipf: new ZipfSampler(ranked.length),
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
    if (r < 0.035) return this.random.pick(this.cast);
    if (r < 0.095) return this.random.pick(this.topic);
    return this.model.ranked[this.model.zipf.draw(this.random)]!;
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
  const cast = Array.from({ length: random.int(2, 5) }, () => random.pick(model.names));
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
