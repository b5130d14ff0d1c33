import { type Kysely, sql } from 'kysely';

/**
 * The quarterly settlement of insurance claims (issue 23, module settlements), by facility and quarter:
 * - settlement_advance: the advance paid at the start of a quarter, recorded by an officer (manual) or
 *   written by the previous quarter's sign-off from the profile's rule; one per facility and quarter.
 * - settlement: the quarter's claimed, accepted and rejected amounts, advance, adjustments, balance and
 *   next advance; one per facility and quarter (a re-run updates it, so nothing is paid twice), frozen
 *   once signed (status 'signed': a trigger refuses any change then).
 * - settlement_claim: what a settlement pays for each claim (updated by a re-run while computed), so a
 *   later correction of a claim is the difference with what was paid for it.
 * - settlement_adjustment: such a correction of a claim of a signed quarter, landing in a later open
 *   quarter's settlement; one per landing settlement and claim.
 * Rows carry the facility's area path, with row-level security; nothing is deleted.
 */
const scoped = (table: string) => [
  `alter table ${table} enable row level security`,
  `create policy ${table}_scope on ${table} for all to grassroots_app
     using (app_in_scope(area_path)) with check (app_in_scope(area_path))`,
  `create index ${table}_area_path_gist on ${table} using gist (area_path)`,
  `revoke delete on ${table} from grassroots_app`,
];

const QUARTER = `'^[0-9]{4}-Q[1-4]$'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table settlement_advance (
      id uuid primary key,
      facility_id uuid not null references facility (id),
      quarter text not null check (quarter ~ ${QUARTER}),
      amount numeric(18,2) not null check (amount >= 0),
      paid_on date not null,
      source text not null check (source in ('rule', 'manual')),
      basis text check (basis in ('accepted', 'claimed')),
      base numeric(18,2),
      percent numeric(6,2),
      from_settlement_id uuid,
      fingerprint text,
      recorded_by uuid,
      recorded_at timestamptz not null,
      area_path ltree not null,
      unique (facility_id, quarter)
    )`,
    ...scoped('settlement_advance'),

    `create table settlement (
      id uuid primary key,
      facility_id uuid not null references facility (id),
      quarter text not null check (quarter ~ ${QUARTER}),
      status text not null check (status in ('computed', 'signed')),
      currency text not null,
      claims_count integer not null default 0,
      accepted_count integer not null default 0,
      rejected_count integer not null default 0,
      pending_count integer not null default 0,
      claimed numeric(18,2) not null default 0,
      accepted numeric(18,2) not null default 0,
      rejected numeric(18,2) not null default 0,
      advance numeric(18,2) not null default 0,
      adjustments numeric(18,2) not null default 0,
      balance numeric(18,2) not null default 0,
      next_advance numeric(18,2) not null default 0,
      next_advance_basis text check (next_advance_basis in ('accepted', 'claimed')),
      job_id uuid,
      computed_at timestamptz not null,
      signed_by uuid,
      signed_at timestamptz,
      area_path ltree not null,
      unique (facility_id, quarter),
      check ((status = 'signed') = (signed_at is not null))
    )`,
    'create index settlement_quarter_idx on settlement (quarter, facility_id)',
    ...scoped('settlement'),
    // Signed is frozen: nothing of a signed settlement changes, whoever asks (the job runs as the owner).
    `create function settlement_frozen() returns trigger language plpgsql as $$
    begin
      if old.status = 'signed' then
        raise exception 'settlement % is signed: frozen', old.id using errcode = 'check_violation';
      end if;
      return new;
    end $$`,
    `create trigger settlement_frozen before update on settlement
     for each row execute function settlement_frozen()`,

    `create table settlement_claim (
      settlement_id uuid not null references settlement (id),
      claim_id uuid not null,
      amount numeric(16,2) not null,
      area_path ltree not null,
      primary key (settlement_id, claim_id)
    )`,
    'create index settlement_claim_claim_idx on settlement_claim (claim_id)',
    ...scoped('settlement_claim'),

    `create table settlement_adjustment (
      id uuid primary key,
      settlement_id uuid not null references settlement (id),
      facility_id uuid not null references facility (id),
      quarter text not null check (quarter ~ ${QUARTER}),
      claim_id uuid not null,
      from_quarter text not null check (from_quarter ~ ${QUARTER}),
      amount numeric(16,2) not null,
      reason text not null check (char_length(reason) <= 500),
      computed_at timestamptz not null,
      area_path ltree not null,
      unique (settlement_id, claim_id)
    )`,
    'create index settlement_adjustment_claim_idx on settlement_adjustment (claim_id)',
    ...scoped('settlement_adjustment'),
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists settlement_adjustment`.execute(db);
  await sql`drop table if exists settlement_claim`.execute(db);
  await sql`drop trigger if exists settlement_frozen on settlement`.execute(db);
  await sql`drop table if exists settlement`.execute(db);
  await sql`drop function if exists settlement_frozen()`.execute(db);
  await sql`drop table if exists settlement_advance`.execute(db);
}
