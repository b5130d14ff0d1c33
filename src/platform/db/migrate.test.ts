import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { migrations } from '../../../migrations/index.ts';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { migrateToLatest } from './migrate.ts';

describeOnBothEngines('migrateToLatest', (t) => {
  test('on a database with every migration applied, it finds nothing to do', async () => {
    expect(await migrateToLatest(t().ctx.db)).toEqual({ results: [] });
  });

  test('when the applied list differs from the known one, Kysely’s Migrator decides (here: refuses)', async () => {
    const db = t().ctx.db;
    await sql`insert into kysely_migration (name, timestamp) values ('9999_unknown', now()::text)`.execute(
      db,
    );
    try {
      await expect(migrateToLatest(db)).rejects.toThrow(/9999_unknown/);
    } finally {
      await sql`delete from kysely_migration where name = '9999_unknown'`.execute(db);
    }
    expect(await migrateToLatest(db)).toEqual({ results: [] });
  });
  test('a migration named before ones already run (another module landed first) still runs', async () => {
    const db = t().ctx.db;
    const name = '2026_12_04_1020_medicine_search_strength';
    await migrations[name]!.down!(db);
    await sql`delete from kysely_migration where name = ${name}`.execute(db);
    const result = await migrateToLatest(db);
    expect(result.results?.map((r) => [r.migrationName, r.status])).toEqual([[name, 'Success']]);
  });
});
