import { sql } from 'kysely';
import { vaccines } from '../modules/immunizations/index.ts';
import { programmesOf } from '../modules/programmes/index.ts';
import type { Db } from '../platform/db/database.ts';
import type { CountryProfile } from '../platform/profile.ts';
import { demoScheduleOf } from './schedule-of-file.ts';

/**
 * Counts the demo tests of both profiles make on a loaded demo's programme records (the same
 * questions of the Vietnamese province and the Chinese county), by hand in SQL.
 */
export async function programmeRecordCounts(db: Db, today: string, profile: CountryProfile) {
  // A first dose's minimum age, of the vaccines the demo gives too early on purpose (six weeks or later).
  const schedule = demoScheduleOf(programmesOf(profile), vaccines());
  const firsts = schedule.filter((s) => s.after === null && s.minAgeDays >= 42);
  const codes = firsts.map((s) => s.vaccine);
  const minAges = firsts.map((s) => s.minAgeDays);
  const doses = await sql<{ doses: number; children: number; elsewhere: number; here: number }>`
    select count(*)::int as doses, count(distinct resident_id)::int as children,
      count(*) filter (where given_elsewhere)::int as elsewhere,
      count(*) filter (where facility_id is not null)::int as here
    from immunization`.execute(db);
  // Too early on purpose: under a first dose's minimum age, or under 24 days after the vaccine's last dose.
  const early = await sql<{ age: number; interval: number }>`
    select
      (select count(*)::int from immunization i join resident r on r.id = i.resident_id
        join unnest(${codes}::text[], ${minAges}::int[]) as f(vaccine, min_age) on f.vaccine = i.vaccine
        where i.given_on - r.birth_date < f.min_age) as age,
      (select count(*)::int from immunization a join immunization b
         on b.resident_id = a.resident_id and b.vaccine = a.vaccine and b.id <> a.id
        where a.vaccine <> 'JE-I' and b.given_on - a.given_on between 1 and 23) as interval`.execute(db);
  // The last systolic reading of each resident: high ones 45-330 days ago are the lapsed patients.
  const lapsed = await sql<{ n: number }>`
    with last as (
      select distinct on (resident_id) resident_id, value, visit_date from encounter_observation
      where code = '8480-6' order by resident_id, visit_date desc, observed_at desc)
    select count(*)::int as n from last
    where value >= 180 and visit_date between ${today}::date - 330 and ${today}::date - 45`.execute(db);
  const elderly = await sql<{ checks: number; under65: number }>`
    select count(*)::int as checks,
      count(*) filter (where extract(year from d.visit_date) - extract(year from r.birth_date) < 65)::int as under65
    from encounter_diagnosis d join resident r on r.id = d.resident_id where d.code = 'Z00.0'`.execute(db);
  const hypertension = await sql<{ n: number }>`
    select count(*)::int as n from problem where code = 'I10'`.execute(db);
  const pregnancies = await sql<{ open: number; born: number }>`
    select count(*) filter (where outcome is null)::int as open,
      count(*) filter (where outcome = 'live-birth')::int as born from pregnancy`.execute(db);
  // Child health checks: a weight and Z00.1, of children under 6.
  const checks = await sql<{ checks: number; children: number; weighed: number }>`
    select count(*)::int as checks, count(distinct d.resident_id)::int as children,
      count(*) filter (where exists (select 1 from encounter_observation o
        where o.encounter_id = d.encounter_id and o.code = '29463-7'))::int as weighed
    from encounter_diagnosis d join resident r on r.id = d.resident_id
    where d.code = 'Z00.1' and d.visit_date - r.birth_date < 6 * 366`.execute(db);
  return {
    ...doses.rows[0]!,
    earlyByAge: early.rows[0]!.age,
    earlyByInterval: early.rows[0]!.interval,
    lapsedHighRisk: lapsed.rows[0]!.n,
    elderlyChecks: elderly.rows[0]!.checks,
    elderlyChecksUnder65: elderly.rows[0]!.under65,
    hypertensionProblems: hypertension.rows[0]!.n,
    openPregnancies: pregnancies.rows[0]!.open,
    births: pregnancies.rows[0]!.born,
    childChecks: checks.rows[0]!.checks,
    childrenChecked: checks.rows[0]!.children,
    childChecksWeighed: checks.rows[0]!.weighed,
  };
}

/** A child with the most doses given here at `facilityCode`, to read through the API. */
export async function aVaccinatedChild(db: Db, facilityCode: string): Promise<string> {
  const found = await sql<{ id: string }>`
    select i.resident_id as id from immunization i join facility f on f.id = i.facility_id
    where f.code = ${facilityCode} group by i.resident_id order by count(*) desc, i.resident_id limit 1`.execute(
    db,
  );
  return found.rows[0]!.id;
}

/**
 * What the due store says about the demo station's area on `today` (after the demo's recompute),
 * by the window's state (facts.ts: done, expired, overdue after overdueAfter, due from dueFrom) and
 * Simple's first priority (30-365 days overdue and a last reading of 180/110 or more).
 */
export async function dueStoreCounts(db: Db, today: string, areaPath: string) {
  const due = await sql<{ kind: string; due: number; overdue: number }>`
    select kind,
      count(*) filter (where due_from <= ${today}::date
        and (overdue_after is null or overdue_after >= ${today}::date))::int as due,
      count(*) filter (where overdue_after < ${today}::date)::int as overdue
    from programme_due
    where area_path <@ ${areaPath}::ltree and done_on is null and closed_on is null
      and (expires_on is null or expires_on > ${today}::date)
    group by kind`.execute(db);
  const first = await sql<{ n: number }>`
    select count(distinct d.resident_id)::int as n
    from programme_due d join programme_risk k on k.resident_id = d.resident_id
    where d.area_path <@ ${areaPath}::ltree and d.kind = 'hypertension' and d.done_on is null
      and (d.expires_on is null or d.expires_on > ${today}::date)
      and ${today}::date - d.overdue_after between 30 and 365
      and (k.last_systolic >= 180 or k.last_diastolic >= 110)`.execute(db);
  const invalid = await sql<{ n: number; reasons: string[] }>`
    select count(*)::int as n, array_agg(distinct reason) as reasons from programme_invalid_dose
    where area_path <@ ${areaPath}::ltree`.execute(db);
  const byKind = Object.fromEntries(due.rows.map((r) => [r.kind, { due: r.due, overdue: r.overdue }]));
  return {
    byKind: byKind as Record<string, { due: number; overdue: number } | undefined>,
    firstPriority: first.rows[0]!.n,
    invalidDoses: invalid.rows[0]!.n,
    invalidReasons: invalid.rows[0]!.reasons ?? [],
  };
}
