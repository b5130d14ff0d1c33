import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { addDays, isIsoDate } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, badRequest, invalidFields, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { inScope, type Scope } from '../access/index.ts';
import { findAreasByIds, lookupArea } from '../areas/index.ts';
import { findResidentRef, residentCareRefsByIds, residentContactsByIds } from '../residents/index.ts';
import type { ProgrammeDueRow } from './due.table.ts';
import type {
  DueItem,
  ProgrammeList,
  ResidentDue,
  ResidentDueQuery,
  Worklist,
  WorklistQuery,
  WorklistRow,
} from './programmes.schema.ts';
import { UPCOMING_HORIZON_DAYS } from './programmes.schema.ts';
import { familyOf, programmesOf } from './protocols.ts';
import { stateOn } from './state.rules.ts';
import {
  dueRowsOfResident,
  invalidDoseRowsOf,
  openWindowsById,
  type WorklistPageRow,
  worklistCounts,
  worklistPage,
} from './worklists.queries.ts';
import { ageOn, countsOf, listedCount, type RankKey, whomToCall } from './worklists.rules.ts';

/** GET /api/programmes: the profile's programmes in its order, each with every version's items. */
export function programmeList(profile: CountryProfile): ProgrammeList {
  return {
    programmes: programmesOf(profile).map((p) => ({
      id: p.id,
      kind: p.kind,
      names: p.names,
      source: p.source,
      items: familyOf(p).items(p),
    })),
  };
}

/** A cursor back into the order; a forged one is a 400 (never a 500 from the database). */
function cursorKey(raw: string | undefined): RankKey | undefined {
  const c = decodeCursor(raw);
  if (!c) return undefined;
  const [days, dueFrom] = c.more ?? [];
  if (!Number.isInteger(c.v) || !Number.isInteger(days) || typeof dueFrom !== 'string' || !isIsoDate(dueFrom))
    throw badRequest(
      'The cursor is not valid: pass the nextCursor of the previous page unchanged',
      'query.cursor',
    );
  return { priority: c.v as number, daysOverdue: days as number, dueFrom, id: c.id };
}

/** The programme ids asked for: the profile's, or the one named (400 when the profile has no such programme). */
function programmeIds(profile: CountryProfile, programme: string | undefined): string[] {
  const ids = programmesOf(profile).map((p) => p.id);
  if (programme === undefined) return ids;
  if (!ids.includes(programme))
    throw invalidFields([
      {
        field: 'query.programme',
        message: `not a programme of this profile; known: ${ids.join(', ') || 'none'}`,
      },
    ]);
  return [programme];
}

/** The subtree asked for, inside the caller's places (a 403 outside them). */
async function areaFilter(db: Db, area: string | undefined, scope: Scope): Promise<string | null> {
  if (area === undefined) return null;
  const found = await lookupArea(db, area);
  if (!found) throw invalidFields([{ field: 'query.area', message: `no area ${area}` }]);
  if (!inScope(found.path, scope))
    throw new AppError('forbidden', 'The area is outside the places your roles cover');
  return found.path;
}

/**
 * GET /api/worklists: what the caller's places must act on today (or on `asOf`), in Simple's order,
 * a page at a time, ranked and paged by the database. The counts by kind cover every kind under the
 * other filters.
 */
export async function worklist(ctx: AppContext, q: WorklistQuery, scope: Scope): Promise<Worklist> {
  const db = ctx.db;
  const asOf = q.asOf ?? todayOf(ctx);
  const filter = {
    asOf,
    programmeIds: programmeIds(ctx.profile, q.programme),
    areaPath: await areaFilter(db, q.area, scope),
  };
  const after = cursorKey(q.cursor);
  const limit = q.limit ?? 50;
  const rows = await worklistPage(db, { ...filter, kind: q.kind, state: q.state }, after, limit);
  const tallies = await worklistCounts(db, filter);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    asOf,
    items: await rowsOf(db, page, asOf),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ v: last.priority, id: last.id, more: [last.days_overdue, last.due_from] })
        : null,
    total: { count: listedCount(tallies, q), exact: true },
    counts: countsOf(tallies),
  };
}

/** The page's rows with who to reach: name, the number to call (a child's guardian's), village, age. */
async function rowsOf(db: Db, page: readonly WorklistPageRow[], asOf: string): Promise<WorklistRow[]> {
  const residentIds = [...new Set(page.map((r) => r.resident_id))];
  const contacts = await residentContactsByIds(db, residentIds, { guardiansOn: asOf });
  const refs = await residentCareRefsByIds(db, residentIds);
  const areas = await findAreasByIds(db, [...new Set([...refs.values()].map((r) => r.areaId))]);
  return page.map((c) => {
    const ref = refs.get(c.resident_id);
    const contact = contacts.get(c.resident_id);
    const { age, ageMonths } = ageOn(ref?.birthDate ?? null, asOf);
    const call = whomToCall({ phone: contact?.phone ?? null, age }, contact?.guardian ?? null);
    return {
      id: c.id,
      residentId: c.resident_id,
      fullName: contact?.fullName ?? '',
      phone: call.phone,
      phoneOf: call.guardian && { residentId: call.guardian.id, fullName: call.guardian.fullName },
      village: (ref && areas.get(ref.areaId)?.name) ?? null,
      age,
      ageMonths,
      programmeId: c.programme_id,
      kind: c.kind,
      itemId: c.item_id,
      episodeId: c.episode_id,
      dueFrom: c.due_from,
      overdueAfter: c.overdue_after,
      state: c.state,
      daysOverdue: c.days_overdue,
      priority: c.priority,
      lastBp:
        c.last_bp_on !== null && c.last_systolic !== null && c.last_diastolic !== null
          ? { systolic: Number(c.last_systolic), diastolic: Number(c.last_diastolic), on: c.last_bp_on }
          : null,
      lastAttempt: lastAttemptOf(c),
    };
  });
}

