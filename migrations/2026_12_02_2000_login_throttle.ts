import { type Kysely, sql } from 'kysely';

/**
 * Sign-in failures counted per key instead of a hard lock on the account (access.rules.ts THROTTLE):
 * `account:<username as asked, lower case>` (known or not, so an unknown name behaves like a known one)
 * and `source:<address>`. The old `app_user.failed_logins` is no longer written; `locked_until` now
 * mirrors the account's wait, for the user list.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table login_throttle (
      key text primary key,
      failures integer not null check (failures >= 0),
      last_failure_at timestamptz not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists login_throttle`.execute(db);
}
