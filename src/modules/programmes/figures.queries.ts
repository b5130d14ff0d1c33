import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Child, Elder } from './figures.coverage.rules.ts';
import { GENERAL_ADULT_EXAMINATION } from './figures.coverage.rules.ts';
import {
  ANTENATAL_CATEGORIES,
  ANTENATAL_OBSERVATIONS,
  type Birth,
  LONGEST_PREGNANCY_DAYS,
  POSTNATAL_CATEGORIES,
  POSTNATAL_WEEK_DAYS,
} from './figures.maternal.rules.ts';
import { type Call, NOT_CALLS, RETURN_WITHIN_DAYS } from './figures.outreach.rules.ts';
import {
  type ChronicPatient,
  DIASTOLIC,
  type FigureWindows,
  GLUCOSE_CODES,
  type Reading,
  SYSTOLIC,
} from './figures.rules.ts';

/**
 * The reads of the programme figures: one row per member of a programme in the area, with what the
 * rules count (figures.rules.ts decides). Read-only, over the records modules' tables (resident,
 * problem, encounter, encounter_observation, ...: an aggregate read per report, as capabilities
 * counts encounter_service; docs/ARCHITECTURE.md), in the caller's scope (row-level security: a
 * visit at a facility outside the scope is not seen), records in force only (retracted_by null).
 * The population is the area's residents (resident.area_path, merged records left out); the care
 * rows carry the facility's place, so they are joined by resident, never by area.
 */

/** The ICD-10 three-character categories of a chronic programme's problems. */
export const CHRONIC_CATEGORIES = {
  hypertension: ['I10', 'I11', 'I12', 'I13', 'I14', 'I15'],
  diabetes: ['E11'],
} as const;

/**
 * The members of a chronic programme: residents of the area with a problem of the categories that
 * was active on asOf (still active, or resolved after it) and began by then; the earliest onset, the
 * latest visit by asOf and the status as the register holds it.
 */
function membersOf(areaPath: string, categories: readonly string[], asOf: string) {
  return sql<{
    resident_id: string;
    onset: string;
    status: string;
    status_date: string | null;
    last_visit_on: string | null;
  }>`
    with member as (
      select p.resident_id, min(p.onset) as onset
      from problem p
      join resident r on r.id = p.resident_id
      where r.area_path <@ ${areaPath}::ltree
        and r.active
        and left(p.code, 3) in (${sql.join(categories)})
        and p.onset <= ${asOf}
        and (p.status = 'active' or p.resolved_on > ${asOf})
      group by p.resident_id
    )
    select m.resident_id, m.onset, r.status, r.status_date,
      (select max(e.visit_date) from encounter e
        where e.resident_id = m.resident_id and e.visit_date <= ${asOf}) as last_visit_on
    from member m
    join resident r on r.id = m.resident_id`;
}

/**
 * Hypertension's members with their latest blood pressure in the last three months: the latest visit
 * with both a systolic and a diastolic reading in force (the last taken when taken twice).
 */
export async function hypertensionPatients(
  db: Db,
  areaPath: string,
  w: FigureWindows,
): Promise<ChronicPatient[]> {
  const members = membersOf(areaPath, CHRONIC_CATEGORIES.hypertension, w.asOf);
  const { rows } = await sql<{
    resident_id: string;
    onset: string;
    status: string;
    status_date: string | null;
    last_visit_on: string | null;
    bp_on: string | null;
    systolic: number | null;
    diastolic: number | null;
  }>`
    with patient as (${members})
    select p.*, bp.visit_date as bp_on, bp.systolic, bp.diastolic
    from patient p
    left join lateral (
      select s.visit_date, s.value as systolic, d.value as diastolic
      from encounter_observation s
      join encounter_observation d
        on d.encounter_id = s.encounter_id and d.code = ${DIASTOLIC} and d.retracted_by is null
      where s.resident_id = p.resident_id and s.code = ${SYSTOLIC} and s.retracted_by is null
        and s.visit_date between ${w.last3Months.from} and ${w.asOf}
      order by s.visit_date desc, s.observed_at desc, d.observed_at desc
      limit 1
    ) bp on true`.execute(db);
  return rows.map((r) => ({
    ...chronicOf(r),
    latest:
      r.bp_on && r.systolic !== null && r.diastolic !== null
        ? { kind: 'bp', systolic: Number(r.systolic), diastolic: Number(r.diastolic), on: r.bp_on }
        : null,
  }));
}

