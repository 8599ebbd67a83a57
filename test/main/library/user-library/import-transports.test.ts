import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarginApi } from '../../../../main/api';
import { dispatch } from '../../../../main/api-dispatch';
import { startHost, type RunningHost } from '../../../../main/host/start-host';
import { buildContent } from '../../../../main/library/content-build';
import { createMarginService, type MarginService } from '../../../../main/margin-service';
import { BINARY_ARGS_TYPE, encodeBinaryArgs } from '../../../../main/shared/binary-args';
import { ApiError, createHttpClient } from '../../../../renderer/http-client';
import { buildWorkers } from './built-workers';

/** A small Markdown file with a letter outside ASCII, to show the bytes arrive unchanged. */
const markdown = (title: string) =>
  new TextEncoder().encode(`# ${title}\n\nÉtude of the Sindh canal network.\n`);

let scratch: string;
let service: MarginService;
let host: RunningHost;
let client: MarginApi;

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'margin-import-transport-'));
  const bundleDir = path.join(scratch, 'bundle');
  await buildContent({ inDir: path.resolve('content'), outDir: bundleDir });
  const { importWorker } = await buildWorkers(path.join(scratch, 'workers'));
  service = await createMarginService({
    bundleDir,
    dataDir: path.join(scratch, 'data'),
    importWorker,
    syncIntervalMs: 0,
  });
  fs.mkdirSync(path.join(scratch, 'renderer'));
  host = await startHost({ api: service, rendererDir: path.join(scratch, 'renderer'), port: 0 });
  client = createHttpClient({ token: host.token, origin: `http://127.0.0.1:${host.port}` });
}, 120_000);

afterAll(async () => {
  await host?.close();
  await service?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('importDocument over HTTP (binary body) and IPC (structured clone)', () => {
  it('imports a file sent over HTTP as raw bytes, and the document reads back whole', async () => {
    const outcome = await client.importDocument({
      importId: randomUUID(),
      name: 'sindh.md',
      bytes: markdown('Sindh canals'),
    });
    expect(outcome).toMatchObject({ status: 'imported', title: 'Sindh canals' });
    if (outcome.status !== 'imported') return;
    const doc = await client.getDocument(outcome.docId);
    expect(JSON.stringify(doc)).toContain('Étude of the Sindh canal network.');
    const rows = await client.listDocuments();
    expect(rows.find((row) => row.id === outcome.docId)).toMatchObject({
      origin: 'yours',
      kind: 'markdown',
      fileName: 'sindh.md',
    });
  });

  it('sends the bytes as they are, not as base64 or a list of numbers', async () => {
    const bytes = new Uint8Array(300_000).fill(0x61);
    const body = encodeBinaryArgs([{ importId: randomUUID(), name: 'a.txt', bytes }]);
    expect(body.byteLength).toBeLessThan(bytes.byteLength + 200);
    const response = await fetch(`http://127.0.0.1:${host.port}/api/importDocument`, {
      method: 'POST',
      headers: { 'content-type': BINARY_ARGS_TYPE, 'x-margin-token': host.token },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { status: 'imported' } });
  });

  it('refuses a malformed binary body with one line, and a list of numbers in place of bytes', async () => {
    const post = (body: Uint8Array<ArrayBuffer> | string, type = BINARY_ARGS_TYPE) =>
      fetch(`http://127.0.0.1:${host.port}/api/importDocument`, {
        method: 'POST',
        headers: { 'content-type': type, 'x-margin-token': host.token },
        body,
      });
    const pointsPast = encodeBinaryArgs([
      { importId: randomUUID(), name: 'a.txt', bytes: new Uint8Array(10) },
    ]).subarray(0, 40);
    const cut = await post(pointsPast);
    expect(cut.status).toBe(400);
    expect((await cut.json()).error.message).toMatch(
      /^The binary request (ends inside its arguments|points past its bytes)\.$/,
    );
    const numbers = await post(
      JSON.stringify([{ importId: randomUUID(), name: 'a.txt', bytes: [97, 98] }]),
      'application/json',
    );
    expect((await numbers.json()).error).toEqual({
      code: 'invalid-argument',
      message: '“a.txt” did not arrive as bytes.',
    });
  });

  it('refuses a file over the limit before reading it, saying the limit', async () => {
    const error = await client
      .importDocument({
        importId: randomUUID(),
        name: 'huge.pdf',
        bytes: new Uint8Array(100 * 1024 * 1024 + 1),
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe(
      '“huge.pdf” is 100.0 MB; Margin imports files of at most 100.0 MB.',
    );
  }, 30_000);

  it('takes the arguments as IPC delivers them (a structured clone of a Uint8Array)', async () => {
    const args = structuredClone([{ importId: randomUUID(), name: 'ipc.md', bytes: markdown('Over IPC') }]);
    expect(args[0].bytes).toBeInstanceOf(Uint8Array);
    const outcome = await dispatch(service, 'importDocument', args);
    expect(outcome).toMatchObject({ status: 'imported', title: 'Over IPC' });
  });
});
