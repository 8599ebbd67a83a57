/**
 * `npm run serve -- [--port N] [--content DIR] [--data DIR] [--sync DIR]`: Margin in a browser on this machine.
 * Serves the built renderer and MarginApi on 127.0.0.1 and prints the address with its token.
 * Runs from `dist/host/serve.js`, so the built renderer, content and worker sit next to it.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildContent } from '../library/content-build';
import { defaultDataDir, secureDataDir } from '../data-dir';
import { errorDetail, MarginError, printableLine } from '../errors';
import { createMarginService } from '../margin-service';
import { CITATION_STYLES_FOLDER, LICENCES_FILE } from '../shared/citation-styles';
import { startHost } from './start-host';

const DEFAULT_PORT = 4747;
const DIST = path.resolve(__dirname, '..');

const USAGE = `Usage: npm run serve -- [--port N] [--content DIR] [--data DIR] [--sync DIR]
  --port N       port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --content DIR  a folder of content sources (.txt, .md), built on start (default: the shipped library)
  --data DIR     the folder for your highlights, notes and settings (default: the app's own)
  --sync DIR     a folder your own tool carries between your devices, for syncing notes through it`;

/** Wrong options: the one-line reason, then the usage text. */
class UsageError extends MarginError {}

interface ServeOptions {
  port: number;
  contentDir: string | null;
  dataDir: string;
  syncFolder: string | null;
}

function readOptions(argv: string[]): ServeOptions {
  let values: { port?: string; content?: string; data?: string; sync?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        content: { type: 'string' },
        data: { type: 'string' },
        sync: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError('invalid-argument', errorDetail(error));
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !/^\d+$/.test(values.port ?? '0')) {
    throw new MarginError(
      'invalid-argument',
      `--port must be a number from 0 to 65535, not "${printableLine(values.port, 40)}".`,
    );
  }
  return {
    port,
    contentDir: values.content ? path.resolve(values.content) : null,
    dataDir: path.resolve(values.data ?? defaultDataDir()),
    syncFolder: values.sync ? path.resolve(values.sync) : null,
  };
}

async function main(): Promise<void> {
  // Private notes: every folder and file the host creates is the user's alone (0700/0600).
  process.umask(0o077);
  const options = readOptions(process.argv.slice(2));
  for (const file of secureDataDir(options.dataDir)) console.warn(`margin: could not make ${file} private`);
  let scratch: string | null = null;
  let bundleDir = path.join(DIST, 'content');
  if (options.contentDir) {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'margin-content-'));
    bundleDir = path.join(scratch, 'bundle');
    const { documents } = await buildContent({ inDir: options.contentDir, outDir: bundleDir });
    console.log(`Built ${documents.length} document(s) from ${options.contentDir}`);
  }
  const removeScratch = async (): Promise<void> => {
    if (scratch) await fs.rm(scratch, { recursive: true, force: true });
  };

  let service;
  try {
    service = await createMarginService({
      bundleDir,
      dataDir: options.dataDir,
      workerScript: path.join(DIST, 'main', 'search-worker.js'),
      syncFolder: options.syncFolder,
      citationStylesDir: path.join(DIST, 'main', CITATION_STYLES_FOLDER),
      licencesFile: path.join(DIST, 'main', LICENCES_FILE),
    });
  } catch (error) {
    await removeScratch();
    throw error;
  }
  let host;
  try {
    host = await startHost({ api: service, rendererDir: path.join(DIST, 'renderer'), port: options.port });
  } catch (error) {
    await service.close();
    await removeScratch();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new MarginError(
        'unavailable',
        `Port ${options.port} on 127.0.0.1 is already in use. Choose another with --port N (0 picks a free one).`,
      );
    }
    throw error;
  }
  console.log(`Margin is serving at ${host.url}`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await service.close();
    await removeScratch();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`margin: ${error instanceof MarginError ? error.message : errorDetail(error)}`);
  if (error instanceof UsageError) console.error(USAGE);
  process.exit(1);
});
