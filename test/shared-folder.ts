/**
 * Tests that read real files from `../shared` beside the repository (the W3C conformance suite, the
 * corpora of real PDFs and web pages). They run whenever the folder is there. In CI (`CI=true`) it must
 * be there: a missing folder is a failing test, never a silent pass. Elsewhere (a fresh clone on its
 * own) they are skipped, and one line says which and why.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { conditionalSuite, type Suite } from './conditional-suite';

/** `../shared` next to the repository. */
export const SHARED_DIR = resolve(__dirname, '../../shared');

export interface SharedFolder {
  /** Absolute path of the folder inside `../shared`. */
  readonly path: string;
  readonly available: boolean;
  /** `describe` when the folder is there; otherwise a skip (or, in CI, a failure) with the reason. */
  readonly describe: Suite;
}

/** Decides what a suite needing `../shared/<relative>` does here; `what` names it for the one line. */
export function sharedFolder(
  relative: string,
  what: string,
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): SharedFolder {
  const path = join(SHARED_DIR, relative);
  const where = `../shared/${relative}`;
  const available = exists(path);
  return {
    path,
    available,
    describe: conditionalSuite({
      available,
      required: env.CI === 'true',
      failure: {
        test: `needs ${what} at ${where}`,
        message: `${what} is missing: CI needs ${where} beside the repository.`,
      },
      skipLine: `skipped: tests that need ${what} (${where} is not beside this clone)`,
    }),
  };
}
