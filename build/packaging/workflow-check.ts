/**
 * Checks a GitHub Actions workflow twice, offline: against SchemaStore's published workflow schema
 * (the `schemastore` package, draft-07) and with GitHub's own parser (`@actions/workflow-parser`,
 * parse then convert, as the Actions service does), which also reads expressions and contexts (a
 * `secrets.X` in a step's `if`, say). Returns one line per problem; an empty list is a valid workflow.
 */
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

let compiled: ReturnType<Ajv['compile']> | null = null;

function schemaValidator(): ReturnType<Ajv['compile']> {
  if (compiled) return compiled;
  const file = path.join(
    path.dirname(require.resolve('schemastore/package.json')),
    'schemas',
    'json',
    'github-workflow.json',
  );
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  if (!String(schema.$schema).startsWith('http://json-schema.org/draft-07/schema')) {
    throw new Error(
      `SchemaStore's github-workflow.json declares ${String(schema.$schema)}; this check expects draft-07`,
    );
  }
  // The ajv default class speaks draft-07; `$schema` without its `#` is the same draft.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  compiled = ajv.compile({ ...schema, $schema: 'http://json-schema.org/draft-07/schema#' });
  return compiled;
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath || '(top level)';
  const detail =
    error.keyword === 'additionalProperties' ? ` "${String(error.params.additionalProperty)}"` : '';
  return `schema: ${where} ${error.message ?? 'is invalid'}${detail}`;
}

export function checkWorkflowSchema(text: string): string[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    return [`yaml: ${(error as Error).message.split('\n')[0]}`];
  }
  const validate = schemaValidator();
  if (validate(data)) return [];
  // anyOf/oneOf branches repeat the same complaint; keep each line once.
  return [...new Set((validate.errors ?? []).map(describeError))];
}

export async function checkWorkflowWithGitHubParser(name: string, text: string): Promise<string[]> {
  const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } =
    await import('@actions/workflow-parser');
  const parsed = parseWorkflow({ name, content: text }, new NoOperationTraceWriter());
  const problems = parsed.context.errors.getErrors().map((error) => `parser: ${error.message}`);
  if (parsed.value === undefined) return problems.length > 0 ? problems : ['parser: the workflow is empty'];
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  const converted = (template.errors ?? []).map((error) => `parser: ${error.Message}`);
  return [...new Set([...problems, ...converted])];
}

export async function checkWorkflow(name: string, text: string): Promise<string[]> {
  return [...checkWorkflowSchema(text), ...(await checkWorkflowWithGitHubParser(name, text))];
}
