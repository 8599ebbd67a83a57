/**
 * Starts the built browser host (`dist/host/serve.js`, built by `npm run build`) as a child process,
 * the way a reader runs it, and reads the address it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const SERVE_SCRIPT = path.resolve(__dirname, '../../../dist/host/serve.js');
const ADDRESS_LINE = /^Margin is serving at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{64}))$/m;

export interface HostProcess {
  child: ChildProcess;
  url: string;
  port: number;
  token: string;
  output: () => string;
  stop(): Promise<number | null>;
}

/** Resolves once the host prints its address; rejects with its output if it exits first. */
export function startHostProcess(args: string[]): Promise<HostProcess> {
  const child = spawn(process.execPath, [SERVE_SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = ADDRESS_LINE.exec(output);
      if (!match) return;
      resolve({
        child,
        url: match[1],
        port: Number(match[2]),
        token: match[3],
        output: () => output,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`the host exited (${code}) before serving:\n${output}`)));
  });
}

/** Runs the host to completion (for launches that must fail) and returns its exit code and output. */
export function runHostToExit(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [SERVE_SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends a request byte for byte over a socket. `fetch` and `http.request` normalise or refuse odd
 * paths (`..`, backslashes, NUL), which is exactly what an attacker's client would not do.
 */
export function rawRequest(port: number, head: string, body = ''): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [headerBlock, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = headerBlock.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.write(`${head}\r\nConnection: close\r\n\r\n${body}`, 'binary');
  });
}

export function rawGet(port: number, rawPath: string, host = `127.0.0.1:${port}`): Promise<RawResponse> {
  return rawRequest(port, `GET ${rawPath} HTTP/1.1\r\nHost: ${host}`);
}

/** Calls the API as the renderer does: POST /api/<method>, JSON array, token header. */
export async function callApi(
  host: { port: number; token: string },
  method: string,
  args: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; text: string }> {
  const response = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-margin-token': host.token, ...headers },
    body: typeof args === 'string' ? args : JSON.stringify(args),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, body, text };
}
