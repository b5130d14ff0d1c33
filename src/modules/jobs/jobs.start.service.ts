import type { AppContext } from '../../platform/app-context.ts';
import { countUpTo } from '../../platform/db/count.ts';
import { AppError, invalidFields } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor, totalOf } from '../../platform/http/pagination.ts';
import { inScope, type Scope } from '../access/index.ts';
import { requireArea } from '../areas/index.ts';
import { toJob } from './jobs.mapping.ts';
import { jobListQuery, jobRows } from './jobs.queries.ts';
import type { Job, JobList, JobListQuery, StartJobBody } from './jobs.schema.ts';
import { enqueueJob } from './jobs.service.ts';

/**
 * Starts a job from the API: its area is the one asked for (inside the caller's scope) or the caller's
 * own single area; a national scope may leave it out (the whole country). The job's payload carries
 * the area's path.
 */
export async function startJob(
  ctx: AppContext,
  body: StartJobBody,
  scope: Scope,
  userId: string | null,
): Promise<{ job: Job; created: boolean }> {
  let areaPath: string | null;
  if (body.payload?.area) {
    areaPath = (await requireArea(ctx.db, body.payload.area, 'body.payload.area')).path;
    if (!inScope(areaPath, scope))
      throw new AppError('forbidden', 'The area is outside the places your roles cover');
  } else if (scope.all) areaPath = null;
  else if (scope.paths.length === 1) areaPath = scope.paths[0]!;
  else throw invalidFields([{ field: 'body.payload.area', message: 'Name the area the job works on' }]);
  const r = await enqueueJob(ctx.db, {
    kind: body.kind,
    payload: { areaPath, ...(body.payload?.asOf ? { asOf: body.payload.asOf } : {}) },
    idempotencyKey: body.idempotencyKey,
    areaPath,
    createdBy: userId,
    now: ctx.clock.now(),
  });
  return { job: toJob(r.job), created: r.created };
}

/** The jobs the caller's scope sees (row-level security), newest first. */
export async function listJobs(ctx: AppContext, q: JobListQuery): Promise<JobList> {
  const limit = q.limit ?? 50;
  const c = decodeCursor(q.cursor);
  const before = c && typeof c.v === 'string' ? { createdAt: c.v, id: c.id } : undefined;
  const rows = await jobRows(ctx.db, { kind: q.kind, state: q.state, before, limit });
  const total = await countUpTo(ctx.db, jobListQuery(ctx.db, { kind: q.kind, state: q.state }));
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return {
    items: kept.map(toJob),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ v: new Date(last.created_at).toISOString(), id: last.id })
        : null,
    total: total.count < kept.length ? totalOf(kept.length) : total,
  };
}
