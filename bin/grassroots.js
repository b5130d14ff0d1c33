#!/usr/bin/env node
// The `grassroots` command: runs the server compiled into dist/, compiling it first when the sources
// changed since the last build (scripts/build.js reads a stamp: milliseconds when nothing changed).
import { ensureServerBuild } from '../scripts/build.js';

ensureServerBuild();
await import('../dist/src/cli.js');
