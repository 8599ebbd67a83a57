import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyCursor, readSyncFolder, writeOwnSegment } from '../../../main/sync/sync-folder';
import { createSyncFolder } from '../../../main/sync/sync-key';
import type { FolderKey } from '../../../main/sync/sync-key';
import { decodeSegment, segmentDigest, segmentSeq } from '../../../main/sync/sync-segment';

const ROUNDS = 8;
const DEVICE = '5e5e5e5e5e5e5e5e';
const PASSPHRASE = 'durability passphrase';
const repoRoot = join(__dirname, '../../..');
const writerScript = join(__dirname, 'segment-writer-child.ts');
const folder = mkdtempSync(join(tmpdir(), 'margin-sync-durability-'));
const deviceDir = join(folder, 'margin', 'devices', DEVICE);
let key: FolderKey;

beforeAll(async () => {
  key = await createSyncFolder(folder, PASSPHRASE, { N: 2 ** 10, r: 8, p: 1 });
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * Runs the writer until it has acknowledged a segment, then kills it with SIGKILL after `killAfterMs`,
 * or (`'holding'`) at the moment its next segment is written but not yet renamed into place.
 */
function runWriter(killAfter: number | 'holding'): Promise<Map<string, string>> {
  const args = [writerScript, folder, PASSPHRASE, DEVICE, ...(killAfter === 'holding' ? ['hold'] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (killAfter === 'holding') {
        if (output.includes('holding\n')) child.kill('SIGKILL');
      } else if (output.includes('\n')) timer ??= setTimeout(() => child.kill('SIGKILL'), killAfter);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        const quoted = errors.replace(/^/gm, 'writer stderr | ');
        reject(new Error(`the writer stopped by itself (exit code ${code}):\n${quoted}`));
        return;
      }
      const acks = new Map<string, string>();
      for (const line of output.slice(0, output.lastIndexOf('\n') + 1).split('\n'))
        if (line.startsWith('ack ')) acks.set(line.split(' ')[1], line.split(' ')[2]);
      resolve(acks);
    });
  });
}

describe('sync durability', () => {
  it('leaves only whole segments under their names when the writer is killed at random moments', async () => {
    const acknowledged = new Map<string, string>();
    let roundsKilledMidWrite = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      // Every fourth round is killed between the flush and the rename, so that case is always tried;
      // the others at moments spread over writing, flushing and encrypting.
      const killAfter = round % 4 === 3 ? 'holding' : 5 + ((round * 37) % 120);
      for (const [name, digest] of await runWriter(killAfter)) acknowledged.set(name, digest);
      if (readdirSync(deviceDir).some((file) => file.startsWith('.'))) roundsKilledMidWrite += 1;
      for (const name of readdirSync(deviceDir).filter((file) => !file.startsWith('.'))) {
        const text = readFileSync(join(deviceDir, name), 'utf8');
        const segment = decodeSegment(key, text, DEVICE, segmentSeq(name)!);
        expect(segment, name).toMatchObject({ complete: true, damaged: 0, problem: null });
        if (acknowledged.has(name)) expect(segmentDigest(text)).toBe(acknowledged.get(name));
      }
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(ROUNDS);
    // At least the held rounds left a segment behind under its temporary name.
    expect(roundsKilledMidWrite).toBeGreaterThanOrEqual(ROUNDS / 4);
    const read = readSyncFolder(folder, key, {
      device: 'ffffffffffffffff',
      cursor: emptyCursor(),
      ownSegments: [],
    });
    expect(read.ok && read.problems).toEqual([]);
    expect(read.ok && read.changes.length).toBe(
      300 * readdirSync(deviceDir).filter((f) => !f.startsWith('.')).length,
    );
    // The next write clears what a killed write left behind and carries on after the last segment.
    const next = writeOwnSegment(folder, key, DEVICE, []);
    const seqs = [...acknowledged.keys()].map((name) => segmentSeq(name)!);
    expect(next.ok && next.seq).toBeGreaterThan(Math.max(...seqs));
    expect(readdirSync(deviceDir).filter((file) => file.startsWith('.'))).toEqual([]);
  }, 120_000);
});
