import type { AppContext } from '../../platform/app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, invalidFields, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor, totalOf } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import { requireArea } from './areas.refs.ts';
import { checkClaims } from './claims.check.service.ts';
import type { ClaimStatus } from './claims.enums.ts';
import { claimCheckOf, claimEventOf, claimFieldsOf, claimLineOf } from './claims.mapping.ts';
import {
  type ClaimFilter,
  checksOf,
  claimRows,
  claimRowsByIds,
  countClaims,
  eventsOf,
  insertClaimEvents,
  lastChecksOf,
  linesInForce,
  rejectionsByCode,
  setClaimStatus,
  totalsByStatus,
} from './claims.queries.ts';
import { cents, fromCents } from './claims.rules.ts';
import type {
  CheckBody,
  Claim,
  ClaimListQuery,
  ClaimPage,
  ClaimsSummary,
  ReviewBody,
  SummaryQuery,
} from './claims.schema.ts';
import { allowedFrom, type ClaimAction, mayDo } from './claims.status.rules.ts';
import type { ClaimRow } from './claims.table.ts';
import { lookupFacility } from './facilities.refs.ts';

/**
 * Claims' use cases: read one (lines in force, checks, history), list and sum them in the caller's
 * scope (row-level security), and move one through its statuses: check (facility), submit, review
 * (agency), each with its event (who, when, why); a move not allowed from the claim's status is a 409
 * `claim_status` naming it.
 */

export interface ClaimCaller {
  userId: string | null;
}

export async function getClaim(ctx: AppContext, id: string): Promise<Claim> {
  const [row] = await claimRowsByIds(ctx.db, [id]);
  if (!row) throw notFound('Claim', id);
  return viewOf(ctx.db, row);
}

async function viewOf(db: Db, row: ClaimRow): Promise<Claim> {
  const [lines, checks, events] = [
    await linesInForce(db, [row.id]),
    await checksOf(db, row.id),
    await eventsOf(db, row.id),
  ];
  const mapped = checks.map(claimCheckOf);
  return {
    ...claimFieldsOf(row),
    lines: lines.map(claimLineOf),
    lastCheck: mapped[0] ?? null,
    checks: mapped,
    history: events.map(claimEventOf),
  };
}

/** The filter of a list or summary query: its area and facility resolved (400 naming the field when unknown). */
async function filterOf(
  ctx: AppContext,
  q: { area?: string | undefined; facility?: string | undefined; quarter?: string | undefined },
): Promise<ClaimFilter> {
  const f: ClaimFilter = { quarter: q.quarter ?? null };
  if (q.area) f.areaPath = (await requireArea(ctx.db, q.area, 'query.area')).path;
  if (q.facility) {
    const facility = await lookupFacility(ctx.db, q.facility);
    if (!facility) throw invalidFields([{ field: 'query.facility', message: `no facility ${q.facility}` }]);
    f.facilityId = facility.id;
  }
  return f;
}

export async function listClaims(ctx: AppContext, q: ClaimListQuery): Promise<ClaimPage> {
  const limit = q.limit ?? 50;
  const c = decodeCursor(q.cursor);
  const before = c && typeof c.v === 'string' ? { date: c.v, id: c.id } : undefined;
  const filter = { ...(await filterOf(ctx, q)), status: q.status ?? null, failure: q.failure ?? null };
  const rows = await claimRows(ctx.db, filter, { limit, before });
  const kept = rows.slice(0, limit);
  const last = new Map(
    (
      await lastChecksOf(
        ctx.db,
        kept.map((r) => r.id),
      )
    ).map((k) => [k.claim_id, k]),
  );
  const counted = await countClaims(ctx.db, filter, 1000);
  const lastRow = kept[kept.length - 1];
  return {
    items: kept.map((r) => {
      const check = last.get(r.id);
      return { ...claimFieldsOf(r), lastCheck: check ? claimCheckOf(check) : null };
    }),
    nextCursor:
      rows.length > limit && lastRow ? encodeCursor({ v: lastRow.visit_date, id: lastRow.id }) : null,
    total: totalOf(counted),
  };
}

