/**
 * The renderer's Content-Security-Policy, enforced by a real Chromium on the real built renderer,
 * served by the built browser host (which sends the same SECURITY_HEADERS as the app:// protocol).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/security';
import { startHostProcess, type HostProcess } from '../main/host/run-host';
import { DIST_DIR, requireBuiltApp } from './built-app';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

/**
 * The little of the page's DOM these tests touch. The Node-side tsconfig has no DOM library, and
 * these functions run in Chromium, where `globalThis` is the page's window.
 */
interface PageElement {
  textContent: string | null;
  src: string;
  href: string;
  setAttribute(name: string, value: string): void;
  click(): void;
  children: { length: number };
  append(child: PageElement): void;
}
interface PageGlobals {
  __cspViolations?: Violation[];
  __pwned?: boolean;
  __pwnedByHandler?: boolean;
  __pwnedByUrl?: boolean;
  document: {
    head: PageElement;
    body: PageElement | null;
    createElement(tag: string): PageElement;
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: { effectiveDirective: string; blockedURI: string; sample: string }) => void,
    ): void;
  };
}

describe('the renderer Content-Security-Policy in Chromium', () => {
  let dataDir: string;
  let host: HostProcess;
  let browser: Browser;
  let page: Page;
  let policySent: string | undefined;

  beforeAll(async () => {
    requireBuiltApp();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'margin-csp-'));
    host = await startHostProcess(['--port', '0', '--data', dataDir]);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    // Registered before any page script runs, so violations during the normal load count too.
    await page.addInitScript(() => {
      const window = globalThis as unknown as PageGlobals;
      window.__cspViolations = [];
      window.document.addEventListener('securitypolicyviolation', (event) => {
        window.__cspViolations?.push({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          sample: event.sample,
        });
      });
    });
    const response = await page.goto(host.url, { waitUntil: 'load' });
    policySent = response?.headers()['content-security-policy'];
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const violations = (): Promise<Violation[]> =>
    page.evaluate(() => (globalThis as unknown as PageGlobals).__cspViolations ?? []);

  it('is sent with the page, the same policy the app:// protocol sends', () => {
    expect(policySent).toBe(CONTENT_SECURITY_POLICY);
  });

  it('repeats the policy in the page itself, minus frame-ancestors, which only a header can carry', async () => {
    const html = await readFile(path.join(DIST_DIR, 'renderer', 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1];
    const headerWithoutFrameAncestors = CONTENT_SECURITY_POLICY.split('; ')
      .filter((directive) => !directive.startsWith('frame-ancestors'))
      .join('; ');
    expect(meta).toBe(headerWithoutFrameAncestors);
  });

  it('lets the real renderer load without tripping its own policy', async () => {
    await page.waitForFunction(() => {
      const body = (globalThis as unknown as PageGlobals).document.body;
      return body !== null && body.children.length > 0;
    });
    expect(await violations()).toEqual([]);
  });

  it('does not run an injected inline script, an inline event handler, a javascript: URL or a remote script', async () => {
    await page.evaluate(injectAttacks, { remote: true });
    // Both the header and the <meta> policy are enforced, so each block may be reported twice.
    const distinct = async (): Promise<string[]> =>
      [
        ...new Set((await violations()).map((violation) => `${violation.directive} ${violation.blocked}`)),
      ].sort();
    await expect
      .poll(distinct, { timeout: 5_000 })
      .toEqual([
        'script-src-attr inline',
        'script-src-elem https://example.invalid/payload.js',
        'script-src-elem inline',
      ]);
    expect(await page.evaluate(readAttackResults)).toEqual({ inline: false, handler: false, url: false });
  });

  it('would run the same injections on a page without the policy (the control for the test above)', async () => {
    const unprotected = await browser.newPage();
    try {
      await unprotected.setContent('<!doctype html><title>No policy</title><body><p>control</p></body>');
      await unprotected.evaluate(injectAttacks, { remote: false });
      await expect
        .poll(() => unprotected.evaluate(readAttackResults), { timeout: 5_000 })
        .toEqual({ inline: true, handler: true, url: true });
    } finally {
      await unprotected.close();
    }
  });
});

/** Runs in the page: the three classic script injections, and optionally a remote script. */
function injectAttacks({ remote }: { remote: boolean }): void {
  const { document } = globalThis as unknown as PageGlobals & { document: { body: PageElement } };
  const inline = document.createElement('script');
  inline.textContent = 'window.__pwned = true;';
  document.head.append(inline);

  const image = document.createElement('img');
  image.setAttribute('onerror', 'window.__pwnedByHandler = true;');
  image.src = 'data:image/png;base64,broken';
  document.body.append(image);

  const link = document.createElement('a');
  link.href = 'javascript:window.__pwnedByUrl = true';
  document.body.append(link);
  link.click();

  if (remote) {
    const script = document.createElement('script');
    script.src = 'https://example.invalid/payload.js';
    document.head.append(script);
  }
}

/** Runs in the page: which of the injections ran. */
function readAttackResults(): { inline: boolean; handler: boolean; url: boolean } {
  const window = globalThis as unknown as PageGlobals;
  return {
    inline: window.__pwned === true,
    handler: window.__pwnedByHandler === true,
    url: window.__pwnedByUrl === true,
  };
}
