// @ts-check
/**
 * Builds what the product runs, each part only when its inputs changed since its last build:
 * - the server: the TypeScript of src/ and migrations/ bundled by Rolldown (Vite's bundler) into
 *   dist/cli.js and its chunks (one per lazily imported part, so `--help` loads none of the server),
 *   so a start runs plain JavaScript, transpiles nothing, and reads a few files instead of about a
 *   thousand: typebox and kysely, published as hundreds of small ES modules each, are bundled in;
 *   every other package stays in node_modules as it is (CommonJS packages, native binaries, PGlite's
 *   WebAssembly, packages that serve files from their own folder);
 * - the web app: web/ built by Vite into web/dist, with .br and .gz beside every text asset so the
 *   server can send them pre-compressed to phones on slow links.
 *
 * "Changed" is read from a stamp, not from the files' content: each build records the newest
 * modification time among its inputs (files and folders, so an added or deleted file counts too) and
 * how many there are; a start compares those two numbers with a walk of the input folders, which
 * takes milliseconds. The web app's inputs include the files under src/ its bundle took in. A git checkout, a pull or an edit all give the files they touch a new time.
 *
 * Plain JavaScript on purpose: it runs before anything is compiled.
 *
 * Usage: node scripts/build.js [server|web] [--force]   (both parts by default)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_OUT = path.join(root, 'dist');
const SERVER_INPUTS = ['src', 'migrations', 'package-lock.json'];
/** The packages bundled into the server (see above); any other import of a package stays an import. */
const BUNDLED_PACKAGES = /^(typebox|kysely)(\/|$)/;
const WEB_OUT = path.join(root, 'web', 'dist');
const WEB_INPUTS = ['web/index.html', 'web/vite.config.ts', 'web/public', 'web/src', 'package-lock.json'];
const STAMP = '.build-stamp';
/** Tests do not go into either build: editing one rebuilds nothing. */
const isTest = (/** @type {string} */ name) => /\.test\.tsx?$/.test(name);

/**
 * The newest modification time among the inputs and how many there are, as one comparable string.
 * @param {string[]} inputs paths relative to the project
 */
export function inputStamp(inputs) {
  let newest = 0;
  let count = 0;
  const visit = (/** @type {string} */ full) => {
    let stat;
    try {
      stat = fs.statSync(full);
    } catch {
      return; // an optional input (web/public) that is not there
    }
    newest = Math.max(newest, stat.mtimeMs);
    count++;
    if (!stat.isDirectory()) return;
    for (const entry of fs.readdirSync(full)) if (!isTest(entry)) visit(path.join(full, entry));
  };
  for (const input of inputs) visit(path.join(root, input));
  return JSON.stringify({ newest, count });
}

/**
 * What the last build in `out` recorded: its inputs' stamp and, for the web app, the files outside
 * web/ that the bundle took in (shared code under src/), which are inputs as well.
 * @param {string} out the build's folder
 * @returns {{ inputs: string, extra: string[] } | undefined}
 */
function readStamp(out) {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(out, STAMP), 'utf8'));
    // Anything else (no stamp, another format) means: build.
    return typeof stamp?.inputs === 'string' && Array.isArray(stamp.extra) ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @param {string} out
 * @param {string[]} inputs
 * @param {string[]} [extra]
 */
const writeStamp = (out, inputs, extra = []) =>
  fs.writeFileSync(
    path.join(out, STAMP),
    JSON.stringify({ inputs: inputStamp([...inputs, ...extra]), extra }),
  );

/**
 * Bundles the server into dist/ unless its stamp says the sources did not change. Types are not
 * checked here (`npm run check` and the tests do that); syntax errors stop it. It builds into a new
 * folder and swaps it in, so a process starting meanwhile never sees half a build, and a deleted
 * source leaves nothing stale behind. Rolldown is loaded only when there is something to build.
 * @param {{ force?: boolean }} [options]
 */
