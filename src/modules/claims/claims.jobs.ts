import type { AppContext } from '../../platform/app-context.ts';
import { quarterOf } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, invalidFields } from '../../platform/http/errors.ts';
import { inScope, type Scope } from '../access/index.ts';
import { requireArea } from './areas.refs.ts';
import { buildClaims } from './claims.build.service.ts';
import { checkClaims } from './claims.check.service.ts';
import { claimIdsIn } from './claims.queries.ts';
import type { BatchCheckBody } from './claims.schema.ts';
import { submitClaims } from './claims.service.ts';
import { insuredVisitsBilledIn } from './encounters.refs.ts';
import { lookupFacility } from './facilities.refs.ts';
import { enqueueJob, type Job, registerJobKind, toJob } from './jobs.refs.ts';

/**
 * The claims' background jobs, resumable (the last id is the checkpoint; a page is one transaction):
 * - `claims.build` { areaPath?, facilityId?, from?, to? }: the claims of the closed insured visits of
 *   a facility or an area over a period (visit dates), built or rebuilt in pages of 500 visits (the
 *   demo and backfills; a visit closed through the API already has its claim);
 * - `claims.check` { areaPath?, facilityId?, quarter, submit }: the facility's check of a quarter's
 *   draft claims in batches of 1,000, and the checked ones submitted.
 */

const BUILD_PAGE = 500;
const CHECK_PAGE = 1000;

export interface BuildPayload {
  areaPath?: string | null;
  facilityId?: string | null;
  from?: string | null;
  to?: string | null;
  /** A quarter ('2026-Q4') instead of from/to. */
  quarter?: string | null;
}

function periodOf(p: BuildPayload): { from: string | null; to: string | null } {
  if (p.quarter) {
    const [year, q] = p.quarter.split('-Q');
    const first = `${year}-${String((Number(q) - 1) * 3 + 1).padStart(2, '0')}-01`;
    const { start, end } = quarterOf(first);
    // Visits ending in the quarter started on its dates (an outpatient visit is one day).
    return { from: start, to: end };
  }
  return { from: p.from ?? null, to: p.to ?? null };
}

/** Builds the claims of a facility's or area's visits over a period, page by page; answers the counts. */
export async function buildClaimsIn(
  db: Db,
  ctx: Pick<AppContext, 'profile' | 'clock'>,
  payload: BuildPayload,
  resume: { afterId: string | null; done: number } = { afterId: null, done: 0 },
  onPage?: (state: { afterId: string | null; done: number }) => Promise<void>,
  signal?: AbortSignal,
): Promise<{ done: number }> {
  const { from, to } = periodOf(payload);
  let { afterId, done } = resume;
  for (;;) {
    if (signal?.aborted) return { done };
    const page = await insuredVisitsBilledIn(db, {
      facilityId: payload.facilityId ?? null,
      areaPath: payload.areaPath ?? null,
      from,
      to,
      afterId,
      limit: BUILD_PAGE,
    });
    if (page.length === 0) return { done };
    await inTransaction(db, (trx) =>
      buildClaims(
        trx,
        ctx,
        page.map((p) => p.encounterId),
        null,
      ),
    );
    afterId = page[page.length - 1]?.encounterId ?? afterId;
    done += page.length;
    await onPage?.({ afterId, done });
  }
}

registerJobKind<BuildPayload, { afterId: string | null; done: number }>('claims.build', {
  async run(job) {
    await buildClaimsIn(
      job.db,
      job.ctx,
      job.payload,
      job.state ?? { afterId: null, done: 0 },
      (s) => job.checkpoint(s, { done: s.done }),
      job.signal,
    );
  },
});

export interface CheckPayload {
  areaPath?: string | null;
  facilityId?: string | null;
  quarter: string;
  submit?: boolean;
  userId?: string | null;
}

registerJobKind<CheckPayload, { afterId: string | null; done: number }>('claims.check', {
  async run(job) {
    let afterId = job.state?.afterId ?? null;
    let done = job.state?.done ?? 0;
    const p = job.payload;
    for (;;) {
      if (job.signal.aborted) return;
      const ids = await claimIdsIn(job.db, {
        facilityId: p.facilityId ?? null,
        areaPath: p.areaPath ?? null,
        quarter: p.quarter,
        statuses: p.submit === false ? ['draft'] : ['draft', 'checked'],
        afterId,
        limit: CHECK_PAGE,
      });
      if (ids.length === 0) return;
      await inTransaction(job.db, async (trx) => {
        const now = job.ctx.clock.now();
        const ctx = { profile: job.ctx.profile, now, userId: p.userId ?? null };
        const results = await checkClaims(trx, ctx, 'facility', ids, { lock: true, reason: 'batch check' });
        if (p.submit !== false) {
          const passed = [...results].filter(([, r]) => r.outcome !== 'rejected').map(([id]) => id);
          await submitClaims(trx, passed, now, p.userId ?? null, 'batch check: submitted');
        }
      });
      afterId = ids[ids.length - 1] ?? afterId;
      done += ids.length;
      await job.checkpoint({ afterId, done }, { done });
    }
  },
});

/** POST /api/claims/checks: a facility's or an area's quarter (inside the caller's scope) checked and submitted by a job. */
export async function startBatchCheck(
  ctx: AppContext,
  body: BatchCheckBody,
  scope: Scope,
  userId: string | null,
): Promise<{ job: Job; created: boolean }> {
  let areaPath: string;
  let facilityId: string | null = null;
  if (body.facility) {
    const f = await lookupFacility(ctx.db, body.facility);
    if (!f) throw invalidFields([{ field: 'body.facility', message: `no facility ${body.facility}` }]);
    facilityId = f.id;
    areaPath = f.areaPath;
  } else if (body.area) {
    areaPath = (await requireArea(ctx.db, body.area, 'body.area')).path;
  } else {
    throw invalidFields([
      { field: 'body.facility', message: 'name the facility (or the area) whose claims to check' },
    ]);
  }
  if (!inScope(areaPath, scope))
    throw new AppError('forbidden', 'The facility or area is outside the places your roles cover');
  const r = await enqueueJob(ctx.db, {
    kind: 'claims.check',
    payload: {
      areaPath: facilityId ? null : areaPath,
      facilityId,
      quarter: body.quarter,
      submit: body.submit ?? true,
      userId,
    },
    idempotencyKey: body.idempotencyKey,
    areaPath,
    createdBy: userId,
    now: ctx.clock.now(),
  });
  return { job: toJob(r.job), created: r.created };
}
