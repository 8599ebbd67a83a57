/**
 * A suite that needs something this machine may lack (`../shared`, an Electron binary). Where it is
 * there, the suite runs. Where it is missing and required (CI), the suite is one failing test naming
 * what is missing: never a silent pass. Elsewhere it is skipped, and one line (once per process) says
 * which tests and why.
 */
import { describe, it } from 'vitest';

export type Suite = (name: string, body: () => void) => void;

export interface Need {
  available: boolean;
  /** Missing is a failure (CI), not a skip. */
  required: boolean;
  /** The failing test's name and error, when it is required and missing. */
  failure: { test: string; message: string };
  /** The line printed when the suite is skipped. */
  skipLine: string;
}

const printed = new Set<string>();

export function conditionalSuite(need: Need): Suite {
  if (need.available) return (name, body) => describe(name, body);
  if (need.required) {
    return (name) =>
      describe(name, () => {
        it(need.failure.test, () => {
          throw new Error(need.failure.message);
        });
      });
  }
  return (name, body) => {
    if (!printed.has(need.skipLine)) console.warn(need.skipLine);
    printed.add(need.skipLine);
    describe.skip(name, body);
  };
}
