/**
 * Electronegativity as a release gate. Its CLI exits 0 whatever it finds, so the gate calls its
 * runner directly and turns the result into a list of problems: every finding at MEDIUM severity
 * or above, and every file it could not parse (a file it cannot read is a file it did not check).
 */
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import { REVIEWED_FINDINGS, type ReviewedFinding } from './reviewed-findings';

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
  /** The flagged source line. */
  sample?: string;
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
  /** Findings at MEDIUM or above that match a reviewed entry, with its reason. */
  reviewed: string[];
  checksRun: number;
}

const gateRequire = createRequire(path.join(__dirname, 'electronegativity-gate.ts'));

/**
 * Electronegativity tries to download fresh translations of its messages (1 s timeout) on every
 * run. The gate stays offline and deterministic: the HTTP client that package loads is put in the
 * module cache first as one that always fails, a case the package already handles by using the
 * English messages it ships with.
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
    const module = new Module(gotPath);
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
export async function runElectronegativityGate(
  dir: string,
  reviewedFindings: readonly ReviewedFinding[] = REVIEWED_FINDINGS,
): Promise<GateOutcome> {
  const run = loadOfflineRunner();
  const silenced = console.log;
  // The runner prints a line when its (blocked) translation download fails; that is expected.
  console.log = () => undefined;
  let result: RunnerResult;
  try {
    result = await run({
      input: path.resolve(dir),
      excludeFromScan: NETWORK_CHECKS.map((name) => name.toLowerCase()),
      isRelative: false,
    });
  } finally {
    console.log = silenced;
  }
  const problems: string[] = [];
  const notes: string[] = [];
  const reviewed: string[] = [];
  for (const error of result.errors) {
    problems.push(`could not parse ${path.relative(dir, error.file) || error.file}: ${error.message}`);
  }
  const used = new Set<ReviewedFinding>();
  for (const finding of result.issues) {
    if (finding.severity.value < MEDIUM) {
      notes.push(describe(finding, dir));
      continue;
    }
    const file = path.relative(dir, finding.file).split(path.sep).join('/');
    const review = reviewedFindings.find(
      (entry) =>
        entry.id === finding.id && entry.file === file && (finding.sample ?? '').includes(entry.code),
    );
    if (review) {
      used.add(review);
      reviewed.push(`${describe(finding, dir)} (reviewed: ${review.reason})`);
    } else {
      problems.push(describe(finding, dir));
    }
  }
  for (const entry of reviewedFindings) {
    if (!used.has(entry)) {
      problems.push(
        `reviewed finding ${entry.id} in ${entry.file} at "${entry.code}" no longer matches anything: review again`,
      );
    }
  }
  return { problems, notes, reviewed, checksRun: result.globalChecks + result.atomicChecks };
}
