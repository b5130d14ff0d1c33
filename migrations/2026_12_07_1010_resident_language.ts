import { type Kysely, sql } from 'kysely';

/**
 * A resident's language (issue 22): the one reminders to them are written in, a locale tag of the
 * profile's `languages` ('vi-VN', 'en', 'zh-CN'); null: the profile's locale. Checked as a tag here,
 * against the profile by the residents module.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table resident add column language text
    check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table resident drop column if exists language`.execute(db);
}
