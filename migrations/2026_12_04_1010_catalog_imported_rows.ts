import { type Kysely, sql } from 'kysely';

/**
 * When a catalogue row last came from a CSV import (the national catalogue's word): a later shipped
 * file no longer overwrites its names and flags (catalog.shipped.ts upserts only rows never imported).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['diagnosis', 'medicine', 'service_item']) {
    await sql.raw(`alter table ${table} add column imported_at timestamptz`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['diagnosis', 'medicine', 'service_item']) {
    await sql.raw(`alter table ${table} drop column if exists imported_at`).execute(db);
  }
}
