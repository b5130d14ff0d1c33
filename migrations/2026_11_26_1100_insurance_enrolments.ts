import { type Kysely, sql } from 'kysely';

/**
 * Enrolments in a scheme (CN basic medical insurance) live beside the Vietnamese cards in
 * `insurance_card`, so a person's history, the overlap check, merges, coverage, the expiring list and
 * row-level security (the `insurance_card_scope` policy on `area_path`) serve both. The parts of the
 * Vietnamese 15-character number become nullable; an enrolment carries its scheme and insured area
 * (the area running the scheme, as an ltree path) and a member number only when the profile has one.
 * A check keeps each row one whole format or the other.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table insurance_card
      alter column card_number drop not null,
      alter column beneficiary_group drop not null,
      alter column benefit_level drop not null,
      alter column province_code drop not null,
      alter column social_insurance_number drop not null,
      add column scheme text,
      add column insured_area_path ltree`.execute(db);
  await sql`
    alter table insurance_card add constraint insurance_card_one_format check (
      (scheme is null and insured_area_path is null and card_number is not null
        and beneficiary_group is not null and benefit_level is not null
        and province_code is not null and social_insurance_number is not null)
      or (scheme is not null and insured_area_path is not null and beneficiary_group is null
        and benefit_level is null and province_code is null and social_insurance_number is null))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from insurance_card where scheme is not null`.execute(db);
  await sql`
    alter table insurance_card
      drop constraint if exists insurance_card_one_format,
      drop column if exists insured_area_path,
      drop column if exists scheme,
      alter column card_number set not null,
      alter column beneficiary_group set not null,
      alter column benefit_level set not null,
      alter column province_code set not null,
      alter column social_insurance_number set not null`.execute(db);
}