/** Claimed (submitted and after), accepted and rejected (after review), by status and by failure code. */
export async function claimsSummary(ctx: AppContext, q: SummaryQuery): Promise<ClaimsSummary> {
  const filter = await filterOf(ctx, q);
  const byStatus = await totalsByStatus(ctx.db, filter);
  const sum = (statuses: readonly ClaimStatus[], pick: (r: (typeof byStatus)[number]) => string) => ({
    count: byStatus.filter((r) => statuses.includes(r.status)).reduce((t, r) => t + Number(r.count), 0),
    amount: fromCents(
      byStatus.filter((r) => statuses.includes(r.status)).reduce((t, r) => t + cents(pick(r)), 0),
    ),
  });
  const reviewed: ClaimStatus[] = ['accepted', 'partly-accepted', 'rejected', 'paid'];
  const accepted = sum(['accepted', 'partly-accepted', 'paid'], (r) => r.accepted);
  const rejectedAmount = sum(reviewed, (r) => r.rejected).amount;
  const rejectedCount = sum(['rejected'], (r) => r.rejected).count;
  return {
    quarter: q.quarter ?? null,
    currency: ctx.profile.currency,
    byStatus: byStatus.map((r) => ({
      status: r.status,
      count: Number(r.count),
      amount: fromCents(cents(r.insurance_pays)),
    })),
    claimed: sum(['submitted', ...reviewed], (r) => r.insurance_pays),
    accepted,
    rejected: { count: rejectedCount, amount: rejectedAmount },
    rejectionsByCode: (await rejectionsByCode(ctx.db, filter)).map((r) => ({
      code: r.code,
      count: Number(r.count),
      amount: fromCents(cents(r.insurance_pays)),
    })),
  };
}

/** The claim, locked, or a 404; a 409 `claim_status` when the action is not allowed from its status. */
async function claimFor(db: Db, id: string, action: ClaimAction): Promise<ClaimRow> {
  const [row] = await claimRowsByIds(db, [id], true);
  if (!row) throw notFound('Claim', id);
  if (!mayDo(action, row.status)) {
    throw new AppError(
      'claim_status',
      `claim ${id} is ${row.status}: ${action} needs a claim that is ${allowedFrom(action).join(' or ')}`,
    );
  }
  return row;
}

/** The facility's check: checked (passed, or some lines failing) or rejected, with the failures. */
export async function checkOne(
  ctx: AppContext,
  id: string,
  body: CheckBody,
  caller: ClaimCaller,
): Promise<Claim> {
  return inTransaction(ctx.db, async (db) => {
    await claimFor(db, id, 'check');
    await checkClaims(
      db,
      { profile: ctx.profile, now: ctx.clock.now(), userId: caller.userId },
      'facility',
      [id],
      {
        reason: body.reason ?? null,
      },
    );
    return viewOf(db, (await claimRowsByIds(db, [id]))[0] as ClaimRow);
  });
}

/** Submits checked claims to the agency (an event each). */
export async function submitClaims(
  db: Db,
  ids: readonly string[],
  at: Date,
  userId: string | null,
  reason: string | null,
): Promise<void> {
  const rows = await claimRowsByIds(db, ids);
  await setClaimStatus(db, ids, 'submitted', { submitted_at: at }, at);
  await insertClaimEvents(
    db,
    rows.map((r) => ({
      id: newId(),
      claim_id: r.id,
      from_status: r.status,
      to_status: 'submitted' as const,
      reason,
      user_id: userId,
      at,
      area_path: r.area_path,
    })),
  );
}

export async function submitOne(
  ctx: AppContext,
  id: string,
  body: CheckBody,
  caller: ClaimCaller,
): Promise<Claim> {
  return inTransaction(ctx.db, async (db) => {
    await claimFor(db, id, 'submit');
    await submitClaims(db, [id], ctx.clock.now(), caller.userId, body.reason ?? null);
    return viewOf(db, (await claimRowsByIds(db, [id]))[0] as ClaimRow);
  });
}

/**
 * The agency's review: the checks run again on its side with its own line rejections (each with a
 * code and reason): accepted, partly accepted (line by line) or rejected, with the accepted and
 * rejected amounts of the claim's insurance share.
 */
export async function reviewOne(
  ctx: AppContext,
  id: string,
  body: ReviewBody,
  caller: ClaimCaller,
): Promise<Claim> {
  return inTransaction(ctx.db, async (db) => {
    await claimFor(db, id, 'review');
    const lines = await linesInForce(db, [id]);
    const errors = (body.rejections ?? []).flatMap((r, i) =>
      lines.some((l) => l.line_no === r.lineNo)
        ? []
        : [{ field: `body.rejections[${i}].lineNo`, message: `the claim has no line ${r.lineNo} in force` }],
    );
    if (errors.length > 0) throw invalidFields(errors);
    await checkClaims(
      db,
      { profile: ctx.profile, now: ctx.clock.now(), userId: caller.userId },
      'agency',
      [id],
      {
        rejections: body.rejections ?? [],
        reason: body.reason ?? null,
      },
    );
    return viewOf(db, (await claimRowsByIds(db, [id]))[0] as ClaimRow);
  });
}
