/**
 * Validates an electron-builder configuration against electron-builder's own JSON schema
 * (`app-builder-lib/scheme.json`, draft-07), the same contract the builder enforces when it starts.
 * `strict: false` because the schema carries electron-builder's custom keywords (`typeof` for hook
 * functions), which ajv would otherwise reject as unknown.
 */
import Ajv, { type ErrorObject } from 'ajv';
import { readFileSync } from 'node:fs';
import path from 'node:path';

let compiled: ReturnType<Ajv['compile']> | null = null;

function builderSchemaValidator(): ReturnType<Ajv['compile']> {
  if (compiled) return compiled;
  const schemaFile = path.join(path.dirname(require.resolve('app-builder-lib/package.json')), 'scheme.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
  if (schema.$schema !== 'http://json-schema.org/draft-07/schema#') {
    throw new Error(
      `app-builder-lib's scheme.json declares ${String(schema.$schema)}; this check expects draft-07`,
    );
  }
  const ajv = new Ajv({ strict: false, allErrors: true });
  compiled = ajv.compile(schema);
  return compiled;
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath || '(top level)';
  const detail =
    error.keyword === 'additionalProperties' ? ` "${String(error.params.additionalProperty)}"` : '';
  return `${where} ${error.message ?? 'is invalid'}${detail}`;
}

/** Returns one line per schema violation; empty when electron-builder would accept the config. */
export function checkBuilderConfigSchema(config: unknown): string[] {
  const validate = builderSchemaValidator();
  if (validate(config)) return [];
  // anyOf branches repeat the same complaint several ways; the specific ones come first.
  // Most options are `anyOf [thing, null]`: the "must be null" branch only repeats a real complaint.
  const all = (validate.errors ?? []).filter((error) => error.keyword !== 'anyOf');
  const isNullBranch = (error: ErrorObject): boolean =>
    error.keyword === 'type' && error.params.type === 'null';
  const errors = all.filter(
    (error) =>
      !isNullBranch(error) ||
      !all.some(
        (other) =>
          other !== error &&
          !isNullBranch(other) &&
          (other.instancePath === error.instancePath ||
            other.instancePath.startsWith(`${error.instancePath}/`)),
      ),
  );
  return [...new Set(errors.map(describeError))];
}
