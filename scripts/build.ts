/**
 * `npm run build`: the add-in into dist/addin (served by the worker as static assets) and its
 * manifests: dist/manifest.xml for development (https://localhost:3000, or the port HTTPS_PORT names) and, with ADDIN_ORIGIN set,
 * dist/addin/manifest.xml for production with every development URL rewritten to that origin.
 *
 *   ADDIN_ORIGIN=https://chitieu.example.gov.vn npm run build
 */
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { assetsHeadersFile } from '../shared/api/headers';
import { ROOT } from './lib/d1';
import { chitieuIcon } from './lib/png';
import { functionsMetadata } from './lib/functions-metadata';

export const DEV_ORIGIN = 'https://localhost:3000';

/** The origin of the development HTTPS front: `https://localhost:3000`, or the port `HTTPS_PORT` names. */
export function devOriginFor(httpsPort: string | undefined): string {
  const port = httpsPort?.trim();
  if (!port) return DEV_ORIGIN;
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) throw new Error(`HTTPS_PORT=${port.slice(0, 20)} không phải số cổng (1–65535).`);
  return `https://localhost:${Number(port)}`;
}

export function rewriteOrigin(text: string, origin: string): string {
  return text.split(DEV_ORIGIN).join(origin.replace(/\/+$/, ''));
}

/**
 * zod re-exports every language's error messages as `z.locales`, 260 KB of which the product uses
 * two (shared/problems: Vietnamese and English): the add-in gets those two alone.
 */
const onlyOurZodLocales: Plugin = {
  name: 'only-our-zod-locales',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/node_modules/zod/') ? { path: join(args.resolveDir, args.path), namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as vi } from './vi.js'; export { default as en } from './en.js';`,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/** The chunks a page's script imports before it runs, as paths relative to the page. */
export function staticChunks(metafile: Metafile, outdir: string, entry: string): string[] {
  const rel = (path: string) => relative(outdir, resolve(ROOT, path)).split(sep).join('/');
  const output = Object.entries(metafile.outputs).find(([path]) => rel(path) === entry);
  if (!output) throw new Error(`The build made no ${entry}.`);
  return output[1].imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => rel(i.path));
}

/**
 * A page that asks for its script's chunks at once, beside the script: on a slow line the browser
 * would otherwise learn of them only once the script has arrived, a round trip later.
 */
export function withModulePreloads(html: string, chunks: readonly string[]): string {
  const links = chunks.map((c) => `    <link rel="modulepreload" href="${c}" />\n`).join('');
  const at = html.indexOf('    <script type="module"');
  if (at < 0) throw new Error('The page has no module script to preload for.');
  return html.slice(0, at) + links + html.slice(at);
}

export async function buildAddin(out = join(ROOT, 'dist'), origin = process.env.ADDIN_ORIGIN, devOrigin = devOriginFor(process.env.HTTPS_PORT)): Promise<void> {
  const addin = join(out, 'addin');
  await rm(addin, { recursive: true, force: true });
  await mkdir(join(addin, 'assets'), { recursive: true });

  // Source maps help in development; a production build (with an origin) serves none.
  const sourcemap = origin ? false : 'linked';
  const common: BuildOptions = { outdir: addin, bundle: true, platform: 'browser', target: ['es2022'], minify: true, sourcemap, legalComments: 'linked', logLevel: 'warning', plugins: [onlyOurZodLocales] };
  const pages = await build({
    ...common,
    entryPoints: { taskpane: join(ROOT, 'addin/src/taskpane/main.ts'), demo: join(ROOT, 'addin/harness/demo.ts'), signin: join(ROOT, 'addin/src/signin-page.ts'), 'auth-redirect': join(ROOT, 'addin/src/auth-redirect.ts') },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    metafile: true,
  });

  // The functions' script stands alone: outside a shared runtime Excel loads it as a classic script.
  await build({ ...common, entryPoints: { functions: join(ROOT, 'addin/src/functions/entry.ts') }, format: 'iife' });

  for (const file of ['taskpane/taskpane.css', 'index.html', 'signin.html', 'auth-redirect.html']) await copyFile(join(ROOT, 'addin/src', file), join(addin, file.split('/').pop()!));
  await copyFile(join(ROOT, 'addin/harness/demo.css'), join(addin, 'demo.css'));
  for (const [page, source] of [['taskpane', 'addin/src/taskpane/taskpane.html'], ['demo', 'addin/harness/demo.html']] as const) {
    const html = await readFile(join(ROOT, source), 'utf8');
    await writeFile(join(addin, `${page}.html`), withModulePreloads(html, staticChunks(pages.metafile, addin, `${page}.js`)));
  }
  for (const size of [16, 32, 64, 80]) await writeFile(join(addin, 'assets', `icon-${size}.png`), chitieuIcon(size));
  await writeFile(join(addin, '_headers'), assetsHeadersFile());

  const metadata = await functionsMetadata();
  const manifest = await readFile(join(ROOT, 'manifest.xml'), 'utf8');
  // The development manifest points at the HTTPS front of `npm start`, on HTTPS_PORT when it is set.
  const devManifest = rewriteOrigin(manifest, devOrigin);
  await writeFile(join(out, 'manifest.xml'), devManifest);
  await writeFile(join(addin, 'functions.json'), rewriteOrigin(metadata, origin ?? devOrigin));
  // The served manifest: production URLs when an origin is given, development ones otherwise.
  await writeFile(join(addin, 'manifest.xml'), origin ? rewriteOrigin(manifest, origin) : devManifest);
  if (origin) await writeFile(join(out, 'manifest.production.xml'), rewriteOrigin(manifest, origin));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, origin: { type: 'string' } } });
  await buildAddin(values.out, values.origin ?? process.env.ADDIN_ORIGIN);
}