export async function ensureServerBuild({ force = false } = {}) {
  if (!force && readStamp(SERVER_OUT)?.inputs === inputStamp(SERVER_INPUTS)) return;
  const started = Date.now();
  console.error('[build] bundling the server into dist/ …');
  const next = `${SERVER_OUT}.next-${process.pid}`;
  try {
    const { build } = await import('rolldown');
    await build({
      cwd: root,
      input: { cli: 'src/cli.ts' },
      platform: 'node',
      external: (id) => !/^[./]/.test(id) && !BUNDLED_PACKAGES.test(id),
      logLevel: 'warn',
      output: {
        dir: next,
        format: 'esm',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    });
  } catch (err) {
    fs.rmSync(next, { recursive: true, force: true });
    console.error(`[build] the server did not build: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
  writeStamp(next, SERVER_INPUTS);
  const old = `${SERVER_OUT}.old-${process.pid}`;
  if (fs.existsSync(SERVER_OUT)) fs.renameSync(SERVER_OUT, old);
  fs.renameSync(next, SERVER_OUT);
  fs.rmSync(old, { recursive: true, force: true });
  console.error(`[build] server bundled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Writes NAME.gz and NAME.br beside every text asset of 1 KB or more under dir; returns how many.
 * @param {string} dir
 * @returns {number}
 */
function compressAssets(dir) {
  let count = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      count += compressAssets(file);
      continue;
    }
    if (!/\.(js|css|html|svg|json)$/.test(entry.name)) continue;
    const content = fs.readFileSync(file);
    if (content.length < 1024) continue;
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    count++;
  }
  return count;
}

/**
 * The project files outside web/ that the bundle holds (code the web app shares with the server),
 * read from the bundle's chunks.
 * @param {unknown} result what Vite's build resolved with
 * @returns {string[]} paths relative to the project
 */
function sharedSources(result) {
  const outputs = /** @type {{ output?: { type: string, moduleIds?: string[] }[] }[]} */ (
    Array.isArray(result) ? result : [result]
  );
  const ids = outputs
    .flatMap((o) => o.output ?? [])
    .flatMap((c) => (c.type === 'chunk' ? (c.moduleIds ?? []) : []));
  const files = ids
    .filter((id) => path.isAbsolute(id))
    .map((id) => path.relative(root, id.split('?')[0] ?? id))
    .filter((rel) => !rel.startsWith('..') && !rel.startsWith('node_modules') && !rel.startsWith('web'));
  return [...new Set(files)].sort();
}

/**
 * Builds the web app into web/dist unless its stamp says web/ did not change. Vite is loaded only
 * when there is something to build.
 * @param {{ force?: boolean }} [options]
 */
export async function ensureWebBuild({ force = false } = {}) {
  const last = readStamp(WEB_OUT);
  if (!force && last && last.inputs === inputStamp([...WEB_INPUTS, ...last.extra])) {
    console.log('[web] the web app is up to date (web/dist)');
    return;
  }
  const started = Date.now();
  console.log('[web] building the web app into web/dist …');
  // Always a production build (minified React without its development checks), even when called
  // from a test runner that sets NODE_ENV=test.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  const result = await build({
    configFile: path.join(root, 'web/vite.config.ts'),
    logLevel: 'warn',
    mode: 'production',
  });
  const compressed = compressAssets(WEB_OUT);
  writeStamp(WEB_OUT, WEB_INPUTS, sharedSources(result));
  console.log(
    `[web] built in ${((Date.now() - started) / 1000).toFixed(1)} s (${compressed} files pre-compressed)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const part = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const force = process.argv.includes('--force');
  if (part !== undefined && part !== 'server' && part !== 'web') {
    console.error('Usage: node scripts/build.js [server|web] [--force]');
    process.exit(2);
  }
  if (part !== 'web') await ensureServerBuild({ force });
  if (part !== 'server') await ensureWebBuild({ force });
}
