import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { JobState } from './jobs.enums.ts';
import type { JobRow, NewJobRow } from './jobs.table.ts';

/** Inserts a job unless its idempotency key (or id) is taken; answers the row when it was inserted. */
export function insertJobRow(db: Db, row: NewJobRow): Promise<JobRow | undefined> {
  return db
    .insertInto('job')
    .values({ ...row, payload: JSON.stringify(row.payload ?? {}) })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function findJobRow(db: Db, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findJobByKey(db: Db, key: string): Promise<JobRow | undefined> {
  return db.selectFrom('job').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

/** The newest unfinished job of a kind on an area (null: no area), for the CLI to take up again. */
export function findUnfinishedJob(
  db: Db,
  kind: string,
  areaPath: string | null,
): Promise<JobRow | undefined> {
  return db
    .selectFrom('job')
    .selectAll()
    .where('kind', '=', kind)
    .where('state', 'in', ['queued', 'running'])
    .where((eb) =>
      areaPath === null ? eb('area_path', 'is', null) : eb(sql`area_path::text`, '=', areaPath),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export interface JobListFilter {
  kind?: string | undefined;
  state?: JobState | undefined;
  /** Newest first: rows created before this job (the last row of the previous page). */
  before?: { createdAt: string; id: string } | undefined;
  limit: number;
}

function listed(db: Db, f: Omit<JobListFilter, 'before' | 'limit'>) {
  let q = db.selectFrom('job').selectAll();
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.state) q = q.where('state', '=', f.state);
  return q;
}

export function jobRows(db: Db, f: JobListFilter): Promise<JobRow[]> {
  let q = listed(db, f);
  if (f.before) {
    const { createdAt, id } = f.before;
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', new Date(createdAt)),
        eb.and([eb('created_at', '=', new Date(createdAt)), eb('id', '<', id)]),
      ]),
    );
  }
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export function jobListQuery(db: Db, f: Omit<JobListFilter, 'before' | 'limit'>) {
  return listed(db, f);
}

/**
 * Claims one job of these kinds: a queued one whose time has come, or a running one whose lease ended
 * (its process died). `FOR UPDATE SKIP LOCKED`: two workers on a server never take the same row, and
 * neither waits for the other. The attempt is counted at the claim, so a job that kills its process
 * every time still runs out of attempts.
 */
export async function claimJobRow(
  db: Db,
  kinds: readonly string[],
  worker: string,
  now: Date,
  leaseUntil: Date,
  onlyId?: string,
): Promise<JobRow | undefined> {
  if (kinds.length === 0) return undefined;
  const result = await sql<JobRow>`
    update job set state = 'running', attempts = attempts + 1, leased_by = ${worker},
                   lease_until = ${leaseUntil}, started_at = coalesce(started_at, ${now}), error = null
    where id = (
      select id from job
      where kind = any(${sql.val([...kinds])}::text[])
        and ((state = 'queued' and run_after <= ${now}) or (state = 'running' and lease_until < ${now}))
        ${onlyId ? sql`and id = ${onlyId}` : sql``}
      order by run_after, id
      limit 1
      for update skip locked
    )
    returning *`.execute(db);
  return result.rows[0];
}

/**
 * Writes a running job's checkpoint and progress and renews its lease, if this worker still holds it;
 * answers false when the lease was lost (another worker took the job after it ended).
 */
export async function saveCheckpoint(
  db: Db,
  id: string,
  worker: string,
  leaseUntil: Date,
  checkpoint: unknown,
  done: number,
  total: number | null,
): Promise<boolean> {
  const r = await db
    .updateTable('job')
    .set({
      checkpoint: JSON.stringify(checkpoint ?? null),
      progress_done: done,
      progress_total: total,
      lease_until: leaseUntil,
    })
    .where('id', '=', id)
    .where('leased_by', '=', worker)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function renewLease(db: Db, id: string, worker: string, leaseUntil: Date): Promise<boolean> {
  const r = await db
    .updateTable('job')
    .set({ lease_until: leaseUntil })
    .where('id', '=', id)
    .where('leased_by', '=', worker)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Ends a job this worker holds: done, failed, or back to queued for a retry after `runAfter`. */
export async function endAttempt(
  db: Db,
  id: string,
  worker: string,
  end: { state: JobState; runAfter?: Date; error?: string | null; finishedAt?: Date | null },
): Promise<boolean> {
  const r = await db
    .updateTable('job')
    .set({
      state: end.state,
      error: end.error ?? null,
      lease_until: null,
      leased_by: null,
      ...(end.runAfter ? { run_after: end.runAfter } : {}),
      ...(end.finishedAt !== undefined ? { finished_at: end.finishedAt } : {}),
    })
    .where('id', '=', id)
    .where('leased_by', '=', worker)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A schedule's earliest run not yet ended (by its key `schedule|<name>|<day>`). */
export function findNextScheduledRun(db: Db, name: string): Promise<JobRow | undefined> {
  return db
    .selectFrom('job')
    .selectAll()
    .where('idempotency_key', 'like', `schedule|${name.replace(/[\\%_]/g, (c) => `\\${c}`)}|%`)
    .where('state', 'in', ['queued', 'running'])
    .orderBy('run_after')
    .orderBy('id')
    .executeTakeFirst();
}
