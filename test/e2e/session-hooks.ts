/**
 * The vitest hooks most end-to-end specs share. Kept apart from the harness, which has no vitest import,
 * so that the benchmarks can start a host and a browser with the same code.
 */
import { afterAll, beforeAll } from 'vitest';
import { openBrowser, startHost, type BrowserSession, type HostOptions, type MarginHost } from './harness';

export interface HostAndBrowser {
  /** The running host; read it inside a test or hook, not when the describe block is collected. */
  readonly host: MarginHost;
  /** The open browser; read it inside a test or hook, not when the describe block is collected. */
  readonly browser: BrowserSession;
}

/**
 * Registers the hooks that most specs share, in the describe block that calls it: one host and one
 * browser for all its tests, started before the first and closed after the last (browser first).
 */
export function useHostAndBrowser(options: { host?: HostOptions } = {}): HostAndBrowser {
  let host: MarginHost | undefined;
  let browser: BrowserSession | undefined;

  beforeAll(async () => {
    host = await startHost(options.host);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  return {
    get host(): MarginHost {
      if (!host) throw new Error('The host is not running: use it inside a test or hook.');
      return host;
    },
    get browser(): BrowserSession {
      if (!browser) throw new Error('The browser is not open: use it inside a test or hook.');
      return browser;
    },
  };
}
