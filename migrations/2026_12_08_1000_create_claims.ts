import { type Kysely, sql } from 'kysely';

/**
 * Insurance claims (issue 23): a claim per closed insured visit, built from the visit's bill in force
 * (`bill_id`, `bill_seq`: never priced twice), its lines (one per bill line, kept per bill seq: an
 * amendment adds the lines of the new bill, the earlier ones stay), every check run on it (facility or
 * agency side, with its failures) and its history (every status change: who, when, why). Every row
 * carries the area path of the facility, with row-level security like the other tables; grassroots_app
 * may select, insert and update (the default privileges), never delete: nothing is deleted.
 * `failure_codes` keeps the last check's codes on the claim, for the lists and the summary by code.
 */
const scoped = (table: string) => [
  `alter table ${table} enable row level security`,
  `create policy ${table}_scope on ${table} for all to grassroots_app
     using (app_in_scope(area_path)) with check (app_in_scope(area_path))`,
  `create index ${table}_area_path_gist on ${table} using gist (area_path)`,
];

const STATUSES = `'draft', 'checked', 'submitted', 'accepted', 'partly-accepted', 'rejected', 'paid'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table claim (
      id uuid primary key,
      encounter_id uuid not null unique references encounter (id),
      resident_id uuid not null references resident (id),
      facility_id uuid not null references facility (id),
      area_path ltree not null,
      bill_id uuid not null references encounter_bill (id),
      bill_seq integer not null check (bill_seq >= 0),
      visit_date date not null,
      started_at timestamptz not null,
      ended_at timestamptz,
      quarter text not null check (quarter ~ '^[0-9]{4}-Q[1-4]$'),
      card_number text,
      card_valid_from date,
      card_valid_to date,
      registered_facility_code text,
      scheme text,
      benefit_percent numeric(6, 2) not null,
      on_route boolean,
      route_rule text,
      referral_paper text,
      visit_kind text not null,
      care_kind text not null,
      main_diagnosis text,
      other_diagnoses text[] not null default '{}',
      currency text not null,
      hospital_amount numeric(16, 2) not null,
      insured_amount numeric(16, 2) not null,
      insurance_pays numeric(16, 2) not null,
      co_payment numeric(16, 2) not null,
      patient_pays numeric(16, 2) not null,
      status text not null default 'draft' check (status in (${STATUSES})),
      failure_codes text[] not null default '{}',
      accepted_amount numeric(16, 2),
      rejected_amount numeric(16, 2),
      checked_at timestamptz,
      submitted_at timestamptz,
      reviewed_at timestamptz,
      paid_at timestamptz,
      settlement_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    'create index claim_facility_quarter_idx on claim (facility_id, quarter, status)',
    'create index claim_quarter_idx on claim (quarter, status)',
    'create index claim_resident_idx on claim (resident_id, visit_date)',
    ...scoped('claim'),

    `create table claim_line (
      id uuid primary key,
      claim_id uuid not null references claim (id),
      bill_seq integer not null check (bill_seq >= 0),
      line_no integer not null,
      kind text not null check (kind in ('medicine', 'service')),
      bill_line_id uuid not null references encounter_bill_line (id),
      item_id uuid not null,
      code text not null,
      insurance_code text,
      name text not null,
      unit text not null,
      quantity integer not null,
      unit_price numeric(14, 2) not null,
      coverage text not null,
      hospital_amount numeric(16, 2) not null,
      insured_amount numeric(16, 2) not null,
      insurance_pays numeric(16, 2) not null,
      co_payment numeric(16, 2) not null,
      patient_pays numeric(16, 2) not null,
      status text not null default 'pending' check (status in ('pending', 'passed', 'rejected')),
      failure text,
      area_path ltree not null,
      unique (claim_id, bill_seq, line_no)
    )`,
    ...scoped('claim_line'),

    `create table claim_check (
      id uuid primary key,
      claim_id uuid not null references claim (id),
      bill_seq integer not null,
      side text not null check (side in ('facility', 'agency')),
      outcome text not null check (outcome in ('passed', 'partly', 'rejected')),
      failures jsonb not null default '[]',
      checked_at timestamptz not null,
      user_id uuid,
      area_path ltree not null
    )`,
    'create index claim_check_claim_idx on claim_check (claim_id, checked_at)',
    ...scoped('claim_check'),

    `create table claim_event (
      id uuid primary key,
      claim_id uuid not null references claim (id),
      from_status text check (from_status in (${STATUSES})),
      to_status text not null check (to_status in (${STATUSES})),
      reason text,
      user_id uuid,
      at timestamptz not null,
      area_path ltree not null
    )`,
    'create index claim_event_claim_idx on claim_event (claim_id, at)',
    ...scoped('claim_event'),
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['claim_event', 'claim_check', 'claim_line', 'claim']) {
    await sql.raw(`drop table if exists ${t}`).execute(db);
  }
}
