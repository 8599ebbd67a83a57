import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  checkWorkflow,
  checkWorkflowSchema,
  checkWorkflowWithGitHubParser,
} from '../../build/packaging/workflow-check';
import { PROJECT_DIR } from './built-app';

const WORKFLOW = path.join(PROJECT_DIR, '.github', 'workflows', 'release.yml');
type Workflow = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('.github/workflows/release.yml', () => {
  let text: string;
  let workflow: Workflow;

  beforeAll(async () => {
    text = await readFile(WORKFLOW, 'utf8');
    workflow = parse(text) as Workflow;
  });

  it("is valid against SchemaStore's workflow schema and GitHub's own parser", async () => {
    expect(checkWorkflowSchema(text)).toEqual([]);
    expect(await checkWorkflowWithGitHubParser('release.yml', text)).toEqual([]);
  });

  it('runs on a version tag, on Linux, macOS and Windows, and builds each OS’s installers without publishing', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } });
    const job = workflow.jobs.installers;
    const include = job.strategy.matrix.include as Workflow[];
    expect(include.map((entry) => entry.os)).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    expect(include.map((entry) => entry.builder)).toEqual([
      '--linux AppImage deb',
      '--mac dmg',
      '--win nsis',
    ]);
    expect(include[0].smoke).toMatch(/^xvfb-run .*npm run test:electron$/);
    const runs = (job.steps as Workflow[]).map((step) => String(step.run ?? step.uses));
    const order = ['npm ci', 'npm test', 'test:electron', 'electron-builder', 'upload-artifact'].map((what) =>
      runs.findIndex(
        (run) => run.includes(what) || (what === 'test:electron' && run.includes('matrix.smoke')),
      ),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const run of runs.filter((each) => each.includes('electron-builder'))) {
      expect(run).toContain('--publish never');
    }
  });

  it('signs only when its secrets are set, testing them through env, and builds unsigned otherwise', () => {
    const job = workflow.jobs.installers;
    for (const secret of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
      'WIN_CSC_LINK',
    ]) {
      expect(job.env[secret]).toBe(`\${{ secrets.${secret} }}`);
    }
    const steps = job.steps as Workflow[];
    for (const step of steps) expect(String(step.if ?? '')).not.toContain('secrets.');
    const signed = steps.find((step) => step.name === 'Build installers, signed');
    const unsigned = steps.find((step) => step.name === 'Build installers, unsigned');
    expect(signed?.if).toContain("env.CSC_LINK != ''");
    expect(unsigned?.if).toBe(signed?.if.replace('${{ ', '${{ !(').replace(' }}', ') }}'));
    expect(unsigned?.env.CSC_IDENTITY_AUTO_DISCOVERY).toBe('false');
  });

  it('fails a workflow with a job that has no runs-on, or a key GitHub does not know', async () => {
    const broken = structuredClone(workflow);
    delete broken.jobs.installers['runs-on'];
    broken.jobs.installers['run-on'] = 'ubuntu-latest';
    const problems = await checkWorkflow('release.yml', stringify(broken));
    expect(problems).toContain('schema: /jobs/installers must NOT have additional properties "run-on"');
    expect(problems.some((line) => /^parser: .*runs-on/.test(line))).toBe(true);
    expect(problems.some((line) => /^parser: .*run-on/.test(line))).toBe(true);
  });

  it('fails a step whose if tests a secret directly, which GitHub refuses', async () => {
    const broken = structuredClone(workflow);
    broken.jobs.installers.steps[0].if = "${{ secrets.CSC_LINK != '' }}";
    const problems = await checkWorkflowWithGitHubParser('release.yml', stringify(broken));
    expect(problems.some((line) => /Unrecognized named-value: 'secrets'/.test(line))).toBe(true);
  });

  it('names a file that is not YAML', async () => {
    expect(checkWorkflowSchema('jobs: [unclosed')[0]).toMatch(/^yaml: /);
  });
});
