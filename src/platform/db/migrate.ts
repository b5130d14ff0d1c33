import { DEFAULT_MIGRATION_TABLE, type MigrationResultSet, Migrator, sql } from 'kysely';
import { migrations } from '../../../migrations/index.ts';
import { shippedData } from '../../../migrations/shipped-data.ts';
import type { Db } from './database.ts';

/**
 * Brings the schema to the latest migration, then installs the shipped reference data. Throws with
 * the failing migration's name.
 *
 * A later start finds every migration applied: one query reads the applied names and, when they are
 * exactly the known ones, nothing else runs. Kysely's Migrator (its tables made if missing, its lock
 * taken, the list read and compared, about ten round trips) runs only when something differs.
 */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const result = await migrateSchema(db);
  for (const install of shippedData) await install(db);
  return result;
}

/**
 * The migrations alone. After them `migrateToLatest` installs the shipped reference data
 * (migrations/shipped-data.ts: the catalogues), which reruns when its files change.
 */
async function migrateSchema(db: Db): Promise<MigrationResultSet> {
  if (await allApplied(db)) return { results: [] };
  // Unordered: the modules of one issue are given ranges of names (catalog 2026_12_04_10xx, stock
  // 11xx...) and land in any order, so a database that already ran a later range still runs an
  // earlier name added since (each migration is written not to depend on the ranges after it).
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`);
  }
  return result;
}

/** True when the applied migrations are exactly the known ones, in order (false on a new database). */
async function allApplied(db: Db): Promise<boolean> {
  const table = await sql<{ present: boolean }>`
    select to_regclass(${DEFAULT_MIGRATION_TABLE}) is not null as present`.execute(db);
  if (!table.rows[0]?.present) return false;
  const applied = await sql<{ name: string }>`
    select name from ${sql.table(DEFAULT_MIGRATION_TABLE)} order by name`.execute(db);
  const known = Object.keys(migrations).sort();
  return applied.rows.length === known.length && applied.rows.every((row, i) => row.name === known[i]);
}
