import { type Kysely, sql } from 'kysely';

/**
 * The programme engine's store (issue 22): what each resident is, was or will be due, one row per due
 * window (`programme_due`), the resident's risk from the last readings (`programme_risk`) and the
 * doses the engine did not count (`programme_invalid_dose`). These three are derived: a recompute
 * replaces a resident's rows, as the table owner (the recompute reads every record of the resident,
 * wherever it was made, and writes the rows under the resident's place), so the application role only
 * reads them. `outreach_attempt` is a record: a call or home visit about a due window, under the
 * client's UUID v7, never edited or deleted. Every row carries the RESIDENT's area path, moved with
 * the resident by a trigger (as immunizations, 2026_12_05_1000), with row-level security.
 */
const scoped = (table: string) => [
  `alter table ${table} enable row level security`,
  `create policy ${table}_scope on ${table} for all to grassroots_app
     using (app_in_scope(area_path)) with check (app_in_scope(area_path))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table programme_due (
      id uuid primary key,
      resident_id uuid not null references resident (id),
      programme_id text not null,
      kind text not null,
      item_id text not null,
      episode_id text,
      due_from date not null,
      earliest_on date not null,
      overdue_after date,
      expires_on date,
      done_on date,
      done_by text,
      come_on date,
      closed_on date,
      last_outcome text,
      last_note text,
      last_attempt_at timestamptz,
      area_path ltree not null,
      computed_at timestamptz not null
    )`,
    `create unique index programme_due_key on programme_due
       (resident_id, programme_id, item_id, coalesce(episode_id, ''), due_from)`,
    // The worklist: open windows under a place (done ones are only read per resident).
    `create index programme_due_open_gist on programme_due using gist (area_path) where done_on is null`,
    // Reminders walk open windows by id; the worklist narrows by dates.
    'create index programme_due_open_dates on programme_due (due_from, overdue_after) where done_on is null',
    ...scoped('programme_due'),

    `create table programme_risk (
      resident_id uuid primary key references resident (id),
      last_systolic numeric(6, 1),
      last_diastolic numeric(6, 1),
      last_bp_on date,
      cardiovascular_event boolean not null,
      area_path ltree not null,
      computed_at timestamptz not null
    )`,
    ...scoped('programme_risk'),

    `create table programme_invalid_dose (
      resident_id uuid not null references resident (id),
      dose_id uuid not null,
      programme_id text not null,
      item_id text,
      reason text not null,
      valid_from date,
      area_path ltree not null,
      computed_at timestamptz not null,
      primary key (resident_id, programme_id, dose_id)
    )`,
    ...scoped('programme_invalid_dose'),
    // Derived rows are the recompute's (the owner's): the application role reads them.
    'revoke insert, update, delete on programme_due, programme_risk, programme_invalid_dose from grassroots_app',

    `create table outreach_attempt (
      id uuid primary key,
      resident_id uuid not null references resident (id),
      programme_id text not null,
      item_id text not null,
      episode_id text,
      due_from date not null,
      outcome text not null check (outcome in
        ('will-come', 'refused', 'not-reachable', 'wrong-number', 'moved-away', 'died')),
      note text check (char_length(note) <= 1000),
      come_on date,
      fingerprint text not null,
      recorded_by uuid,
      at timestamptz not null,
      area_path ltree not null
    )`,
    'create index outreach_attempt_resident_idx on outreach_attempt (resident_id, at, id)',
    ...scoped('outreach_attempt'),
    'create index outreach_attempt_area_path_gist on outreach_attempt using gist (area_path)',
    // Never deleted; updated only by a merge's mover (the survivor takes the attempts).
    'revoke delete on outreach_attempt from grassroots_app',

    // Security definer: the app role may not write the derived rows, and the move must reach the
    // rows wherever the resident goes.
    `create function programmes_follow_resident() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
    begin
      update programme_due set area_path = new.area_path where resident_id = new.id;
      update programme_risk set area_path = new.area_path where resident_id = new.id;
      update programme_invalid_dose set area_path = new.area_path where resident_id = new.id;
      update outreach_attempt set area_path = new.area_path where resident_id = new.id;
      return null;
    end $$`,
    `create trigger programmes_follow_resident after update of area_path on resident
    for each row when (old.area_path is distinct from new.area_path)
    execute function programmes_follow_resident()`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists programmes_follow_resident on resident`.execute(db);
  await sql`drop function if exists programmes_follow_resident()`.execute(db);
  for (const t of ['outreach_attempt', 'programme_invalid_dose', 'programme_risk', 'programme_due'])
    await sql.raw(`drop table if exists ${t}`).execute(db);
}
