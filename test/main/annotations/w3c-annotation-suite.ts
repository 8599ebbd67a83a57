/**
 * The W3C Web Annotation test suite's "must" assertions, applied as the suite applies them: each
 * assertion is a JSON Schema (draft-04) that a conforming annotation must satisfy (`expectedResult`
 * "valid") or must not (`invalid`). The suite is read from `../shared/conformance/web-annotation-tests`
 * next to the repository; its schemas are lifted from draft-04 to what Ajv 8 reads (`id` → `$id`,
 * boolean `exclusiveMinimum`), without changing what they assert.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { sharedFolder } from '../../shared-folder';

/** The suite's folder; its tests run where it is, fail in CI where it is not, and are skipped elsewhere. */
export const W3C_SUITE = sharedFolder(
  'conformance/web-annotation-tests',
  'the W3C Web Annotation test suite',
);
export const SUITE_DIR = W3C_SUITE.path;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function liftDraft04(node: Json, isRoot: boolean): Json {
  if (Array.isArray(node)) return node.map((item) => liftDraft04(item, false));
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema') continue;
    if (key === 'id' && isRoot && typeof value === 'string') out.$id = value;
    // `properties`, `definitions` and `patternProperties` hold names, not keywords: keep the names as they are.
    else if (key === 'properties' || key === 'definitions' || key === 'patternProperties') {
      const named: { [key: string]: Json } = {};
      for (const [name, schema] of Object.entries(value as { [key: string]: Json }))
        named[name] = liftDraft04(schema, false);
      out[key] = named;
    } else out[key] = liftDraft04(value, false);
  }
  if (typeof out.exclusiveMinimum === 'boolean') {
    if (out.exclusiveMinimum) out.exclusiveMinimum = out.minimum as number;
    else delete out.exclusiveMinimum;
    if (typeof out.exclusiveMinimum === 'number') delete out.minimum;
  }
  return out;
}

function readJson(file: string): Json {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Json;
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
}

interface Assertion {
  file: string;
  title: string;
  expectValid: boolean;
  validate: ValidateFunction;
}

export interface SuiteFailure {
  assertion: string;
  title: string;
}

/** Compiles the assertions listed by one of the suite's `.test` files (e.g. annotations/annotationMusts.test). */
export function loadAssertions(testFile: string): (candidate: unknown) => SuiteFailure[] {
  const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: false });
  addFormats(ajv);
  for (const name of readdirSync(join(SUITE_DIR, 'definitions')).filter((n) => n.endsWith('.json'))) {
    ajv.addSchema(liftDraft04(readJson(join(SUITE_DIR, 'definitions', name)), true) as object);
  }
  const listed = (readJson(join(SUITE_DIR, testFile)) as { assertions: string[] }).assertions;
  const assertions: Assertion[] = listed.map((file) => {
    const schema = liftDraft04(readJson(join(SUITE_DIR, file)), true) as { [key: string]: Json };
    return {
      file,
      title: String(schema.title ?? file),
      expectValid: schema.expectedResult !== 'invalid',
      validate: ajv.compile(schema),
    };
  });
  return (candidate) =>
    assertions
      .filter((assertion) => Boolean(assertion.validate(candidate)) !== assertion.expectValid)
      .map((assertion) => ({ assertion: assertion.file, title: assertion.title }));
}