function lastAttemptOf(r: {
  last_outcome: string | null;
  last_note: string | null;
  last_attempt_at: Date | null;
}): WorklistRow['lastAttempt'] {
  if (r.last_outcome === null || r.last_attempt_at === null) return null;
  return {
    outcome: r.last_outcome as NonNullable<WorklistRow['lastAttempt']>['outcome'],
    at: new Date(r.last_attempt_at).toISOString(),
    note: r.last_note,
  };
}

function dueItemOf(r: ProgrammeDueRow): DueItem {
  return {
    programmeId: r.programme_id,
    kind: r.kind,
    itemId: r.item_id,
    episodeId: r.episode_id,
    dueFrom: r.due_from,
    earliestOn: r.earliest_on,
    overdueAfter: r.overdue_after,
    expiresOn: r.expires_on,
    doneOn: r.done_on,
    doneBy: r.done_by,
    comeOn: r.come_on,
    lastAttempt: lastAttemptOf(r),
  };
}

/**
 * GET /api/residents/:id/due: every window of the resident's programmes by its state on the day, the
 * windows a refusal closed apart, and the doses the engine did not count.
 */
export async function residentDue(
  ctx: AppContext,
  residentId: string,
  q: ResidentDueQuery = {},
): Promise<ResidentDue> {
  const db = ctx.db;
  const resident = await findResidentRef(db, residentId);
  if (!resident) throw notFound('Resident', residentId);
  const asOf = q.asOf ?? todayOf(ctx);
  const upcomingUntil = addDays(asOf, q.horizonDays ?? UPCOMING_HORIZON_DAYS);
  const ids = new Set(programmesOf(ctx.profile).map((p) => p.id));
  const out: ResidentDue = {
    asOf,
    due: [],
    overdue: [],
    upcoming: [],
    upcomingUntil,
    done: [],
    expired: [],
    closed: [],
    invalidDoses: [],
  };
  for (const r of await dueRowsOfResident(db, resident.id)) {
    if (!ids.has(r.programme_id)) continue;
    const window = {
      dueFrom: r.due_from,
      overdueAfter: r.overdue_after,
      expiresOn: r.expires_on,
      doneOn: r.done_on,
    };
    const state = stateOn(window, asOf);
    const closed = r.closed_on !== null && r.closed_on <= asOf && state !== 'done';
    if (!closed && state === 'upcoming' && r.due_from > upcomingUntil) continue;
    out[closed ? 'closed' : state].push(dueItemOf(r));
  }
  out.invalidDoses = (await invalidDoseRowsOf(db, resident.id))
    .filter((d) => ids.has(d.programme_id))
    .map((d) => ({
      doseId: d.dose_id,
      programmeId: d.programme_id,
      itemId: d.item_id,
      reason: d.reason as ResidentDue['invalidDoses'][number]['reason'],
      validFrom: d.valid_from,
    }));
  return out;
}

/** A window due or overdue on the day, for the reminders job. */
export interface ReminderWindow {
  id: string;
  residentId: string;
  programmeId: string;
  kind: string;
  itemId: string;
  episodeId: string | null;
  dueFrom: string;
  overdueAfter: string | null;
}

/**
 * The windows due or overdue on `asOf` in every place (run it as the owner: the reminders job), by id
 * after `afterId`, `limit` at a time; the caller pages with the last id. Refused windows and those put
 * off to a will-come day still ahead are left out; with `profile`, only its programmes'.
 */
export async function dueForReminders(
  db: Db,
  q: { asOf: string; afterId?: string | null; limit?: number; profile?: CountryProfile },
): Promise<ReminderWindow[]> {
  const rows = await openWindowsById(db, {
    asOf: q.asOf,
    afterId: q.afterId ?? null,
    limit: q.limit ?? 1000,
    programmeIds: q.profile ? programmesOf(q.profile).map((p) => p.id) : null,
  });
  return rows.map((r) => ({
    id: r.id,
    residentId: r.resident_id,
    programmeId: r.programme_id,
    kind: r.kind,
    itemId: r.item_id,
    episodeId: r.episode_id,
    dueFrom: r.due_from,
    overdueAfter: r.overdue_after,
  }));
}
