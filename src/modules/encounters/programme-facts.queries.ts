import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { serviceCodesById } from '../catalog/index.ts';
import type { ProblemFact, VisitFact } from '../programmes/facts.ts';

/**
 * What the programme engine reads of residents' visits and problem lists, for many residents at once
 * (a recompute of an area reads thousands): records in force only (a retracted observation,
 * diagnosis or service is left out), in batches of 1,000 residents, every id asked for answered (an
 * empty list when none). Visits are the facility's records (their area path is where care was given),
 * so a caller that must see all of a resident's visits reads without the request's scope.
 */

const BATCH = 1000;

// One array parameter for a batch's ids, not a thousand: the statement is parsed and planned as one.
const inIds = (ids: readonly string[]) => sql<boolean>`resident_id = any(${[...ids]}::uuid[])`;

function byResident<T>(ids: readonly string[]): Map<string, T[]> {
  return new Map([...new Set(ids)].map((id) => [id, [] as T[]]));
}

function batches(ids: readonly string[]): string[][] {
  const unique = [...new Set(ids)];
  const out: string[][] = [];
  for (let i = 0; i < unique.length; i += BATCH) out.push(unique.slice(i, i + BATCH));
  return out;
}

/** Every visit of these residents, oldest first, with its observations (the last of a code), diagnoses and services. */
export async function visitFactsOf(
  db: Db,
  residentIds: readonly string[],
): Promise<Map<string, VisitFact[]>> {
  const out = byResident<VisitFact>(residentIds);
  for (const ids of batches(residentIds)) {
    const visits = await db
      .selectFrom('encounter')
      .select(['id', 'resident_id', 'visit_date'])
      .where(inIds(ids))
      .orderBy('resident_id')
      .orderBy('visit_date')
      .orderBy('started_at')
      .orderBy('id')
      .execute();
    if (visits.length === 0) continue;
    const byId = new Map<string, VisitFact>();
    for (const v of visits) {
      const fact: VisitFact = { id: v.id, date: v.visit_date, observations: {}, diagnoses: [], services: [] };
      byId.set(v.id, fact);
      out.get(v.resident_id)?.push(fact);
    }
    const observations = await db
      .selectFrom('encounter_observation')
      .select(['encounter_id', 'code', 'value'])
      .where(inIds(ids))
      .where('retracted_by', 'is', null)
      .orderBy('observed_at')
      .orderBy('id')
      .execute();
    // Oldest first, so the last one of a code taken twice at a visit wins.
    for (const o of observations) {
      const visit = byId.get(o.encounter_id);
      if (visit) visit.observations[o.code] = Number(o.value);
    }
    const diagnoses = await db
      .selectFrom('encounter_diagnosis')
      .select(['encounter_id', 'code'])
      .where(inIds(ids))
      .where('retracted_by', 'is', null)
      .orderBy('id')
      .execute();
    for (const d of diagnoses) {
      const visit = byId.get(d.encounter_id);
      if (visit && !visit.diagnoses.includes(d.code)) visit.diagnoses.push(d.code);
    }
    // encounter_service is indexed by visit, not by resident.
    const services = await db
      .selectFrom('encounter_service')
      .select(['encounter_id', 'service_item_id'])
      .where('encounter_id', 'in', [...byId.keys()])
      .where('retracted_by', 'is', null)
      .orderBy('id')
      .execute();
    if (services.length > 0) {
      const codes = await serviceCodesById(
        db,
        services.map((s) => s.service_item_id),
      );
      for (const s of services) {
        const visit = byId.get(s.encounter_id);
        const code = codes.get(s.service_item_id);
        if (visit && code && !visit.services.includes(code)) visit.services.push(code);
      }
    }
  }
  return out;
}

/**
 * The problem lists of these residents: one fact per code (a code noted at two places is one problem:
 * active if either entry is, since the earliest onset).
 */
export async function problemFactsOf(
  db: Db,
  residentIds: readonly string[],
): Promise<Map<string, ProblemFact[]>> {
  const out = byResident<ProblemFact>(residentIds);
  for (const ids of batches(residentIds)) {
    const rows = await db
      .selectFrom('problem')
      .select(['resident_id', 'code', 'status', 'onset'])
      .where(inIds(ids))
      .orderBy('resident_id')
      .orderBy('onset')
      .orderBy('code')
      .execute();
    for (const r of rows) {
      const list = out.get(r.resident_id);
      if (!list) continue;
      const same = list.find((p) => p.code === r.code);
      if (!same) list.push({ code: r.code, since: r.onset, active: r.status === 'active' });
      else same.active ||= r.status === 'active';
    }
  }
  return out;
}
