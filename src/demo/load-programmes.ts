import { loadVisits } from '../modules/encounters/encounters.bulk.ts';
import { lookupFacility } from '../modules/facilities/index.ts';
import {
  type ImmunizationBulkRow,
  insertImmunizationsBulk,
  vaccines,
} from '../modules/immunizations/index.ts';
import { insertPregnanciesBulk } from '../modules/pregnancies/index.ts';
import { programmesOf, recomputeArea } from '../modules/programmes/index.ts';
import { findResidentRefsByKeys } from '../modules/residents/index.ts';
import type { AppContext } from '../platform/app-context.ts';
import type { CountryProfile } from '../platform/profile.ts';
import { ProgressBar } from '../platform/progress.ts';
import { demoChildChecksOf } from './child-checks-of-file.ts';
import { DEMO_PROGRAMMES } from './generate-programmes.schedules.ts';
import { type DemoProgrammeResident, type ProgrammePlan, planProgrammes } from './generate-programmes.ts';
import type { DemoVisit } from './generate-visits.ts';
import { bulkVisitsOf } from './load-visits.ts';
import { Rng } from './random.ts';
import { demoScheduleOf } from './schedule-of-file.ts';

/**
 * The demo's care programme records (generate-programmes.ts), loaded after its visits and planned by
 * the profile's own programme files: the children's doses through the immunizations module's bulk
 * insert, the pregnancies through the pregnancies module's, the child health checks, antenatal,
 * postnatal, lapsed hypertension and elderly-check visits through the encounters bulk path (a
 * chronic diagnosis puts the problem on the list there).
 */

export interface ProgrammeLoadInput {
  /** The profile's `demo` key: its schedule and words. */
  demo: keyof typeof DEMO_PROGRAMMES;
  seed: number | string;
  today: string;
  residents: readonly DemoProgrammeResident[];
  denseFacilities: ReadonlySet<string>;
  /** The visits already loaded (generate-visits.ts): whose pregnancies and chronic care they follow. */
  visits: readonly DemoVisit[];
  serviceCode: (index: string) => string;
}

export interface ProgrammeCounts {
  /** Doses recorded, of which given elsewhere (from the booklet) and given too early on purpose. */
  immunizations: number;
  dosesElsewhere: number;
  dosesEarly: number;
  /** Children with at least one dose. */
  children: number;
  /** Antenatal, postnatal, lapsed hypertension and elderly-check visits. */
  visits: number;
  pregnancies: number;
}

/** What a load without residents (the benchmarks) records. */
export const NO_PROGRAMMES: ProgrammeCounts = {
  immunizations: 0,
  dosesElsewhere: 0,
  dosesEarly: 0,
  children: 0,
  visits: 0,
  pregnancies: 0,
};

export function programmeCounts(s: ProgrammeCounts): ProgrammeCounts {
  const { immunizations, dosesElsewhere, dosesEarly, children, visits, pregnancies } = s;
  return { immunizations, dosesElsewhere, dosesEarly, children, visits, pregnancies };
}

/** The closing summary's line. */
export function programmeLine(s: ProgrammeCounts): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `${n(s.immunizations)} doses for ${n(s.children)} children (${n(s.dosesElsewhere)} given elsewhere, ${n(s.dosesEarly)} too early), ${n(s.pregnancies)} pregnancies, ${n(s.visits)} programme visits`;
}

const BATCH = 5000;

/** Resident ids by demo code (every code asked for must be registered: a missing one is a bug). */
async function residentIdsOf(ctx: AppContext, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  const ids = new Map<string, string>();
  for (let i = 0; i < unique.length; i += BATCH)
    for (const r of await findResidentRefsByKeys(ctx.db, [], unique.slice(i, i + BATCH)))
      if (r.code) ids.set(r.code, r.id);
  for (const code of unique) if (!ids.has(code)) throw new Error(`demo programmes: no resident ${code}`);
  return ids;
}

/** The plan, by the profile's own programme files (its immunization schedule, its child health checks). */
export function planDemoProgrammes(profile: CountryProfile, input: ProgrammeLoadInput): ProgrammePlan {
  const files = programmesOf(profile);
  return planProgrammes(new Rng(input.seed).fork('programmes'), {
    residents: input.residents,
    denseFacilities: input.denseFacilities,
    today: input.today,
    visits: input.visits,
    serviceCode: input.serviceCode,
    schedule: demoScheduleOf(files, vaccines()),
    childChecks: demoChildChecksOf(files),
    words: DEMO_PROGRAMMES[input.demo].words,
  });
}

export async function loadDemoProgrammes(
  ctx: AppContext,
  input: ProgrammeLoadInput,
): Promise<ProgrammeCounts & { plan: ProgrammePlan }> {
  const plan = planDemoProgrammes(ctx.profile, input);
  const residentIds = await residentIdsOf(ctx, [
    ...plan.doses.map((d) => d.residentCode),
    ...plan.pregnancies.map((p) => p.residentCode),
  ]);
  // A dose given here was given at the child's own station.
  const stationOf = new Map(input.residents.map((r) => [r.code, r.facilityCode]));
  const facilityIds = new Map<string, string>();
  for (const code of new Set(
    plan.doses.filter((d) => !d.givenElsewhere).map((d) => stationOf.get(d.residentCode)),
  )) {
    if (!code) continue;
    const f = await lookupFacility(ctx.db, code);
    if (!f) throw new Error(`demo programmes: no facility ${code}`);
    facilityIds.set(code, f.id);
  }
  const rows: ImmunizationBulkRow[] = plan.doses.map((d) => ({
    id: d.id,
    residentId: residentIds.get(d.residentCode) as string,
    vaccine: d.vaccine,
    date: d.date,
    doseNumber: d.doseNumber,
    givenElsewhere: d.givenElsewhere,
    facilityId: d.givenElsewhere ? null : (facilityIds.get(stationOf.get(d.residentCode) ?? '') ?? null),
    place: d.place,
  }));
  const recordedAt = new Date(`${input.today}T00:00:00Z`);
  const immunizations = await insertImmunizationsBulk(ctx.db, rows, recordedAt);
  const pregnancies = await insertPregnanciesBulk(
    ctx.db,
    plan.pregnancies.map((p) => ({
      id: p.id,
      residentId: residentIds.get(p.residentCode) as string,
      lmp: p.lmp,
      edd: p.edd,
      outcome: p.outcome,
      outcomeDate: p.outcomeDate,
    })),
    recordedAt,
  );
  const loaded = await loadVisits(ctx, bulkVisitsOf(ctx, plan.visits, input.today), {
    insuranceAnswers: true,
  });
  return {
    immunizations,
    dosesElsewhere: plan.doses.filter((d) => d.givenElsewhere).length,
    dosesEarly: plan.doses.filter((d) => d.early).length,
    children: new Set(plan.doses.map((d) => d.residentCode)).size,
    visits: loaded.visits,
    pregnancies,
    plan,
  };
}

/**
 * The due store of the demo's registered place (due windows, risk, invalid doses), computed once its
 * records are loaded: the bulk inserts tell no listener. Answers the residents recomputed.
 */
export async function recomputeDemoArea(
  ctx: AppContext,
  areaPath: string,
  label: string,
  output: boolean,
): Promise<number> {
  const bar = output ? new ProgressBar(label) : undefined;
  const progress = await recomputeArea(ctx.db, areaPath, {
    profile: ctx.profile,
    clock: ctx.clock,
    onProgress: (p) => bar?.update(p.done, 'residents', p.total),
  });
  bar?.finish(progress.done, 'residents');
  return progress.done;
}
