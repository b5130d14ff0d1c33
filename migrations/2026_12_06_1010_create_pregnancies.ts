import { type Kysely, sql } from 'kysely';

/**
 * Pregnancies (issue 22): a woman's pregnancy episodes, each dated by the last menstrual period, an
 * ultrasound (scan date and gestational age then), or both, with the expected delivery date computed
 * at recording and stored, and the outcome with its date once known. Created under a client-supplied
 * UUID v7 with the body's fingerprint (a repeat answers the stored episode; another body is a
 * conflict). A correction is an amendment: it keeps the values before and after (`before`, `after`)
 * and either corrects the episode in place (its id stays: the programme's due windows and outreach
 * attempts are keyed by it) or retracts it (kept, `retracted_by` set); nothing is deleted. Rows carry
 * the RESIDENT's area path, moved by a trigger when she moves (as immunizations, 2026_12_05_1000), with
 * row-level security. At most one open (no outcome, not retracted) pregnancy per resident, by index.
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
    `create table pregnancy (
      id uuid primary key,
      resident_id uuid not null references resident (id),
      lmp date,
      scan_date date,
      scan_ga_days integer check (scan_ga_days between 0 and 314),
      dated_by text not null check (dated_by in ('lmp', 'ultrasound')),
      edd date not null,
      outcome text check (outcome in ('live-birth', 'stillbirth', 'miscarriage', 'abortion')),
      outcome_date date,
      outcome_note text,
      outcome_fingerprint text,
      outcome_recorded_by uuid,
      outcome_recorded_at timestamptz,
      note text,
      fingerprint text not null,
      retracted_by uuid,
      recorded_by uuid,
      recorded_at timestamptz not null,
      area_path ltree not null,
      check (lmp is not null or scan_date is not null),
      check ((scan_date is null) = (scan_ga_days is null)),
      check ((outcome is null) = (outcome_date is null))
    )`,
    'create index pregnancy_resident_idx on pregnancy (resident_id, edd, id)',
    `create unique index pregnancy_one_open on pregnancy (resident_id)
       where outcome is null and retracted_by is null`,
    ...scoped('pregnancy'),

    `create table pregnancy_amendment (
      id uuid primary key,
      pregnancy_id uuid not null references pregnancy (id),
      resident_id uuid not null references resident (id),
      reason text not null,
      kind text not null check (kind in ('correct', 'retract')),
      before jsonb not null,
      after jsonb not null,
      fingerprint text not null,
      recorded_by uuid,
      recorded_at timestamptz not null,
      area_path ltree not null
    )`,
    'create index pregnancy_amendment_pregnancy_idx on pregnancy_amendment (pregnancy_id)',
    'create index pregnancy_amendment_resident_idx on pregnancy_amendment (resident_id)',
    ...scoped('pregnancy_amendment'),
    `alter table pregnancy add constraint pregnancy_retracted_by_fk
       foreign key (retracted_by) references pregnancy_amendment (id)`,

    `create function pregnancies_follow_resident() returns trigger language plpgsql as $$
    begin
      update pregnancy set area_path = new.area_path
      where resident_id = new.id and area_path is distinct from new.area_path;
      update pregnancy_amendment set area_path = new.area_path
      where resident_id = new.id and area_path is distinct from new.area_path;
      return null;
    end $$`,
    `create trigger pregnancies_follow_resident after update of area_path on resident
    for each row when (old.area_path is distinct from new.area_path)
    execute function pregnancies_follow_resident()`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists pregnancies_follow_resident on resident`.execute(db);
  await sql`drop function if exists pregnancies_follow_resident()`.execute(db);
  await sql`alter table pregnancy drop constraint if exists pregnancy_retracted_by_fk`.execute(db);
  await sql`drop table if exists pregnancy_amendment`.execute(db);
  await sql`drop table if exists pregnancy`.execute(db);
}
