import { type BulkVisit, loadVisits } from '../modules/encounters/encounters.bulk.ts';
import type { AppContext } from '../platform/app-context.ts';
import { type PlantedFaults, plantClaimFaults } from './generate-claims.ts';
import {
  type DemoDispensing,
  type DemoVisit,
  type DemoVisitResident,
  dispensingsOf,
  planVisits,
  type VisitPlanInput,
} from './generate-visits.ts';
import { Rng } from './random.ts';

/**
 * The demo's year of visits (generate-visits.ts), loaded through the encounters module's bulk path.
 * Answers the dispensings the visits imply, in the shape the stock demo takes (CONTRACTS.md).
 */

/** Minutes the zone is ahead of UTC on a date (the demo zones keep no summer time). */
function offsetMinutes(timeZone: string, date: string): number {
  const noon = new Date(`${date}T12:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(noon);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 12);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return (hour - 12) * 60 + minute;
}

/** Planned visits as the bulk path takes them: each starting at its local minute in the profile's zone. */
export function bulkVisitsOf(ctx: AppContext, planned: readonly DemoVisit[], today: string): BulkVisit[] {
  const offset = offsetMinutes(ctx.profile.timeZone, today);
  return planned.map((v) => ({
    ...v,
    startedAt: new Date(Date.parse(`${v.date}T00:00:00Z`) + (v.minute - offset) * 60_000),
  }));
}

/**
 * Answers the planned visits too: the programmes' plan (generate-programmes.ts) builds on them. The
 * plan carries the slips the claims checks find (generate-claims.ts), each visit named in `faults`.
 */
export async function loadDemoVisits(
  ctx: AppContext,
  input: Omit<VisitPlanInput, 'residents'> & {
    residents: Iterable<DemoVisitResident>;
    seed: number | string;
  },
): Promise<{
  visits: number;
  records: number;
  dispensings: DemoDispensing[];
  planned: DemoVisit[];
  faults: PlantedFaults['planted'];
}> {
  const rng = new Rng(input.seed);
  const { visits: planned, planted } = plantClaimFaults(
    rng.fork('claim-faults'),
    planVisits(rng.fork('visits'), input),
    input,
  );
  const loaded = await loadVisits(ctx, bulkVisitsOf(ctx, planned, input.today), { insuranceAnswers: true });
  return { ...loaded, dispensings: dispensingsOf(planned), planned, faults: planted };
}
