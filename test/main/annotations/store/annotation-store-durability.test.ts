import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAnnotationStore } from '../../../../main/annotations/store/annotation-store';

const ROUNDS = 24;
const repoRoot = join(__dirname, '../../../..');
const writerScript = join(__dirname, 'store-writer-child.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'margin-durability-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A small deterministic random source, so that a failing run can be repeated. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface Round {
  acks: Array<{ id: string; modified: string }>;
  killedAfterMs: number;
}

/** Runs the writer and kills it with SIGKILL; only complete "ack" lines count as acknowledged. */
function runWriter(first: number, killAfterMs: number, waitForFirstAck: boolean): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writerScript, dataDir, String(first)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    const started = Date.now();
    const arm = (): void => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) arm();
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    if (!waitForFirstAck) arm();
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        // The child's stack is quoted, not passed on as is: its frames would otherwise be taken for this
        // error's own, and vitest fails to source-map tsx's loader frames, hiding the error itself.
        const quoted = errors.replace(/^/gm, 'writer stderr | ');
        reject(new Error(`the writer stopped by itself (exit code ${code}, signal ${signal}):\n${quoted}`));
        return;
      }
      const complete = output.slice(0, output.lastIndexOf('\n') + 1);
      const acks = complete
        .split('\n')
        .filter((line) => line.startsWith('ack '))
        .map((line) => {
          const [, id, modified] = line.split(' ');
          return { id, modified };
        });
      resolve({ acks, killedAfterMs: Date.now() - started });
    });
  });
}

describe('annotation-store durability', () => {
  it('keeps every acknowledged save when the writing process is killed with SIGKILL at random moments', async () => {
    const random = randomSource(20241120);
    const acknowledged = new Map<string, string>();
    let next = 1;
    let totalAcks = 0;
    let roundsKilledWhileSaving = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Most rounds die mid-save; some die while the store is still opening, checking or backing up.
      const duringOpen = round % 4 === 3;
      const { acks } = await runWriter(next, Math.floor(random() * (duringOpen ? 400 : 250)), !duringOpen);
      for (const ack of acks) {
        if ((acknowledged.get(ack.id) ?? '') < ack.modified) acknowledged.set(ack.id, ack.modified);
      }
      totalAcks += acks.length;
      if (acks.length > 0) roundsKilledWhileSaving += 1;
      next += acks.length + 10;

      const store = openAnnotationStore({ dataDir });
      try {
        expect(store.quickCheck()).toEqual(['ok']);
        expect(store.notices()).toEqual([]);
        for (const [id, modified] of acknowledged) {
          const record = store.get(id);
          expect(record, `round ${round}: ${id} was acknowledged but is missing`).not.toBeNull();
          expect(record!.modified >= modified, `round ${round}: ${id} lost its update of ${modified}`).toBe(
            true,
          );
        }
      } finally {
        store.close();
      }
    }
    // The test only means something if saves were really interrupted, many times over.
    // (Here about 440 saves over 24 kills; the bounds leave room for a slow disk.)
    expect(roundsKilledWhileSaving).toBeGreaterThanOrEqual(ROUNDS / 2);
    expect(totalAcks).toBeGreaterThanOrEqual(ROUNDS * 2);
  }, 90_000);
});
