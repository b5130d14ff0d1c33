import { type Kysely, sql } from 'kysely';

/**
 * A card carries its holder's area path for row-level security, the expiring list and coverage by
 * place. It was written once, when the card was stored, so after a move to another commune the new
 * station could not see the card and the old one still could. A trigger now moves every card of a
 * resident whose area changes, whichever writer changed it (a move, an import re-run, a merge's
 * undo), in the same statement's transaction; cards already left behind are put right here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function insurance_cards_follow_resident() returns trigger language plpgsql as $$
    begin
      update insurance_card set area_path = new.area_path
      where resident_id = new.id and area_path is distinct from new.area_path;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger insurance_cards_follow_resident after update of area_path on resident
    for each row when (old.area_path is distinct from new.area_path)
    execute function insurance_cards_follow_resident()`.execute(db);
  await sql`
    update insurance_card c set area_path = r.area_path
    from resident r
    where r.id = c.resident_id and c.area_path is distinct from r.area_path`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists insurance_cards_follow_resident on resident`.execute(db);
  await sql`drop function if exists insurance_cards_follow_resident()`.execute(db);
}
