import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/security';
import { callApi, rawGet, rawRequest, runHostToExit, startHostProcess, type HostProcess } from './run-host';

const DOC_ID = 'security-concerns-impede-china-pakistan-relations';

describe('browser host (dist/host/serve.js)', () => {
  let dataDir: string;
  let host: HostProcess;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'margin-host-'));
    host = await startHostProcess(['--port', '0', '--data', dataDir]);
  });

  afterAll(async () => {
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints its address on 127.0.0.1 with a 64-hex-digit token', () => {
    expect(host.output()).toMatch(
      new RegExp(`^Margin is serving at http://127\\.0\\.0\\.1:${host.port}/\\?token=${host.token}$`, 'm'),
    );
    expect(host.port).toBeGreaterThan(0);
  });

  describe('the token', () => {
    it.each<[string, Record<string, string>]>([
      ['no token', {}],
      ['a wrong token', { 'x-margin-token': 'f'.repeat(64) }],
      ['a token one character short', {}],
      ['an empty token', { 'x-margin-token': '' }],
    ])('answers a call with %s with 401 and nothing else', async (label, headers) => {
      const sent =
        label === 'a token one character short' ? { 'x-margin-token': host.token.slice(0, -1) } : headers;
      const response = await fetch(`http://127.0.0.1:${host.port}/api/listDocuments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...sent },
        body: '[]',
      });
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('');
    });

    it('answers 401 before revealing whether a method exists', async () => {
      const known = await rawRequest(
        host.port,
        `POST /api/getDocument HTTP/1.1\r\nHost: 127.0.0.1:${host.port}`,
      );
      const unknown = await rawRequest(
        host.port,
        `POST /api/nothingHere HTTP/1.1\r\nHost: 127.0.0.1:${host.port}`,
      );
      const deeper = await rawRequest(host.port, `POST /api/a/b HTTP/1.1\r\nHost: 127.0.0.1:${host.port}`);
      for (const response of [known, unknown, deeper]) {
        expect(response.status).toBe(401);
        expect(response.body).toBe('');
      }
    });
  });

  describe('static files', () => {
    it('serves the renderer page at / with the strict CSP and safe headers', async () => {
      const response = await fetch(`http://127.0.0.1:${host.port}/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(await response.text()).toMatch(/<script[^>]+src="[^"]*main\.js"/);
    });

    it('serves the bundled script as JavaScript', async () => {
      const response = await fetch(`http://127.0.0.1:${host.port}/main.js`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    });

    const escapes = [
      '/../package.json',
      '/../../package.json',
      '/../content/library.json',
      '/..%2fcontent%2flibrary.json',
      '/..%2Fcontent/library.json',
      '/%2e%2e/content/library.json',
      '/%2E%2E/content/library.json',
      '/%2e%2e%2fcontent%2flibrary.json',
      '/.%2e/content/library.json',
      '/%252e%252e/content/library.json',
      '/%252e%252e%252fcontent%252flibrary.json',
      '/%c0%ae%c0%ae/content/library.json',
      '/..%5ccontent%5clibrary.json',
      '/..\\content\\library.json',
      '/%5c..%5ccontent%5clibrary.json',
      '//etc/passwd',
      '/%2fetc%2fpasswd',
      '/C:/Windows/win.ini',
      '/index.html%00.js',
      '/.env',
      '/./index.html',
      '/assets/../../content/library.json',
      '/main.js/..',
      '/nothing-here.js',
    ];
    it.each(escapes)('refuses %s with 404', async (rawPath) => {
      const response = await rawGet(host.port, rawPath);
      expect(response.status).toBe(404);
      expect(response.body).toBe('Not found');
    });

    it('refuses a literal NUL in the path without serving anything', async () => {
      const response = await rawGet(host.port, '/index.html\0');
      expect([400, 404]).toContain(response.status);
      expect(response.body).not.toMatch(/<html|<!doctype/i);
    });

    it('refuses a request for another host name (DNS rebinding)', async () => {
      const response = await rawGet(host.port, '/', `evil.example:${host.port}`);
      expect(response.status).toBe(403);
      expect(response.body).not.toMatch(/<html|<!doctype/i);
    });

    it('refuses writes to static files', async () => {
      const response = await rawRequest(
        host.port,
        `PUT /index.html HTTP/1.1\r\nHost: 127.0.0.1:${host.port}`,
      );
      expect(response.status).toBe(405);
    });
  });

  describe('links back (/open/<doc>?annotation=<id>)', () => {
    const ID = 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e';

    it('sends a link on to the app, which opens it after its own token flow, without the token', async () => {
      const response = await rawGet(host.port, `/open/${DOC_ID}?annotation=${ID}`);
      expect(response.status).toBe(302);
      expect(response.headers.location).toBe(`/#/open/${DOC_ID}/${encodeURIComponent(ID)}`);
      expect(response.headers.location).not.toContain(host.token);
      const toDocument = await rawGet(host.port, `/open/${DOC_ID}`);
      expect(toDocument.headers.location).toBe(`/#/open/${DOC_ID}`);
    });

    it.each([
      '/open/../index.html',
      '/open/%2e%2e/secrets',
      `/open/${DOC_ID}?annotation=javascript:alert(1)`,
      `/open/${DOC_ID}?annotation=${ID}&token=x`,
      `/open/${'a'.repeat(600)}`,
      '/open/',
    ])('refuses %s with 400 and one line saying why', async (rawPath) => {
      const response = await rawGet(host.port, rawPath);
      expect(response.status).toBe(400);
      expect(response.body).toMatch(/^[A-Z][^\n]+\.\n$/);
      expect(response.headers.location).toBeUndefined();
    });
  });

  describe('the API', () => {
    it('lists the library and opens a document', async () => {
      const list = await callApi(host, 'listDocuments', []);
      expect(list.status).toBe(200);
      const documents = (
        list.body as { ok: true; value: { id: string; title: string; annotationCount: number }[] }
      ).value;
      expect(documents.map((doc) => doc.id)).toContain(DOC_ID);
      expect(documents.find((doc) => doc.id === DOC_ID)?.annotationCount).toBe(0);

      const opened = await callApi(host, 'getDocument', [DOC_ID]);
      expect(opened.status).toBe(200);
      const document = (opened.body as { value: { id: string; title: string; sections: unknown[] } }).value;
      expect(document.id).toBe(DOC_ID);
      expect(document.title).toMatch(/Security Concerns/i);
      expect(document.sections.length).toBeGreaterThan(1);
    });

    it('finds "Gwadar" in the commentary, with the word marked in a passage', async () => {
      type Found = {
        status: string;
        complete: boolean;
        groups: { docId: string; passages: { snippet: { text: string; mark: boolean }[] }[] }[];
      };
      // Titles and headings answer while the full text loads (complete: false); the renderer asks again
      // once it is loaded, and so does this test (the body is not in a title: only the full text finds it).
      let results: Found | undefined;
      for (const deadline = Date.now() + 30_000; !results?.complete && Date.now() < deadline; ) {
        if (results) await new Promise((resolve) => setTimeout(resolve, 50));
        const found = await callApi(host, 'search', ['Gwadar']);
        expect(found.status).toBe(200);
        results = (found.body as { value: Found }).value;
      }
      if (!results) throw new Error('no answer');
      expect(results.status).toBe('ok');
      expect(results.complete).toBe(true);
      expect(results.groups[0].docId).toBe(DOC_ID);
      const marked = results.groups[0].passages.flatMap((passage) =>
        passage.snippet.filter((part) => part.mark),
      );
      expect(marked.map((part) => part.text.toLowerCase())).toContain('gwadar');
    });

    it('answers a missing document with 404 and its message', async () => {
      const missing = await callApi(host, 'getDocument', ['no-such-document']);
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ ok: false, error: { code: 'not-found' } });
    });

    it('refuses an unknown method with 400', async () => {
      const response = await callApi(host, 'dropAllTables', []);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        ok: false,
        error: { code: 'invalid-argument', message: 'Unknown method "dropAllTables".' },
      });
    });

    it('refuses a highlight with a bad range with 400, and saves nothing', async () => {
      for (const range of [
        { start: 10, end: 2 },
        { start: -5, end: 2 },
        { start: 'a', end: 2 },
      ]) {
        const response = await callApi(host, 'createAnnotation', [{ docId: DOC_ID, range, color: 'yellow' }]);
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
        expect((response.body as { error: { message: string } }).error.message).toMatch(/range/);
      }
      const listed = await callApi(host, 'listAnnotations', [DOC_ID]);
      expect(listed.body).toEqual({ ok: true, value: [] });
      const all = await callApi(host, 'listAllAnnotations', []);
      expect(all.body).toEqual({ ok: true, value: [] });
    });

    it('refuses bad preferences with 400 and keeps the ones saved', async () => {
      const before = await callApi(host, 'getPreferences', []);
      const response = await callApi(host, 'setPreferences', [{ theme: 'dark', fontSize: 400 }]);
      expect(response.status).toBe(400);
      expect((response.body as { error: { message: string } }).error.message).toMatch(/fontSize/);
      expect((await callApi(host, 'getPreferences', [])).body).toEqual(before.body);
    });

    it('refuses a body that is not a JSON list, not JSON, or not sent as JSON', async () => {
      expect((await callApi(host, 'getDocument', { id: DOC_ID })).status).toBe(400);
      expect((await callApi(host, 'getDocument', '[not json')).status).toBe(400);
      const asText = await callApi(host, 'getStatus', '[]', { 'content-type': 'text/plain' });
      expect(asText.status).toBe(415);
    });

    it('refuses a body over the size limit with 413', async () => {
      const response = await callApi(host, 'search', [`${'x'.repeat(3 * 1024 * 1024)}`]);
      expect(response.status).toBe(413);
    });

    it('takes API calls by POST only', async () => {
      const response = await fetch(`http://127.0.0.1:${host.port}/api/getStatus`, {
        headers: { 'x-margin-token': host.token },
      });
      expect(response.status).toBe(405);
    });

    it('refuses a call from a page of another origin, and takes one from its own page', async () => {
      const response = await callApi(host, 'getStatus', [], { origin: 'https://evil.example' });
      expect(response.status).toBe(403);
      expect(response.text).not.toMatch(/version/);
      const own = await callApi(host, 'getStatus', [], { origin: `http://127.0.0.1:${host.port}` });
      expect(own.status).toBe(200);
    });

    it('answers to localhost as well as 127.0.0.1', async () => {
      const response = await rawGet(host.port, '/', `localhost:${host.port}`);
      expect(response.status).toBe(200);
    });

    it('keeps a highlight, counts it in the library, and refuses a non-https link', async () => {
      const created = await callApi(host, 'createAnnotation', [
        { docId: DOC_ID, range: { start: 0, end: 8 }, color: 'green' },
      ]);
      expect(created.status).toBe(200);
      const list = (await callApi(host, 'listDocuments', [])).body as {
        value: { id: string; annotationCount: number }[];
      };
      expect(list.value.find((doc) => doc.id === DOC_ID)?.annotationCount).toBe(1);

      const link = await callApi(host, 'openExternal', ['javascript:alert(1)']);
      expect(link.status).toBe(400);
      expect((await callApi(host, 'openExternal', ['https://www.rcas.org.pk/'])).body).toEqual({
        ok: true,
        value: false,
      });
    });
  });

  describe('the store lock', () => {
    it('refuses a second host on the same data folder, and lets one start (with a new token) after the first stops', async () => {
      const second = await runHostToExit(['--port', '0', '--data', dataDir]);
      expect(second.code).not.toBe(0);
      expect(second.output).not.toMatch(/Margin is serving/);

      const code = await host.stop();
      expect(code).toBe(0);
      const oldToken = host.token;
      host = await startHostProcess(['--port', '0', '--data', dataDir]);
      expect(host.token).not.toBe(oldToken);
      expect((await callApi({ port: host.port, token: oldToken }, 'getStatus', [])).status).toBe(401);
      const annotations = await callApi(host, 'listAllAnnotations', []);
      expect((annotations.body as { value: unknown[] }).value).toHaveLength(1);
    });
  });
});

describe('npm run serve options', () => {
  it('refuses a port that is not a number', async () => {
    const result = await runHostToExit(['--port', 'eighty']);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/--port must be a number/);
  });

  it('says so clearly when the port is taken', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'margin-host-data-'));
    try {
      const result = await runHostToExit(['--port', String(port), '--data', dataDir]);
      expect(result.code).toBe(1);
      expect(result.output).toMatch(new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`));
    } finally {
      taken.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('builds a content folder given with --content and serves it', async () => {
    const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'margin-content-src-'));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'margin-host-data-'));
    fs.writeFileSync(
      path.join(contentDir, 'a-short-note.md'),
      [
        '---',
        'title: A Short Note',
        'authors: [Test Author]',
        'date: 2024-01-02',
        '---',
        '',
        '## First',
        '',
        'Ports and roads.',
        '',
      ].join('\n'),
    );
    const host = await startHostProcess(['--port', '0', '--content', contentDir, '--data', dataDir]);
    try {
      const list = (await callApi(host, 'listDocuments', [])).body as {
        value: { id: string; title: string }[];
      };
      expect(list.value.map((doc) => doc.title)).toEqual(['A Short Note']);
    } finally {
      await host.stop();
      fs.rmSync(contentDir, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
