import { type SelectQueryBuilder, sql } from 'kysely';
import type { Database, Db } from '../../platform/db/database.ts';
import type { ProgrammeKind, WorklistState } from './programmes.enums.ts';
import type { RankKey } from './worklists.rules.ts';

/**
 * Reads of the due store for the worklists, a resident's due items and reminders, under the caller's
 * scope (row-level security) unless run by the owner (the reminders job). A window listed on a day
 * is open on it: not done by then, due from it, not expired, not closed by a refusal, not put off by
 * a will-come day still ahead. The worklist is ranked in the database (rankOn below: the state, the
 * days overdue and the priority of priority.rules.ts, computed for the day asked), so it returns a
 * page in order and the counts, never every open window; worklists.priority.test.ts holds the SQL
 * to the pure rules on both engines.
 */

export interface OpenFilter {
  asOf: string;
  /** The profile's programmes (a window of a programme the profile dropped is not listed); null: any. */
  programmeIds: readonly string[] | null;
  /** A subtree inside the caller's scope, or everything the scope sees. */
  areaPath: string | null;
}

type DueQuery = SelectQueryBuilder<Database, 'programme_due', object>;

/** The conditions of a window open on `asOf`, done or not (the caller adds which). */
function openOn<Q extends DueQuery>(q: Q, f: OpenFilter): Q {
  let out = q
    .where('programme_due.due_from', '<=', f.asOf)
    .where((eb) =>
      eb.or([eb('programme_due.expires_on', 'is', null), eb('programme_due.expires_on', '>', f.asOf)]),
    )
    .where((eb) =>
      eb.or([eb('programme_due.closed_on', 'is', null), eb('programme_due.closed_on', '>', f.asOf)]),
    )
    .where((eb) =>
      eb.or([eb('programme_due.come_on', 'is', null), eb('programme_due.come_on', '<=', f.asOf)]),
    ) as Q;
  if (f.programmeIds !== null) out = out.where('programme_due.programme_id', 'in', [...f.programmeIds]) as Q;
  if (f.areaPath !== null) out = out.where(underPath(f.areaPath)) as Q;
  return out;
}

/**
 * A window under the place at `path`: `<@`, asked as the range its subtree is in ltree's order (the
 * path itself, then its descendants, all before the path with '0' appended to its last label) so the
 * btree on the open windows' area path (migration 2026_12_08_1600) reads that range only; `<@` stays
 * the exact test.
 */
export function underPath(path: string) {
  const col = sql.ref('programme_due.area_path');
  return sql<boolean>`(${col} >= ${path}::ltree and ${col} < ${`${path}0`}::ltree and ${col} <@ ${path}::ltree)`;
}

/**
 * A window's state, days overdue and priority on `asOf`, in SQL, over the columns of an open window
 * (`overdue_after`) and of the resident's risk (`last_systolic`, `last_diastolic`,
 * `cardiovascular_event`, all null without a risk row). The same definitions as state.rules.ts
 * (stateOn, daysOverdue) and priority.rules.ts (isUncontrolled, isReferralLevel, priorityOf), a
 * line each, for a window already known to be open (so due or overdue).
 */
export function rankOn(asOf: string) {
  const day = sql`${asOf}::date`;
  const overdue = sql<boolean>`(overdue_after is not null and ${day} > overdue_after)`;
  const daysOverdue = sql<number>`(case when ${overdue} then ${day} - overdue_after else 0 end)`;
  const reading = sql<boolean>`(last_systolic is not null and last_diastolic is not null)`;
  // At or above 140/90; controlled: a reading under both.
  const uncontrolled = sql<boolean>`(${reading} and (last_systolic >= 140 or last_diastolic >= 90))`;
  const controlled = sql<boolean>`(${reading} and last_systolic < 140 and last_diastolic < 90)`;
  // At or above 180/110, or a heart attack or stroke and not controlled.
  const referral = sql<boolean>`(${reading} and (last_systolic >= 180 or last_diastolic >= 110))`;
  const high = sql<boolean>`(${referral} or (coalesce(cardiovascular_event, false) and ${uncontrolled}))`;
  const priority = sql<number>`(case
    when ${daysOverdue} > 365 then case when ${uncontrolled} then 3 else 4 end
    when ${daysOverdue} >= 30 then case when ${high} then 1 when ${controlled} then 3 else 2 end
    else case when ${high} then 2 else 3 end
  end)`;
  const state = sql<WorklistState>`(case when ${overdue} then 'overdue' else 'due' end)`;
  return { state, daysOverdue, priority };
}

export interface WorklistFilter extends OpenFilter {
  kind?: ProgrammeKind;
  state?: WorklistState;
}

/**
 * Every window open on the day under the filter, with the resident's risk and its rank: the open ones
 * (the partial indexes) and, for a day in the past, those done after it.
 */
