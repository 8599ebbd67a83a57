/** Command-line options of `npm run bench -- [--sizes 100,1000,10000] [--repeats N] [--quick] …`. */

export interface RunOptions {
  sizes: number[];
  /** Whether --sizes was given (the typing, library and yours parts have their own default sizes). */
  sizesGiven: boolean;
  /** Repeats for load and build measurements; null: 5 below 10,000 articles and 3 from there. */
  repeats: number | null;
  /** Repeats for the (slow) build measurements; null: as many as `repeats`. */
  buildRepeats: number | null;
  /** Keep the sizes and parts of bench/results.json that this run does not measure. */
  merge: boolean;
  /** Measured queries per kind (after a separate warm-up set). */
  queriesPerKind: number;
  seed: string;
  /**
   * Parts to run: search (build, size, load, queries, start-up), store, anchoring, renderer, import, sync,
   * typing (search as you type in Chromium), library (the library view in Chromium), yours (search over
   * bundled + 1,000 of yours beside bundled alone), rebuild (the content build again after one article
   * changes, beside the full build).
   */
  parts: Set<string>;
  /** Only measure; do not rewrite RESULTS.md and results.json. */
  dryRun: boolean;
  /** Measure nothing: rewrite RESULTS.md from results.json (e.g. after editing results-commentary.md). */
  reportOnly: boolean;
  /** Fewer saves and repeats: a smoke run. */
  quick: boolean;
  /**
   * The peers the search part runs beside Margin (default all three). Naming fewer is for archive sizes
   * where a peer is known not to run (at 100,000 plain Lunr runs out of memory building and MiniSearch
   * cannot serialise): the report says which were left out.
   */
  peers: PeerEngine[];
  /** Another build's `dist/` the renderer part measures beside this one, opens alternating (`--renderer-baseline`). */
  rendererBaseline: string | null;
  /** Opens per build in the renderer part (`--renderer-runs`, default 5). */
  rendererRuns: number | null;
}

export const PEER_ENGINES = ['lunr', 'minisearch', 'flexsearch'] as const;
export type PeerEngine = (typeof PEER_ENGINES)[number];

export const ALL_PARTS = [
  'search',
  'store',
  'anchoring',
  'renderer',
  'typing',
  'library',
  'import',
  'sync',
  'yours',
  'rebuild',
] as const;

/** Search as you type at 1,000 articles unless --sizes says otherwise (a typical publisher's bundle). */
export const TYPING_SIZES = [1_000];
/** The library view at 10,000 and 100,000 rows unless --sizes says otherwise (it builds no content). */
export const LIBRARY_SIZES = [10_000, 100_000];

function valueOf(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}

export function parseRunOptions(args: string[]): RunOptions {
  const quick = args.includes('--quick');
  const sizes = (valueOf(args, '--sizes') ?? (quick ? '100' : '100,1000,10000')).split(',').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    throw new Error(`--sizes takes whole numbers separated by commas, e.g. --sizes 100,1000`);
  }
  const repeatsText = valueOf(args, '--repeats');
  const repeats = repeatsText === undefined ? (quick ? 1 : null) : Number(repeatsText);
  if (repeats !== null && (!Number.isInteger(repeats) || repeats < 1))
    throw new Error('--repeats takes a whole number ≥ 1');
  const buildRepeatsText = valueOf(args, '--build-repeats');
  const buildRepeats = buildRepeatsText === undefined ? null : Number(buildRepeatsText);
  if (buildRepeats !== null && (!Number.isInteger(buildRepeats) || buildRepeats < 1))
    throw new Error('--build-repeats takes a whole number ≥ 1');
  const queriesPerKind = Number(valueOf(args, '--queries') ?? (quick ? 30 : 300));
  const parts = new Set((valueOf(args, '--parts') ?? ALL_PARTS.join(',')).split(','));
  for (const part of parts) {
    if (!(ALL_PARTS as readonly string[]).includes(part))
      throw new Error(`unknown part "${part}"; parts: ${ALL_PARTS.join(', ')}`);
  }
  const rendererRunsText = valueOf(args, '--renderer-runs');
  const rendererRuns = rendererRunsText === undefined ? null : Number(rendererRunsText);
  if (rendererRuns !== null && (!Number.isInteger(rendererRuns) || rendererRuns < 1))
    throw new Error(`--renderer-runs takes a whole number of opens (1 or more), not "${rendererRunsText}"`);
  const peersText = valueOf(args, '--peers');
  const peers = (
    peersText === undefined ? [...PEER_ENGINES] : peersText === 'none' ? [] : peersText.split(',')
  ) as PeerEngine[];
  for (const peer of peers) {
    if (!PEER_ENGINES.includes(peer))
      throw new Error(
        `unknown peer "${peer}"; --peers takes ${PEER_ENGINES.join(', ')} (comma-separated) or none`,
      );
  }
  return {
    sizes,
    sizesGiven: valueOf(args, '--sizes') !== undefined,
    repeats,
    buildRepeats,
    merge: args.includes('--merge'),
    queriesPerKind,
    seed: valueOf(args, '--seed') ?? 'margin-bench-1',
    parts,
    dryRun: args.includes('--dry-run'),
    reportOnly: args.includes('--report-only'),
    quick,
    peers,
    rendererBaseline: valueOf(args, '--renderer-baseline') ?? null,
    rendererRuns:
      valueOf(args, '--renderer-runs') === undefined ? null : Number(valueOf(args, '--renderer-runs')),
  };
}

export function repeatsFor(options: RunOptions, size: number): number {
  return options.repeats ?? (size >= 10_000 ? 3 : 5);
}

export function buildRepeatsFor(options: RunOptions, size: number): number {
  return options.buildRepeats ?? repeatsFor(options, size);
}
