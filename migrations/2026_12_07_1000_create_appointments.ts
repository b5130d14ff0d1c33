import { type Kysely, sql } from 'kysely';

/**
 * Appointments (issue 22): a resident's next appointment at a facility on a date (a time optional),
 * booked by staff (a "come back on" at a visit, or a worklist outcome "will come" on a day), each
 * under a client-supplied UUID v7 with the fingerprint of the body that created it. A change is an
 * amendment: a cancellation, or a reschedule that ends the appointment (`ended_by`) and books its
 * replacement (`replaces_id`); nothing is edited otherwise, nothing deleted. Whether it was kept or
 * missed is not stored: it is read from the visits. Rows carry the RESIDENT's area path, moved by a
 * trigger when the resident moves, with row-level security like the other care tables.
 */
const scoped = (table: string) => [
  `alter table ${table} enable row level security`,
  `create policy ${table}_scope on ${table} for all to grassroots_app
     using (app_in_scope(area_path)) with check (app_in_scope(area_path))`,
  `create index ${table}_area_path_gist on ${table} using gist (area_path)`,
  `revoke delete on ${table} from grassroots_app`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table appointment (
      id uuid primary key,
      resident_id uuid not null references resident (id),
      facility_id uuid not null references facility (id),
      on_date date not null,
      at_time text check (at_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      reason text check (char_length(reason) <= 500),
      source text not null check (source in ('staff', 'visit', 'outreach')),
      encounter_id uuid,
      outreach_attempt_id uuid,
      replaces_id uuid references appointment (id),
      ended_by uuid,
      fingerprint text not null,
      recorded_by uuid,
      recorded_at timestamptz not null,
      area_path ltree not null
    )`,
    'create index appointment_resident_idx on appointment (resident_id, on_date, id)',
    'create index appointment_facility_day_idx on appointment (facility_id, on_date, id)',
    // What the reminders planner reads: appointments in force by day.
    'create index appointment_upcoming_idx on appointment (on_date, id) where ended_by is null',
    ...scoped('appointment'),

    `create table appointment_amendment (
      id uuid primary key,
      appointment_id uuid not null references appointment (id),
      resident_id uuid not null references resident (id),
      action text not null check (action in ('cancel', 'reschedule')),
      reason text not null check (char_length(reason) between 1 and 1000),
      replacement_id uuid references appointment (id),
      fingerprint text not null,
      recorded_by uuid,
      recorded_at timestamptz not null,
      area_path ltree not null,
      check ((action = 'reschedule') = (replacement_id is not null))
    )`,
    'create index appointment_amendment_resident_idx on appointment_amendment (resident_id)',
    'create unique index appointment_amendment_once on appointment_amendment (appointment_id)',
    ...scoped('appointment_amendment'),
    `alter table appointment add constraint appointment_ended_by_fk
       foreign key (ended_by) references appointment_amendment (id)`,

    `create function appointments_follow_resident() returns trigger language plpgsql as $$
    begin
      update appointment set area_path = new.area_path
      where resident_id = new.id and area_path is distinct from new.area_path;
      update appointment_amendment set area_path = new.area_path
      where resident_id = new.id and area_path is distinct from new.area_path;
      return null;
    end $$`,
    `create trigger appointments_follow_resident after update of area_path on resident
    for each row when (old.area_path is distinct from new.area_path)
    execute function appointments_follow_resident()`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists appointments_follow_resident on resident`.execute(db);
  await sql`drop function if exists appointments_follow_resident()`.execute(db);
  await sql`alter table if exists appointment drop constraint if exists appointment_ended_by_fk`.execute(db);
  await sql`drop table if exists appointment_amendment`.execute(db);
  await sql`drop table if exists appointment`.execute(db);
}
