#!/usr/bin/env node
// The `grassroots` command: runs the server bundled into dist/, bundling it first when the sources
// changed since the last build (scripts/build.js reads a stamp: milliseconds when nothing changed).
// `serve` also builds the web app when its sources changed, so `npm start` is this one process.
import { ensureServerBuild, ensureWebBuild } from '../scripts/build.js';

await ensureServerBuild();
if (process.argv[2] === 'serve') await ensureWebBuild();
await import('../dist/cli.js');
