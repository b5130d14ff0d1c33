import type { AppContext } from '../../platform/app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import { invalidFields, notFound } from '../../platform/http/errors.ts';
import { facilityNamesByIds, lookupFacility } from '../facilities/index.ts';
import { findWorkersByIds } from '../workforce/index.ts';
import { SESSION_ORDER } from './rotations.enums.ts';
import { rotationsAtFacility, rotationsHostedIn } from './rotations.queries.ts';
import { daysBetween, sessionDays } from './rotations.rules.ts';
import type { CalendarDay, CalendarQuery, FacilityCalendar } from './rotations.schema.ts';
import type { SelectedRotation } from './rotations.service.ts';

export const MAX_CALENDAR_DAYS = 62;

/**
 * A facility's rotation calendar for [from, to]: each session day of the active rotations where it is
 * the host (a district doctor comes) or the home (its doctor is away), so both sides see the same plan.
 */
export async function facilityCalendar(
  ctx: AppContext,
  idOrCode: string,
  q: CalendarQuery,
): Promise<FacilityCalendar> {
  const span = daysBetween(q.from, q.to) + 1;
  if (span < 1) throw invalidFields([{ field: 'query.to', message: 'must not be before from' }]);
  if (span > MAX_CALENDAR_DAYS) {
    throw invalidFields([
      { field: 'query.to', message: `a calendar covers at most ${MAX_CALENDAR_DAYS} days` },
    ]);
  }
  const facility = await lookupFacility(ctx.db, idOrCode);
  if (!facility) throw notFound('Facility', idOrCode);
  const rows = (await rotationsAtFacility(ctx.db, facility.id, q.from, q.to)) as SelectedRotation[];
  const [facilities, workers] = await Promise.all([
    facilityNamesByIds(
      ctx.db,
      rows.flatMap((r) => [r.home_facility_id, r.host_facility_id]),
    ),
    findWorkersByIds(
      ctx.db,
      rows.map((r) => r.worker_id),
    ),
  ]);
  const days: CalendarDay[] = [];
  for (const r of rows) {
    const role = r.host_facility_id === facility.id ? 'host' : 'home';
    const otherId = role === 'host' ? r.home_facility_id : r.host_facility_id;
    const other = facilities.get(otherId) ?? { id: otherId, code: '?', name: '?' };
    const plan = {
      startDate: r.start_date,
      endDate: r.end_date,
      weekdays: r.weekdays.map(Number),
      dates: r.dates,
    };
    for (const date of sessionDays(plan, q.from, q.to)) {
      days.push({
        date,
        session: r.session,
        workerId: r.worker_id,
        workerName: workers.get(r.worker_id)?.fullName ?? '?',
        role,
        otherFacility: other,
        rotationId: r.id,
      });
    }
  }
  days.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      SESSION_ORDER[a.session] - SESSION_ORDER[b.session] ||
      a.workerName.localeCompare(b.workerName),
  );
  return {
    facility: { id: facility.id, code: facility.code, name: facility.name },
    from: q.from,
    to: q.to,
    days,
  };
}

/**
 * Host facilities in the area subtree with at least one rotation session day in [from, to] (capacity:
 * "commune stations with a rotating district doctor this week").
 */
export async function stationsWithRotationBetween(
  db: Db,
  areaPath: string,
  from: string,
  to: string,
): Promise<string[]> {
  const rows = (await rotationsHostedIn(db, areaPath, from, to)) as SelectedRotation[];
  const hosts = new Set<string>();
  for (const r of rows) {
    if (hosts.has(r.host_facility_id)) continue;
    const plan = {
      startDate: r.start_date,
      endDate: r.end_date,
      weekdays: r.weekdays.map(Number),
      dates: r.dates,
    };
    if (sessionDays(plan, from, to).length > 0) hosts.add(r.host_facility_id);
  }
  return [...hosts].sort();
}
