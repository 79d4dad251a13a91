/**
 * `npm run build`: the add-in into dist/addin (served by the worker as static assets) and its
 * manifests: dist/manifest.xml for development (https://localhost:3000) and, with ADDIN_ORIGIN set,
 * dist/addin/manifest.xml for production with every development URL rewritten to that origin.
 *
 *   ADDIN_ORIGIN=https://chitieu.example.gov.vn npm run build
 */
import { build, type BuildOptions } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { assetsHeadersFile } from '../shared/api/headers';
import { ROOT } from './lib/d1';
import { chitieuIcon } from './lib/png';
import { functionsMetadata } from './lib/functions-metadata';

export const DEV_ORIGIN = 'https://localhost:3000';

export function rewriteOrigin(text: string, origin: string): string {
  return text.split(DEV_ORIGIN).join(origin.replace(/\/+$/, ''));
}

export async function buildAddin(out = join(ROOT, 'dist'), origin = process.env.ADDIN_ORIGIN): Promise<void> {
  const addin = join(out, 'addin');
  await rm(addin, { recursive: true, force: true });
  await mkdir(join(addin, 'assets'), { recursive: true });

  // Source maps help in development; a production build (with an origin) serves none.
  const sourcemap = origin ? false : 'linked';
  const common: BuildOptions = { outdir: addin, bundle: true, platform: 'browser', target: ['es2022'], minify: true, sourcemap, legalComments: 'linked', logLevel: 'warning' };
  await build({
    ...common,
    entryPoints: { taskpane: join(ROOT, 'addin/src/taskpane/main.ts'), demo: join(ROOT, 'addin/harness/demo.ts') },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
  });

  // The functions' script stands alone: outside a shared runtime Excel loads it as a classic script.
  await build({ ...common, entryPoints: { functions: join(ROOT, 'addin/src/functions/entry.ts') }, format: 'iife' });

  for (const file of ['taskpane/taskpane.html', 'taskpane/taskpane.css', 'index.html']) {
    await copyFile(join(ROOT, 'addin/src', file), join(addin, file.split('/').pop()!));
  }
  for (const file of ['demo.html', 'demo.css']) await copyFile(join(ROOT, 'addin/harness', file), join(addin, file));
  for (const size of [16, 32, 64, 80]) await writeFile(join(addin, 'assets', `icon-${size}.png`), chitieuIcon(size));
  await writeFile(join(addin, '_headers'), assetsHeadersFile());

  const metadata = await functionsMetadata();
  const manifest = await readFile(join(ROOT, 'manifest.xml'), 'utf8');
  await writeFile(join(out, 'manifest.xml'), manifest);
  await writeFile(join(addin, 'functions.json'), origin ? rewriteOrigin(metadata, origin) : metadata);
  // The served manifest: production URLs when an origin is given, development ones otherwise.
  await writeFile(join(addin, 'manifest.xml'), origin ? rewriteOrigin(manifest, origin) : manifest);
  if (origin) await writeFile(join(out, 'manifest.production.xml'), rewriteOrigin(manifest, origin));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, origin: { type: 'string' } } });
  await buildAddin(values.out, values.origin ?? process.env.ADDIN_ORIGIN);
}
