import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { wrapPGlite } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { openPGlite } from '../../src/platform/db/pglite.ts';
import { adminUrl, createTemplateDatabase, dropDatabase, serverAnswers } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tarball of a migrated PGlite: each test file starts from a copy (fast, isolated). */
    pgliteTemplate: string;
    /** A migrated database on the server to copy per test file, or '' when the server leg is skipped. */
    pgTemplate: string;
  }
}

/**
 * Prepares both engines once per run: a migrated PGlite dump, and a migrated template database on the
 * PostgreSQL server. Outside CI a missing server skips that leg with a printed line; with CI=true it fails.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grassroots-test-'));
  // The two engines are prepared side by side: PGlite migrates in this process while the server
  // migrates its template in its own (about half the setup's wall time on two cores).
  const [tarball, pgTemplate] = await Promise.all([migratedPGlite(dir), migratedServerTemplate()]);
  project.provide('pgliteTemplate', tarball);
  project.provide('pgTemplate', pgTemplate);

  return async () => {
    if (pgTemplate) await dropDatabase(pgTemplate);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

/** A migrated PGlite, dumped to a tarball in `dir`; resolves with the tarball's path. */
async function migratedPGlite(dir: string): Promise<string> {
  const pglite = await openPGlite(undefined);
  const handle = wrapPGlite(pglite);
  await migrateToLatest(handle.db);
  const dump = await pglite.dumpDataDir('none');
  const tarball = path.join(dir, 'template.tar');
  fs.writeFileSync(tarball, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  return tarball;
}

/** A migrated template database on the server, or '' when the leg is skipped (never with CI=true). */
async function migratedServerTemplate(): Promise<string> {
  if (await serverAnswers()) {
    const name = `grassroots_tpl_${process.pid}_${Date.now()}`;
    await createTemplateDatabase(name);
    return name;
  }
  if (process.env.CI === 'true') {
    throw new Error(
      `CI=true but no PostgreSQL server answers at ${adminUrl()}: the server leg of the tests cannot run`,
    );
  }
  console.log(
    `\n[tests] No PostgreSQL server answers at ${adminUrl()}: skipping the server leg (embedded only).\n`,
  );
  return '';
}
