import { type Kysely, sql } from 'kysely';

/**
 * A facility's own level of care (VN Health Insurance Law 51/2024: primary, basic, specialised), as the
 * health department classified it. Null means not classified on its own: the facility then has the
 * level its kind usually has (the profile's `facilityKinds[].careLevel`). The ids are the profile's,
 * checked by the application as facility kinds are; the column holds no default, so a change of kind
 * moves an unclassified facility to its new kind's level.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table facility add column care_level text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table facility drop column if exists care_level`.execute(db);
}
