/**
 * The folder the electronegativity gate scans: the code that ships, in a form the tool can read.
 *
 * - dist/main (app, preload, search worker) and dist/renderer/index.html are copied as built.
 * - dist/renderer/main.js is rebuilt from the same entry point without minifying and with syntax
 *   lowered to ES2021: the shipped bundle uses class static blocks (`static { … }`, from Lit
 *   components' static fields), which electronegativity's AST walker rejects ("Unknown node type
 *   StaticBlock"), and a file it cannot walk is a file it did not check. Same sources, same
 *   bundler; only the syntax level differs.
 * - package.json names the Electron version the checks assume.
 * The content bundle is data, not code, and stays out so that the scan stays quick.
 */
import { build } from 'esbuild';
import { copyFile, cp, mkdir } from 'node:fs/promises';
import path from 'node:path';

/** Rebuilds the renderer like build/build-app.ts does, minus minification, at ES2021. */
export async function buildReadableRenderer(projectDir: string, outfile: string): Promise<void> {
  await build({
    absWorkingDir: projectDir,
    entryPoints: ['renderer/main.ts'],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2021',
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    tsconfig: 'renderer/tsconfig.json',
  });
}

export async function collectGateInput(projectDir: string, outDir: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  await cp(path.join(projectDir, 'dist', 'main'), path.join(outDir, 'dist', 'main'), { recursive: true });
  await cp(path.join(projectDir, 'dist', 'renderer'), path.join(outDir, 'dist', 'renderer'), {
    recursive: true,
    filter: (source) => path.basename(source) !== 'main.js',
  });
  await buildReadableRenderer(projectDir, path.join(outDir, 'dist', 'renderer', 'main.js'));
  await copyFile(path.join(projectDir, 'package.json'), path.join(outDir, 'package.json'));
  return outDir;
}
