/**
 * Electronegativity as a release gate. Its CLI exits 0 whatever it finds, so the gate calls its
 * runner directly and turns the result into a list of problems: every finding at MEDIUM severity
 * or above, and every file it could not parse (a file it cannot read is a file it did not check).
 */
import { copyFile, cp, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The only check left out: it downloads Electron's release list from GitHub to look for newer
 * security releases, which cannot work offline and would make the gate depend on the network.
 */
export const NETWORK_CHECKS = ['AvailableSecurityFixesGlobalCheck'] as const;

interface Level {
  value: number;
  name?: string;
}

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: Level;
  confidence: Level;
  manualReview?: boolean;
  description?: string;
}

interface RunnerResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Finding[];
}

type Runner = (options: Record<string, unknown>) => Promise<RunnerResult>;

export interface GateOutcome {
  /** One line per reason to stop the release; empty means the gate passes. */
  problems: string[];
  /** Findings below MEDIUM, kept for the log: informational, not release-stoppers. */
  notes: string[];
  checksRun: number;
}

const gateRequire = createRequire(path.join(__dirname, 'electronegativity-gate.ts'));

/**
 * Electronegativity fetches a fresh translation of its messages from the internet (1 s timeout)
 * every run. The gate keeps the run offline and deterministic by answering that request with the
 * bundled English messages: the HTTP client it loads is replaced, before it loads, by one that
 * always fails, which the package already handles by falling back to its own locale files.
 */
function loadOfflineRunner(): Runner {
  const packageDir = path.dirname(gateRequire.resolve('@doyensec/electronegativity/package.json'));
  const packageRequire = createRequire(path.join(packageDir, 'dist', 'runner.js'));
  const gotPath = packageRequire.resolve('got');
  if (!gateRequire.cache[gotPath]) {
    const offline = Object.assign(
      () => Promise.reject(new Error('offline: the electronegativity gate makes no requests')),
      {
        get: () => Promise.reject(new Error('offline')),
      },
    );
    const module = new (gateRequire('node:module') as typeof import('node:module')).Module(gotPath);
    module.filename = gotPath;
    module.loaded = true;
    module.exports = offline;
    gateRequire.cache[gotPath] = module;
  }
  return packageRequire('./runner.js') as Runner;
}

const MEDIUM = 2;

function describe(finding: Finding, root: string): string {
  // Global checks report on the app as a whole, with the file "N/A".
  const file =
    finding.file === 'N/A' ? 'the app as a whole' : path.relative(root, finding.file) || finding.file;
  const where = finding.file === 'N/A' ? file : `${file}:${finding.location.line}:${finding.location.column}`;
  const severity = finding.severity.name ?? `severity ${finding.severity.value}`;
  const about = typeof finding.description === 'string' ? `: ${finding.description.split('\n')[0]}` : '';
  return `${finding.id} (${severity}) in ${where}${about}`;
}

/**
 * Runs every electronegativity check except {@link NETWORK_CHECKS} over `dir` (a folder of built
 * JS/HTML plus the package.json that names the Electron version) and reports what stops a release.
 */
export async function runElectronegativityGate(dir: string, electronVersion?: string): Promise<GateOutcome> {
  const run = loadOfflineRunner();
  const silenced = console.log;
  // The runner prints a line when its (blocked) translation download fails; that is expected.
  console.log = () => undefined;
  let result: RunnerResult;
  try {
    result = await run({
      input: path.resolve(dir),
      excludeFromScan: NETWORK_CHECKS.map((name) => name.toLowerCase()),
      electronVersionOverride: electronVersion,
      isRelative: false,
    });
  } finally {
    console.log = silenced;
  }
  const problems: string[] = [];
  const notes: string[] = [];
  for (const error of result.errors) {
    problems.push(`could not parse ${path.relative(dir, error.file) || error.file}: ${error.message}`);
  }
  for (const finding of result.issues) {
    (finding.severity.value >= MEDIUM ? problems : notes).push(describe(finding, dir));
  }
  return { problems, notes, checksRun: result.globalChecks + result.atomicChecks };
}

/**
 * Copies what ships as code (the built main, preload, worker and renderer, plus package.json for
 * the Electron version) into `outDir`, the folder the gate scans. The content bundle is data, not
 * code, and stays out so the scan stays quick.
 */
export async function collectGateInput(projectDir: string, outDir: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  for (const part of ['main', 'renderer']) {
    await cp(path.join(projectDir, 'dist', part), path.join(outDir, 'dist', part), { recursive: true });
  }
  await copyFile(path.join(projectDir, 'package.json'), path.join(outDir, 'package.json'));
  return outDir;
}
