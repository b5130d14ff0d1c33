import { type SelectQueryBuilder, sql } from 'kysely';
import type { Database, Db } from '../../platform/db/database.ts';
import type { ProgrammeKind } from './programmes.enums.ts';

/**
 * Reads of the due store for the worklists, a resident's due items and reminders, under the caller's
 * scope (row-level security) unless run by the owner (the reminders job). A window listed on a day
 * is open on it: not done by then, due from it, not expired, not closed by a refusal, not put off by
 * a will-come day still ahead. The state (due or overdue), the days overdue and the priority are then
 * read by the pure rules (state.rules.ts, priority.rules.ts), so the order is the rules' own.
 */

export interface WorklistCandidate {
  id: string;
  resident_id: string;
  programme_id: string;
  kind: ProgrammeKind;
  item_id: string;
  episode_id: string | null;
  due_from: string;
  overdue_after: string | null;
  expires_on: string | null;
  done_on: string | null;
  last_outcome: string | null;
  last_note: string | null;
  last_attempt_at: Date | null;
  last_systolic: number | null;
  last_diastolic: number | null;
  last_bp_on: string | null;
  cardiovascular_event: boolean | null;
}

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
  if (f.areaPath !== null)
    out = out.where(sql<boolean>`programme_due.area_path <@ ${f.areaPath}::ltree`) as Q;
  return out;
}

/**
 * Every window open on the day under the filter, with the resident's risk: the open ones (the
 * partial index) and, for a day in the past, those done after it.
 */
export async function worklistCandidates(db: Db, f: OpenFilter): Promise<WorklistCandidate[]> {
  if (f.programmeIds?.length === 0) return [];
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
        'programme_due.expires_on',
        'programme_due.done_on',
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
  return (await open.unionAll(doneLater).execute()) as WorklistCandidate[];
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
