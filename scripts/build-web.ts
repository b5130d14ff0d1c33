/**
 * Builds the web app into web/dist when its sources changed since the last build (a hash of the
 * inputs is kept in web/dist/.build-hash), then writes .br and .gz beside every text asset so the
 * server can send them pre-compressed to phones on slow links. `--force` rebuilds regardless.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const dist = path.join(web, 'dist');
const hashFile = path.join(dist, '.build-hash');
const INPUTS = ['web/index.html', 'web/vite.config.ts', 'web/public', 'web/src', 'package-lock.json'];

function filesUnder(relative: string): string[] {
  const full = path.join(root, relative);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [relative];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .flatMap((entry) => filesUnder(path.join(relative, entry.name)))
    .filter((f) => !/\.test\.tsx?$/.test(f));
}

function inputHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(filesUnder).sort()) {
    hash.update(file);
    hash.update(fs.readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
}

function compressAssets(dir: string): number {
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

// Always a production build (minified React without its development checks), even when called from a
// test runner that sets NODE_ENV=test.
process.env.NODE_ENV = 'production';

const hash = inputHash();
const force = process.argv.includes('--force');
if (!force && fs.existsSync(hashFile) && fs.readFileSync(hashFile, 'utf8') === hash) {
  console.log('[web] the web app is up to date (web/dist)');
} else {
  const started = Date.now();
  console.log('[web] building the web app into web/dist …');
  await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  const compressed = compressAssets(dist);
  fs.writeFileSync(hashFile, hash);
  console.log(
    `[web] built in ${((Date.now() - started) / 1000).toFixed(1)} s (${compressed} files pre-compressed)`,
  );
}
