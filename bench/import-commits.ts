/**
 * `npm run bench:import-commits`: what durable batch commits cost a CSV import. The same residents file
 * is imported into a fresh database twice per engine: with each batch committed durably (what the
 * import does: a reported batch survives kill -9) and with `synchronous_commit = off` on each batch
 * and one durable commit at the end (what it did before: faster, but on PGlite a kill -9 lost
 * batches already reported saved). Each is run twice, alternating; prints the best rows/s of each.
 *
 *   npm run bench:import-commits -- --rows 40000
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { residentImport } from '../src/modules/residents/index.ts';
import { readCsvFile } from '../src/platform/csv/csv-stream.ts';
import { type BatchTransaction, runImport } from '../src/platform/csv/import-runner.ts';
import type { Db } from '../src/platform/db/database.ts';
import { loadProfile } from '../src/platform/profile.ts';
import {
  embeddedFaultEngine,
  type FaultEngine,
  migratedPGliteDump,
  postgresFaultEngine,
  residentsFile,
} from '../test/fuzz/import-faults.ts';
import { createTemplateDatabase, dropDatabase, serverAnswers } from '../test/support/postgres-server.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '40000' } } });
const rows = Number(values.rows);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grassroots-bench-commits-'));
const file = residentsFile(dir, rows);
const profile = loadProfile('vn');

async function seedAreas(db: Db) {
  await sql`insert into area (id, code, name, level, parent_id, path, active)
    values ('01900000-0000-7000-8000-000000000001', '56', 'Khánh Hòa', 'province', null, '56', true),
           ('01900000-0000-7000-8000-000000000002', '568', 'Khánh Sơn', 'district', '01900000-0000-7000-8000-000000000001', '56.568', true),
           ('01900000-0000-7000-8000-000000000003', '56802', 'Sơn Bình', 'commune', '01900000-0000-7000-8000-000000000002', '56.568.56802', true)`.execute(
    db,
  );
}

async function timeImport(engine: FaultEngine, durable: boolean): Promise<number> {
  const target = await engine.fresh();
  const handle = await target.open();
  try {
    await seedAreas(handle.db);
    const lazy: BatchTransaction = (work) =>
      handle.db.transaction().execute(async (trx) => {
        await sql`set local synchronous_commit = off`.execute(trx);
        return work(trx);
      });
    const started = performance.now();
    const report = await runImport(handle.db, residentImport(profile, '2026-12-02'), readCsvFile(file), {
      ...(durable ? {} : { transaction: lazy }),
    });
    // The old way's last commit, with a transaction id, flushed every batch before it.
    if (!durable) await handle.db.transaction().execute((trx) => sql`select txid_current()`.execute(trx));
    const seconds = (performance.now() - started) / 1000;
    if (report.created !== rows) throw new Error(`imported ${report.created} of ${rows}`);
    return rows / seconds;
  } finally {
    await handle.close();
    await target.drop();
  }
}

const template = `grassroots_bench_commits_${process.pid}`;
const engines: FaultEngine[] = [embeddedFaultEngine(await migratedPGliteDump(), dir)];
if (await serverAnswers()) {
  await createTemplateDatabase(template);
  engines.push(postgresFaultEngine(template));
}
console.log(`\nResidents import of ${rows} rows in batches of 2,000 (rows/s; higher is faster)\n`);
console.log(
  `${'engine'.padEnd(9)}  ${'durable'.padStart(8)}  ${'sync off'.padStart(8)}  cost of durable commits`,
);
try {
  for (const engine of engines) {
    // Twice each, alternating, the best of each kept: the machine's load moves single runs a lot.
    let on = 0;
    let off = 0;
    for (let round = 0; round < 2; round++) {
      on = Math.max(on, await timeImport(engine, true));
      off = Math.max(off, await timeImport(engine, false));
    }
    console.log(
      `${engine.name.padEnd(9)}  ${on.toFixed(0).padStart(8)}  ${off.toFixed(0).padStart(8)}  ${(((off - on) / off) * 100).toFixed(1)}% slower`,
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
  await dropDatabase(template).catch(() => undefined);
}
