/**
 * Renderer modules that need a real DOM, loaded into a blank page of Debian's Chromium: esbuild
 * bundles them as the app build does, and a test drives them with page scripts through
 * `window.rendererModule`. No DOM is faked; the page has no network and no host.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ModulePage {
  /** Runs a script in the page (an expression, or an async IIFE) and returns its JSON-able result. */
  run<T>(script: string): Promise<T>;
  /** Errors the page threw or logged. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Opens a page with `entry` (module source with paths from the repository root, e.g.
 * `export * from './renderer/events'`) bundled into it as `window.rendererModule`.
 */
export async function openModuleInChromium(entry: string): Promise<ModulePage> {
  const bundle = await build({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: 'rendererModule',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    // Lit's decorators, as the app build compiles them.
    tsconfig: path.join(ROOT, 'renderer', 'tsconfig.json'),
  });
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.setContent('<!doctype html><html lang="en"><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  return {
    run: <T>(script: string) => page.evaluate(script) as Promise<T>,
    pageErrors,
    close: () => browser.close(),
  };
}