function ranked(db: Db, f: OpenFilter) {
  const base = () =>
    db
      .selectFrom('programme_due')
      .leftJoin('programme_risk', 'programme_risk.resident_id', 'programme_due.resident_id')
      .select([
        'programme_due.id',
        'programme_due.resident_id',
        'programme_due.programme_id',
        'programme_due.kind',
        'programme_due.item_id',
        'programme_due.episode_id',
        'programme_due.due_from',
        'programme_due.overdue_after',
        'programme_due.last_outcome',
        'programme_due.last_note',
        'programme_due.last_attempt_at',
        'programme_risk.last_systolic',
        'programme_risk.last_diastolic',
        'programme_risk.last_bp_on',
        'programme_risk.cardiovascular_event',
      ]);
  const open = openOn(base(), f).where('programme_due.done_on', 'is', null);
  const doneLater = openOn(base(), f).where('programme_due.done_on', '>', f.asOf);
  const r = rankOn(f.asOf);
  return db
    .with('listed', () => open.unionAll(doneLater))
    .with('ranked', (qb) =>
      qb
        .selectFrom('listed')
        .selectAll()
        .select([r.state.as('state'), r.daysOverdue.as('days_overdue'), r.priority.as('priority')]),
    );
}

/**
 * A page of the worklist in Simple's order (priority, then the most overdue first, then the oldest
 * due date, then the id, so pages never overlap: worklists.rules.ts compareKeys), after the cursor's
 * row: `limit` rows and one more to tell whether another page follows.
 */
export async function worklistPage(db: Db, f: WorklistFilter, after: RankKey | undefined, limit: number) {
  if (f.programmeIds?.length === 0) return [];
  let q = ranked(db, f).selectFrom('ranked').selectAll();
  if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
  if (f.state !== undefined) q = q.where('state', '=', f.state);
  if (after)
    q = q.where(
      sql<boolean>`(priority, -days_overdue, due_from, id) >
        (${after.priority}::int, ${-after.daysOverdue}::int, ${after.dueFrom}::date, ${after.id}::uuid)`,
    );
  return q
    .orderBy('priority')
    .orderBy('days_overdue', 'desc')
    .orderBy('due_from')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
}

export type WorklistPageRow = Awaited<ReturnType<typeof worklistPage>>[number];

/** How many windows are listed on the day under the filter, per kind and state. */
export async function worklistCounts(db: Db, f: OpenFilter) {
  if (f.programmeIds?.length === 0) return [];
  return ranked(db, f)
    .selectFrom('ranked')
    .select(['kind', 'state', sql<number>`count(*)::int`.as('n')])
    .groupBy(['kind', 'state'])
    .execute();
}

/** A resident's windows (every state), in the order of their dates. */
export function dueRowsOfResident(db: Db, residentId: string) {
  return db
    .selectFrom('programme_due')
    .selectAll()
    .where('resident_id', '=', residentId)
    .orderBy('due_from')
    .orderBy('programme_id')
    .orderBy('item_id')
    .execute();
}

export function invalidDoseRowsOf(db: Db, residentId: string) {
  return db
    .selectFrom('programme_invalid_dose')
    .selectAll()
    .where('resident_id', '=', residentId)
    .orderBy('programme_id')
    .orderBy('dose_id')
    .execute();
}

/** The window an outreach attempt is about, by its key. */
export function findDueRowByKey(
  db: Db,
  k: { residentId: string; programmeId: string; itemId: string; episodeId: string | null; dueFrom: string },
) {
  let q = db
    .selectFrom('programme_due')
    .selectAll()
    .where('resident_id', '=', k.residentId)
    .where('programme_id', '=', k.programmeId)
    .where('item_id', '=', k.itemId)
    .where('due_from', '=', k.dueFrom);
  q = k.episodeId === null ? q.where('episode_id', 'is', null) : q.where('episode_id', '=', k.episodeId);
  return q.executeTakeFirst();
}

/** Open windows on the day by id after `afterId`, for the reminders job (run as the owner: every place). */
export async function openWindowsById(
  db: Db,
  f: { asOf: string; afterId: string | null; limit: number; programmeIds: readonly string[] | null },
) {
  if (f.programmeIds?.length === 0) return [];
  let q = openOn(
    db
      .selectFrom('programme_due')
      .select([
        'id',
        'resident_id',
        'programme_id',
        'kind',
        'item_id',
        'episode_id',
        'due_from',
        'overdue_after',
        'done_on',
      ]),
    { asOf: f.asOf, programmeIds: f.programmeIds, areaPath: null },
  )
    .where((eb) => eb.or([eb('done_on', 'is', null), eb('done_on', '>', f.asOf)]))
    .orderBy('id')
    .limit(f.limit);
  if (f.afterId !== null) q = q.where('id', '>', f.afterId);
  return q.execute();
}
