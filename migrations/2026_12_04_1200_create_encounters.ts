import { type Kysely, sql } from 'kysely';

/**
 * Care records (issue 21, visits): the encounter and its child records, each with a client-supplied
 * UUID v7 and the fingerprint of the body that created it (a repeated create with the same body
 * returns the stored record; another body under the same id is a conflict). Every row carries the
 * area path of the facility where the care was given, with row-level security like the other
 * tables; grassroots_app may select, insert and update (the default privileges), never delete:
 * nothing clinical is deleted. A closed visit is corrected by amendments: a record an amendment
 * takes back keeps its row with `retracted_by`, one it adds names its `amendment_id`; each pricing
 * of the visit is a bill with its lines (`seq` 0 at closing, then one per amendment). Child rows
 * repeat `resident_id` so the timeline reads a resident's history by index, without the visits.
 */
const scoped = (table: string) => [
  `alter table ${table} enable row level security`,
  `create policy ${table}_scope on ${table} for all to grassroots_app
     using (app_in_scope(area_path)) with check (app_in_scope(area_path))`,
  `create index ${table}_area_path_gist on ${table} using gist (area_path)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table encounter (
      id uuid primary key,
      resident_id uuid not null references resident (id),
      facility_id uuid not null references facility (id),
      worker_id uuid references health_worker (id),
      kind text not null check (kind in ('station-visit', 'home-visit', 'outreach-session', 'teleconsultation')),
      status text not null default 'open' check (status in ('open', 'closed', 'amended')),
      visit_date date not null,
      started_at timestamptz not null,
      ended_at timestamptz,
      reason text,
      insurance_card text,
      eligibility jsonb,
      fingerprint text not null,
      area_path ltree not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      closed_at timestamptz,
      check (ended_at is null or ended_at >= started_at)
    )`,
    'create index encounter_resident_idx on encounter (resident_id, visit_date desc, id desc)',
    'create index encounter_facility_idx on encounter (facility_id, visit_date desc, id desc)',
    'create index encounter_date_idx on encounter (visit_date desc, id desc)',
    ...scoped('encounter'),

    `create table encounter_amendment (
      id uuid primary key,
      encounter_id uuid not null references encounter (id),
      reason text not null,
      added jsonb not null,
      retracted jsonb not null,
      fingerprint text not null,
      user_id uuid,
      amended_at timestamptz not null,
      area_path ltree not null
    )`,
    'create index encounter_amendment_encounter_idx on encounter_amendment (encounter_id, amended_at)',
    ...scoped('encounter_amendment'),

    `create table encounter_observation (
      id uuid primary key,
      encounter_id uuid not null references encounter (id),
      resident_id uuid not null references resident (id),
      code text not null,
      value numeric(12, 3) not null,
      unit text not null,
      entered_value numeric(14, 4) not null,
      entered_unit text not null,
      observed_at timestamptz not null,
      visit_date date not null,
      flag text check (flag in ('alarming-high', 'alarming-low')),
      derived boolean not null default false,
      fingerprint text not null,
      amendment_id uuid references encounter_amendment (id),
      retracted_by uuid references encounter_amendment (id),
      area_path ltree not null
    )`,
    'create index encounter_observation_encounter_idx on encounter_observation (encounter_id)',
    'create index encounter_observation_series_idx on encounter_observation (resident_id, code, visit_date)',
    ...scoped('encounter_observation'),

    `create table problem (
      id uuid primary key,
      resident_id uuid not null references resident (id),
      code text not null references diagnosis (code),
      status text not null default 'active' check (status in ('active', 'resolved')),
      onset date not null,
      resolved_on date,
      first_encounter_id uuid references encounter (id),
      last_seen_on date not null,
      note text,
      area_path ltree not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (resolved_on is null or resolved_on >= onset),
      unique (resident_id, code, area_path)
    )`,
    ...scoped('problem'),

    `create table encounter_diagnosis (
      id uuid primary key,
      encounter_id uuid not null references encounter (id),
      resident_id uuid not null references resident (id),
      code text not null references diagnosis (code),
      role text not null check (role in ('main', 'secondary')),
      note text,
      problem_id uuid references problem (id),
      visit_date date not null,
      fingerprint text not null,
      amendment_id uuid references encounter_amendment (id),
      retracted_by uuid references encounter_amendment (id),
      area_path ltree not null
    )`,
    'create index encounter_diagnosis_encounter_idx on encounter_diagnosis (encounter_id)',
    'create index encounter_diagnosis_resident_idx on encounter_diagnosis (resident_id, visit_date)',
    ...scoped('encounter_diagnosis'),

    `create table encounter_prescription (
      id uuid primary key,
      encounter_id uuid not null references encounter (id),
      resident_id uuid not null references resident (id),
      medicine_id uuid not null references medicine (id),
      dose numeric(10, 3) not null check (dose > 0),
      frequency text not null,
      duration_days integer not null check (duration_days between 1 and 90),
      quantity integer not null check (quantity > 0),
      quantity_computed boolean not null,
      long_term boolean not null default false,
      instructions text,
      dispensed integer not null default 0 check (dispensed >= 0),
      prescribed_on date not null,
      fingerprint text not null,
      amendment_id uuid references encounter_amendment (id),
      retracted_by uuid references encounter_amendment (id),
      area_path ltree not null
    )`,
    'create index encounter_prescription_encounter_idx on encounter_prescription (encounter_id)',
    'create index encounter_prescription_resident_idx on encounter_prescription (resident_id, prescribed_on)',
    ...scoped('encounter_prescription'),

    `create table encounter_service (
      id uuid primary key,
      encounter_id uuid not null references encounter (id),
      resident_id uuid not null references resident (id),
      facility_id uuid not null references facility (id),
      service_item_id uuid not null references service_item (id),
      quantity integer not null default 1 check (quantity > 0),
      note text,
      performed_on date not null,
      fingerprint text not null,
      amendment_id uuid references encounter_amendment (id),
      retracted_by uuid references encounter_amendment (id),
      area_path ltree not null
    )`,
    'create index encounter_service_encounter_idx on encounter_service (encounter_id)',
    'create index encounter_service_facility_idx on encounter_service (facility_id, performed_on)',
    ...scoped('encounter_service'),

    `create table encounter_bill (
      id uuid primary key,
      encounter_id uuid not null references encounter (id),
      resident_id uuid not null references resident (id),
      seq integer not null check (seq >= 0),
      amendment_id uuid references encounter_amendment (id),
      visit_date date not null,
      tier text not null,
      currency text not null,
      method text not null check (method in ('benefit-percent', 'deductible-ratio', 'uninsured')),
      benefit_percent numeric(6, 2) not null,
      rule text,
      deductible_applied numeric(14, 2),
      ratio_percent numeric(6, 2),
      hospital_amount numeric(16, 2) not null,
      insured_amount numeric(16, 2) not null,
      insurance_pays numeric(16, 2) not null,
      co_payment numeric(16, 2) not null,
      patient_pays numeric(16, 2) not null,
      priced_at timestamptz not null,
      area_path ltree not null,
      unique (encounter_id, seq)
    )`,
    'create index encounter_bill_resident_idx on encounter_bill (resident_id, visit_date)',
    ...scoped('encounter_bill'),

    `create table encounter_bill_line (
      id uuid primary key,
      bill_id uuid not null references encounter_bill (id),
      line_no integer not null,
      kind text not null check (kind in ('medicine', 'service')),
      record_id uuid not null,
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
      area_path ltree not null,
      unique (bill_id, line_no)
    )`,
    ...scoped('encounter_bill_line'),
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'encounter_bill_line',
    'encounter_bill',
    'encounter_service',
    'encounter_prescription',
    'encounter_diagnosis',
    'problem',
    'encounter_observation',
    'encounter_amendment',
    'encounter',
  ]) {
    await sql.raw(`drop table if exists ${t}`).execute(db);
  }
}
