import { type Kysely, sql } from 'kysely';

/**
 * A card number belongs to one resident: eligibility answers for whoever holds it, so a second holder
 * makes it answer for the wrong person. A unique index cannot say it (a renewal is the same number on
 * another row of the same holder), so a constraint trigger checks it when the transaction commits:
 * deferred, so that a merge moving all of a resident's cards in one statement is checked once they
 * have all moved. It takes a lock per number (bucket) first, so two holders written at once are checked one
 * after the other and the second sees the first. Services check it before (for a 409 naming the field);
 * this is the backstop for every writer. `insurance_card_number_held_elsewhere` is a security definer
 * so that the check sees a holder outside the writer's places (row-level security would hide it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function insurance_card_number_held_elsewhere(p_card_number text, p_resident_id uuid)
    returns boolean language sql stable security definer set search_path from current as $$
      select exists (
        select 1 from insurance_card where card_number = p_card_number and resident_id <> p_resident_id)
    $$`.execute(db);
  await sql`
    create function insurance_card_number_one_holder() returns trigger
    language plpgsql security definer set search_path from current as $$
    begin
      if new.card_number is null then return null; end if;
      -- One of 256 locks by the number's hash: an import batch of thousands takes at most 256.
      perform pg_advisory_xact_lock(hashtext('insurance_card_number'), abs(hashtext(new.card_number) % 256));
      if insurance_card_number_held_elsewhere(new.card_number, new.resident_id) then
        raise exception 'insurance card number % is held by another resident', new.card_number
          using errcode = 'unique_violation', constraint = 'insurance_card_number_one_holder';
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create constraint trigger insurance_card_number_one_holder
    after insert or update of card_number, resident_id on insurance_card
    deferrable initially deferred
    for each row execute function insurance_card_number_one_holder()`.execute(db);
  await sql`grant execute on function insurance_card_number_held_elsewhere(text, uuid) to grassroots_app`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists insurance_card_number_one_holder on insurance_card`.execute(db);
  await sql`drop function if exists insurance_card_number_one_holder()`.execute(db);
  await sql`drop function if exists insurance_card_number_held_elsewhere(text, uuid)`.execute(db);
}
