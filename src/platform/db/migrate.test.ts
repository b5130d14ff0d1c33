import { sql } from 'kysely';
import { expect, test } from 'vitest';
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
});