/**
 * Diabetes' members with their latest glucose reading in the last three months: the latest visit
 * with one, and at that visit HbA1c before fasting before random glucose.
 */
export async function diabetesPatients(
  db: Db,
  areaPath: string,
  w: FigureWindows,
): Promise<ChronicPatient[]> {
  const members = membersOf(areaPath, CHRONIC_CATEGORIES.diabetes, w.asOf);
  const [hba1c, fasting, random] = GLUCOSE_CODES;
  const { rows } = await sql<{
    resident_id: string;
    onset: string;
    status: string;
    status_date: string | null;
    last_visit_on: string | null;
    reading_on: string | null;
    code: string | null;
    value: number | null;
  }>`
    with patient as (${members})
    select p.*, g.visit_date as reading_on, g.code, g.value
    from patient p
    left join lateral (
      select o.visit_date, o.code, o.value
      from encounter_observation o
      where o.resident_id = p.resident_id and o.code in (${hba1c}, ${fasting}, ${random})
        and o.retracted_by is null
        and o.visit_date between ${w.last3Months.from} and ${w.asOf}
      order by o.visit_date desc,
        case o.code when ${hba1c} then 0 when ${fasting} then 1 else 2 end,
        o.observed_at desc
      limit 1
    ) g on true`.execute(db);
  return rows.map((r) => ({
    ...chronicOf(r),
    latest:
      r.reading_on && r.code && r.value !== null
        ? ({ kind: 'glucose', code: r.code, value: Number(r.value), on: r.reading_on } satisfies Reading)
        : null,
  }));
}

function chronicOf(r: {
  resident_id: string;
  onset: string;
  status: string;
  status_date: string | null;
  last_visit_on: string | null;
}): Omit<ChronicPatient, 'latest'> {
  return {
    residentId: r.resident_id,
    onset: r.onset,
    status: r.status,
    statusDate: r.status_date,
    lastVisitOn: r.last_visit_on,
  };
}

/**
 * The children of the area born in the window (figures.coverage.rules.ts `birthWindowOf`) with
 * their doses in force given by asOf: the immunization table carries the resident's place.
 */
export async function childrenWithDoses(
  db: Db,
  areaPath: string,
  born: { from: string; to: string },
  asOf: string,
): Promise<Child[]> {
  const children = await sql<{
    id: string;
    birth_date: string;
    status: string;
    status_date: string | null;
  }>`
    select r.id, r.birth_date, r.status, r.status_date
    from resident r
    where r.area_path <@ ${areaPath}::ltree and r.active
      and r.birth_date between ${born.from} and ${born.to}`.execute(db);
  const doses = await sql<{ resident_id: string; vaccine: string; given_on: string }>`
    select i.resident_id, i.vaccine, i.given_on
    from immunization i
    join resident r on r.id = i.resident_id
    where r.area_path <@ ${areaPath}::ltree and r.active
      and r.birth_date between ${born.from} and ${born.to}
      and i.retracted_by is null and i.given_on <= ${asOf}`.execute(db);
  const byChild = new Map<string, Child>(
    children.rows.map((r) => [
      r.id,
      { residentId: r.id, birthDate: r.birth_date, status: r.status, statusDate: r.status_date, doses: [] },
    ]),
  );
  for (const d of doses.rows)
    byChild.get(d.resident_id)?.doses.push({ vaccine: d.vaccine, date: d.given_on });
  return [...byChild.values()];
}

/**
 * The residents of the area aged 65 or more on asOf (a birth known by its year only: 65 in asOf's
 * year), and whether a visit from `from` to asOf diagnosed a general adult examination (Z00.0).
 */
export async function elderlyWithChecks(
  db: Db,
  areaPath: string,
  window: { from: string; to: string },
  bornBy: string,
): Promise<Elder[]> {
  const { rows } = await sql<{ id: string; status: string; status_date: string | null; checked: boolean }>`
    select r.id, r.status, r.status_date,
      exists (
        select 1 from encounter_diagnosis d
        where d.resident_id = r.id and d.code = ${GENERAL_ADULT_EXAMINATION} and d.retracted_by is null
          and d.visit_date between ${window.from} and ${window.to}
      ) as checked
    from resident r
    where r.area_path <@ ${areaPath}::ltree and r.active
      and (r.birth_date <= ${bornBy}
        or (r.birth_date is null and r.birth_year <= ${Number(bornBy.slice(0, 4))}))`.execute(db);
  return rows.map((r) => ({
    residentId: r.id,
    status: r.status,
    statusDate: r.status_date,
    checked: r.checked,
  }));
}

