import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { addDays } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, badRequest, invalidFields, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { inScope, type Scope } from '../access/index.ts';
import { findAreasByIds, lookupArea } from '../areas/index.ts';
import { findResidentRef, residentCareRefsByIds, residentContactsByIds } from '../residents/index.ts';
import type { ProgrammeDueRow } from './due.table.ts';
import type { RiskFacts } from './facts.ts';
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
  worklistCandidates,
} from './worklists.queries.ts';
import { ageOn, compareKeys, countsOf, keyOf, type Listable, type RankKey, rank } from './worklists.rules.ts';

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

const NO_RISK: RiskFacts = {
  lastSystolic: null,
  lastDiastolic: null,
  lastBpOn: null,
  cardiovascularEvent: false,
};

function cursorKey(raw: string | undefined): RankKey | undefined {
  const c = decodeCursor(raw);
  if (!c) return undefined;
  const [days, dueFrom] = c.more ?? [];
  if (typeof c.v !== 'number' || typeof days !== 'number' || typeof dueFrom !== 'string')
    throw badRequest(
      'The cursor is not valid: pass the nextCursor of the previous page unchanged',
      'query.cursor',
    );
  return { priority: c.v, daysOverdue: days, dueFrom, id: c.id };
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
 * a page at a time. The counts by kind cover every kind under the other filters.
 */
export async function worklist(ctx: AppContext, q: WorklistQuery, scope: Scope): Promise<Worklist> {
  const db = ctx.db;
  const asOf = q.asOf ?? todayOf(ctx);
  const ids = programmeIds(ctx.profile, q.programme);
  const areaPath = await areaFilter(db, q.area, scope);
  const after = cursorKey(q.cursor);
  const limit = q.limit ?? 50;
  const candidates = await worklistCandidates(db, { asOf, programmeIds: ids, areaPath });
  const ranked = rank(
    candidates.map((c) => ({
      id: c.id,
      kind: c.kind,
      dueFrom: c.due_from,
      window: {
        dueFrom: c.due_from,
        overdueAfter: c.overdue_after,
        expiresOn: c.expires_on,
        doneOn: c.done_on,
      },
      risk:
        c.cardiovascular_event === null
          ? NO_RISK
          : {
              lastSystolic: c.last_systolic,
              lastDiastolic: c.last_diastolic,
              lastBpOn: c.last_bp_on,
              cardiovascularEvent: c.cardiovascular_event,
            },
      c,
    })),
    asOf,
  );
  const counts = countsOf(ranked);
  const listed = ranked
    .filter(
      (r) =>
        (q.kind === undefined || r.row.kind === q.kind) && (q.state === undefined || r.state === q.state),
    )
    .sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
  const start = after ? listed.findIndex((r) => compareKeys(keyOf(r), after) > 0) : 0;
  const rest = start < 0 ? [] : listed.slice(start);
  const page = rest.slice(0, limit);
  const last = page[page.length - 1];
  return {
    asOf,
    items: await rowsOf(db, page, asOf),
    nextCursor:
      rest.length > limit && last
        ? encodeCursor({ v: last.priority, id: last.row.id, more: [last.daysOverdue, last.row.dueFrom] })
        : null,
    total: { count: listed.length, exact: true },
    counts,
  };
}

type Page = ReturnType<typeof rank<Listable & { c: Awaited<ReturnType<typeof worklistCandidates>>[number] }>>;

/** The page's rows with who to reach: name, phone, village, age on the day. */
async function rowsOf(db: Db, page: Page, asOf: string): Promise<WorklistRow[]> {
  const residentIds = [...new Set(page.map((r) => r.row.c.resident_id))];
  const contacts = await residentContactsByIds(db, residentIds);
  const refs = await residentCareRefsByIds(db, residentIds);
  const areas = await findAreasByIds(db, [...new Set([...refs.values()].map((r) => r.areaId))]);
  return page.map(({ row, state, daysOverdue, priority }) => {
    const c = row.c;
    const ref = refs.get(c.resident_id);
    const contact = contacts.get(c.resident_id);
    const { age, ageMonths } = ageOn(ref?.birthDate ?? null, asOf);
    return {
      id: c.id,
      residentId: c.resident_id,
      fullName: contact?.fullName ?? '',
      phone: contact?.phone ?? null,
      village: (ref && areas.get(ref.areaId)?.name) ?? null,
      age,
      ageMonths,
      programmeId: c.programme_id,
      kind: c.kind,
      itemId: c.item_id,
      episodeId: c.episode_id,
      dueFrom: c.due_from,
      overdueAfter: c.overdue_after,
      state,
      daysOverdue,
      priority,
      lastBp:
        c.last_bp_on !== null && c.last_systolic !== null && c.last_diastolic !== null
          ? { systolic: c.last_systolic, diastolic: c.last_diastolic, on: c.last_bp_on }
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
