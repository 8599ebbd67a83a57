/**
 * The benchmark corpus: generated articles written as RCAS plain-text exports, so that Margin's real
 * content build parses them like the publisher's files. Cached under bench/.corpus/<size>/ and rebuilt
 * only when the seed, the size or the generator changes.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  createCorpusModel,
  generateArticle,
  longDate,
  slugify,
  type GeneratedArticle,
} from './article-generator';
import { RCAS_ABOUT, RCAS_CONTACT } from './rcas-boilerplate';

/** Bump when the generated text changes, so that cached corpora are rebuilt. */
export const GENERATOR_VERSION = 3;
export const DEFAULT_SEED = 'margin-bench-1';
export const CORPUS_ROOT = path.join(__dirname, '.corpus');

export interface CorpusManifest {
  generatorVersion: number;
  seed: string;
  size: number;
  files: number;
  /** Bytes of the .txt files (UTF-8), boilerplate included. */
  bytes: number;
  /** Words of the article bodies, boilerplate and bio excluded. */
  articleWords: number;
}

export interface Corpus {
  manifest: CorpusManifest;
  /** The folder of .txt files, the content build's `inDir`. */
  sourceDir: string;
}

export function articleFileName(article: GeneratedArticle): string {
  return `${String(article.index + 1).padStart(5, '0')}-${slugify(article.title)}.txt`;
}

/** One article as the RCAS export prints it: header, boilerplate, article, source, bio, contact. */
export function renderRcasText(article: GeneratedArticle): string {
  const source = `The article was first published at ${article.source.venue}, ${article.source.date},`;
  const sourceLines = article.source.urlOnOwnLine
    ? [source, `<${article.source.url}>.`]
    : [`${source} <${article.source.url}>.`];
  const parts = [
    '\n\n\nRCAS Commentary',
    article.title,
    article.author,
    article.role,
    longDate(article.published),
    'About RCAS',
    ...RCAS_ABOUT,
    RCAS_CONTACT.join('\n'),
    article.title,
    article.author,
    ...article.intro,
    '',
    `▲ ${article.figure.caption}(${article.figure.credit})`,
    ...article.sections.flatMap((section) => [section.heading, ...section.paragraphs]),
    ...sourceLines,
    'About Author',
    '',
    article.bio,
    RCAS_CONTACT.join('\n'),
  ];
  return parts.join('\n\n');
}

/** Writes articles 0..size-1 of `seed` into `sourceDir` (which is emptied first). */
export async function writeCorpus(sourceDir: string, size: number, seed: string): Promise<CorpusManifest> {
  await rm(sourceDir, { recursive: true, force: true });
  await mkdir(sourceDir, { recursive: true });
  const model = createCorpusModel(seed);
  let bytes = 0;
  let articleWords = 0;
  for (let index = 0; index < size; index++) {
    const article = generateArticle(model, index);
    const text = renderRcasText(article);
    bytes += Buffer.byteLength(text);
    articleWords += article.words;
    await writeFile(path.join(sourceDir, articleFileName(article)), text);
  }
  return { generatorVersion: GENERATOR_VERSION, seed, size, files: size, bytes, articleWords };
}

async function readManifest(file: string): Promise<CorpusManifest | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as CorpusManifest;
  } catch {
    return null;
  }
}

/** The corpus of `size` articles for `seed`, generated on first use and reused while it is intact. */
export async function ensureCorpus(size: number, seed = DEFAULT_SEED, root = CORPUS_ROOT): Promise<Corpus> {
  const dir = path.join(root, String(size));
  const sourceDir = path.join(dir, 'source');
  const manifestFile = path.join(dir, 'manifest.json');
  const cached = await readManifest(manifestFile);
  if (
    cached?.seed === seed &&
    cached.size === size &&
    cached.generatorVersion === GENERATOR_VERSION &&
    (await readdir(sourceDir).catch(() => [])).length === size
  ) {
    return { manifest: cached, sourceDir };
  }
  await rm(manifestFile, { force: true });
  const manifest = await writeCorpus(sourceDir, size, seed);
  await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, sourceDir };
}