/**
 * The pregnancies in force of the area's women that ended in a birth (live or still) from `from` to
 * asOf, with the days of their antenatal contacts in the 44 weeks before the birth and of their
 * postnatal contacts in the week after it (figures.maternal.rules.ts keeps the pregnancy's own).
 */
export async function birthsWithContacts(
  db: Db,
  areaPath: string,
  window: { from: string; to: string },
): Promise<Birth[]> {
  const births = sql`
    select p.id, p.resident_id, p.edd, p.outcome, p.outcome_date
    from pregnancy p
    join resident r on r.id = p.resident_id
    where r.area_path <@ ${areaPath}::ltree and r.active and p.retracted_by is null
      and p.outcome in ('live-birth', 'stillbirth')
      and p.outcome_date between ${window.from} and ${window.to}`;
  const { rows } = await sql<{
    id: string;
    edd: string;
    outcome: 'live-birth' | 'stillbirth';
    outcome_date: string;
    antenatal: string[] | null;
    postnatal: string[] | null;
  }>`
    with birth as (${births})
    select b.id, b.edd, b.outcome, b.outcome_date,
      (select array_agg(distinct c.visit_date::text) from (
          select d.visit_date from encounter_diagnosis d
          where d.resident_id = b.resident_id and d.retracted_by is null
            and left(d.code, 3) in (${sql.join(ANTENATAL_CATEGORIES)})
            and d.visit_date between b.outcome_date - ${LONGEST_PREGNANCY_DAYS}::int and b.outcome_date
          union
          select o.visit_date from encounter_observation o
          where o.resident_id = b.resident_id and o.retracted_by is null
            and o.code in (${sql.join(ANTENATAL_OBSERVATIONS)})
            and o.visit_date between b.outcome_date - ${LONGEST_PREGNANCY_DAYS}::int and b.outcome_date
        ) c) as antenatal,
      (select array_agg(distinct d.visit_date::text) from encounter_diagnosis d
        where d.resident_id = b.resident_id and d.retracted_by is null
          and left(d.code, 3) in (${sql.join(POSTNATAL_CATEGORIES)})
          and d.visit_date between b.outcome_date and b.outcome_date + ${POSTNATAL_WEEK_DAYS}::int
      ) as postnatal
    from birth b`.execute(db);
  return rows.map((r) => ({
    pregnancyId: r.id,
    edd: r.edd,
    outcome: r.outcome,
    outcomeDate: r.outcome_date,
    antenatalDays: r.antenatal ?? [],
    postnatalDays: r.postnatal ?? [],
  }));
}

/**
 * The calls (outreach attempts but moved-away and died) about these programmes' items of the area's
 * residents recorded from a day before `window.from` to a day after its end (the rules read each
 * instant's day on the profile's calendar), and those residents' visit days up to 15 days after.
 */
export async function callsAndVisits(
  db: Db,
  areaPath: string,
  programmeIds: readonly string[],
  window: { from: string; to: string },
): Promise<{ calls: Call[]; visitDays: Map<string, string[]> }> {
  if (programmeIds.length === 0) return { calls: [], visitDays: new Map() };
  const calls = sql`
    select a.resident_id, a.at
    from outreach_attempt a
    join resident r on r.id = a.resident_id
    where r.area_path <@ ${areaPath}::ltree and r.active
      and a.programme_id in (${sql.join(programmeIds)})
      and a.outcome not in (${sql.join(NOT_CALLS)})
      and a.at >= (${window.from}::date - 1)::timestamp at time zone 'UTC'
      and a.at < (${window.to}::date + 2)::timestamp at time zone 'UTC'`;
  const { rows } = await sql<{ resident_id: string; at: Date | string }>`${calls}`.execute(db);
  const ids = [...new Set(rows.map((r) => r.resident_id))];
  const visitDays = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length > 0) {
    const visits = await sql<{ resident_id: string; visit_date: string }>`
      select distinct e.resident_id, e.visit_date
      from encounter e
      where e.resident_id in (${sql.join(ids)})
        and e.visit_date between ${window.from} and ${window.to}::date + ${RETURN_WITHIN_DAYS}::int`.execute(
      db,
    );
    for (const v of visits.rows) visitDays.get(v.resident_id)?.push(v.visit_date);
  }
  return { calls: rows.map((r) => ({ residentId: r.resident_id, at: new Date(r.at) })), visitDays };
}
