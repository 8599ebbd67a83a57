import { parseArgs } from 'node:util';
import { MarginError } from '../main/errors';
import { loadLibrary } from '../main/library/library';
import { createSearchService } from '../main/search/service/search-service';
import { buildContent, type ContentBuildOutcome } from '../main/library/content-build';
import { searchResultsText } from './search-results-text';

/**
 * `npm run content -- inspect|build|search`: the publisher's tool. Exit codes: 0 success, 1 bad input
 * (a content file, a bundle, a query), 2 wrong usage. Failures print one line on stderr, never a stack.
 */

const USAGE = `Usage: npm run content -- <command>

  inspect FILE                         print the document read from FILE (.txt, .md, .pdf, .html) as JSON
  build [--in content] [--out dist/content] [--workers N] [--full]
                                       build the content bundle (library, documents, search index);
                                       N threads read the files (0: none; default one per core
                                       from 1,000 files on); only the documents whose files
                                       changed are rebuilt, unless --full
  search "QUERY" [--json] [--bundle dist/content] [--limit N]
                                       search a built bundle and print the matching passages
`;

class UsageError extends Error {}

/** More threads than any machine's cores only queue behind one another. */
const MAX_WORKERS = 64;

function options(args: string[], spec: Record<string, { type: 'string' | 'boolean' }>, positionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: spec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  if (parsed.positionals.length !== positionals) {
    throw new UsageError(
      positionals === 0 ? 'this command takes no arguments besides its options' : 'wrong number of arguments',
    );
  }
  return parsed;
}

/** The importer (pdf.js, Readability, linkedom) is loaded only by the commands that read files. */
function importer() {
  return import('../main/import/read-document-file');
}

async function inspect(args: string[]): Promise<void> {
  const { positionals } = options(args, {}, 1);
  const { readDocumentFile } = await importer();
  const doc = await readDocumentFile(positionals[0] as string);
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}

async function build(args: string[]): Promise<void> {
  const { values } = options(
    args,
    {
      in: { type: 'string' },
      out: { type: 'string' },
      workers: { type: 'string' },
      full: { type: 'boolean' },
    },
    0,
  );
  const outDir = (values.out as string | undefined) ?? 'dist/content';
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= MAX_WORKERS)) {
    throw new UsageError(`--workers must be a whole number from 0 to ${MAX_WORKERS}`);
  }
  const started = performance.now();
  const { documents, outcome } = await buildContent({
    inDir: (values.in as string | undefined) ?? 'content',
    outDir,
    reader: (await importer()).IMPORTING_READER,
    workers,
    full: values.full === true,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`${buildOutcomeLine(outcome, documents.length, outDir, seconds)}\n`);
}

function buildOutcomeLine(outcome: ContentBuildOutcome, count: number, outDir: string, seconds: string) {
  const documents = `${count} document${count === 1 ? '' : 's'}`;
  if (outcome.kind === 'up-to-date') return `${outDir} is up to date (${documents})`;
  if (outcome.kind === 'rebuilt')
    return `rebuilt ${outcome.changed} of ${documents} in ${seconds} s into ${outDir}`;
  return `full build: ${outcome.reason}; built ${documents} in ${seconds} s into ${outDir}`;
}

async function search(args: string[]): Promise<void> {
  const { values, positionals } = options(
    args,
    { json: { type: 'boolean' }, bundle: { type: 'string' }, limit: { type: 'string' } },
    1,
  );
  const bundleDir = (values.bundle as string | undefined) ?? 'dist/content';
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 100)) {
    throw new UsageError('--limit must be a whole number from 1 to 100');
  }
  await loadLibrary(bundleDir).catch((error: unknown) => {
    if (error instanceof MarginError) {
      throw new MarginError(error.code, `${error.message} Run "npm run content -- build" first.`);
    }
    throw error;
  });
  const service = createSearchService({ bundleDir });
  try {
    await service.ready;
    const results = await service.search(positionals[0] as string, limit === undefined ? {} : { limit });
    if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    if (results.status === 'invalid') {
      process.exitCode = 1;
      process.stderr.write(`Invalid query: ${results.message}\n`);
      return;
    }
    if (!values.json)
      process.stdout.write(searchResultsText(results, { ansi: process.stdout.isTTY === true }));
  } finally {
    await service.close();
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = { inspect, build, search };

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? process.stderr : process.stdout).write(USAGE);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new UsageError(`unknown command "${command}"`);
    await run(args);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    const message =
      error instanceof MarginError
        ? error.message
        : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`${message.split('\n')[0]}\n`);
    if (process.env.MARGIN_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
