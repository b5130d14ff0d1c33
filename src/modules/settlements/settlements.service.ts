import type { AppContext } from '../../platform/app-context.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, conflict, invalidFields, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { inScope, type Scope } from '../access/index.ts';
import { requireArea } from '../areas/index.ts';
import { fingerprintOf } from '../encounters/index.ts';
import { facilityNamesByIds, lookupFacility } from '../facilities/index.ts';
import { settlementProfileOf } from './run.service.ts';
import {
  addQuarters,
  fromCents,
  nextAdvance,
  quarterStart,
  roundToDecimals,
  sumFigures,
  toCents,
} from './settlement.rules.ts';
import { toAdjustment, toAdvance, toSettlement } from './settlements.mapping.ts';
import {
  adjustmentRowsOf,
  findAdvanceOf,
  findAdvanceRow,
  findSettlementOf,
  findSettlementRow,
  insertAdvanceIfMissing,
  settlementRowsOf,
  signSettlementRow,
} from './settlements.queries.ts';
import type {
  Advance,
  RecordAdvanceBody,
  SettlementDetail,
  SettlementListQuery,
  SettlementRollUp,
} from './settlements.schema.ts';
import type { SettlementRow } from './settlements.table.ts';

/** Where a list or report is taken: an area's subtree, or one facility; inside the caller's scope (else 403). */
export async function placeOf(
  ctx: AppContext,
  q: { area?: string | undefined; facility?: string | undefined },
  scope: Scope,
): Promise<{ areaPath: string | null; facilityId?: string; area: SettlementRollUp['area'] }> {
  if (q.facility) {
    const f = await lookupFacility(ctx.db, q.facility);
    if (!f)
      throw invalidFields([{ field: 'querystring.facility', message: 'No facility has this id or code' }]);
    if (!inScope(f.areaPath, scope))
      throw new AppError('forbidden', 'The facility is outside the places your roles cover');
    return { areaPath: f.areaPath, facilityId: f.id, area: null };
  }
  if (q.area) {
    const a = await requireArea(ctx.db, q.area, 'querystring.area');
    if (!inScope(a.path, scope))
      throw new AppError('forbidden', 'The area is outside the places your roles cover');
    return { areaPath: a.path, area: { id: a.id, code: a.code, name: a.name } };
  }
  if (scope.all) return { areaPath: null, area: null };
  if (scope.paths.length === 1) return { areaPath: scope.paths[0]!, area: null };
  throw invalidFields([{ field: 'querystring.area', message: 'Name the area (or facility) to report on' }]);
}

/** An area's quarter (or a facility's): each facility's settlement, and their sums. */
export async function listSettlements(
  ctx: AppContext,
  q: SettlementListQuery,
  scope: Scope,
): Promise<SettlementRollUp> {
  const place = await placeOf(ctx, q, scope);
  const rows = await settlementRowsOf(ctx.db, {
    quarter: q.quarter,
    areaPath: place.areaPath,
    ...(place.facilityId ? { facilityId: place.facilityId } : {}),
  });
  const names = await facilityNamesByIds(
    ctx.db,
    rows.map((r) => r.facility_id),
  );
  const items = rows.map((r) => toSettlement(r, names.get(r.facility_id)));
  // Summed in cents: the roll-up equals its rows to the cent.
  const cents = sumFigures(
    items.map((s) => ({
      claimed: toCents(s.claimed),
      accepted: toCents(s.accepted),
      rejected: toCents(s.rejected),
      advance: toCents(s.advance),
      adjustments: toCents(s.adjustments),
      balance: toCents(s.balance),
      nextAdvance: toCents(s.nextAdvance),
    })),
  );
  const totals = { ...cents };
  for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] = fromCents(cents[k]);
  return {
    quarter: q.quarter,
    area: place.area,
    currency: ctx.profile.currency,
    totals: {
      ...totals,
      facilities: items.length,
      signed: items.filter((s) => s.status === 'signed').length,
    },
    items,
  };
}

async function detailOf(ctx: AppContext, row: SettlementRow): Promise<SettlementDetail> {
  const names = await facilityNamesByIds(ctx.db, [row.facility_id]);
  const advance = await findAdvanceOf(ctx.db, row.facility_id, row.quarter);
  const adjustments = await adjustmentRowsOf(ctx.db, row.id);
  return {
    ...toSettlement(row, names.get(row.facility_id)),
    advanceDetail: advance ? toAdvance(advance) : null,
    adjustmentItems: adjustments.map(toAdjustment),
  };
}

/** One settlement with its advance and adjustments (404 outside the caller's scope). */
export async function getSettlement(ctx: AppContext, id: string): Promise<SettlementDetail> {
  const row = await findSettlementRow(ctx.db, id);
  if (!row) throw notFound('Settlement', id);
  return detailOf(ctx, row);
}

/**
 * An officer signs a computed settlement off: it is frozen from then on (a re-run leaves it; a later
 * correction of one of its claims lands in the next open quarter), and the next quarter's advance is
 * recorded by the profile's rule unless one was recorded already. Signing a signed one again answers it.
 */
export function signSettlement(
  ctx: AppContext,
  id: string,
  userId: string | null,
): Promise<SettlementDetail> {
  return inTransaction(ctx.db, async (trx) => {
    const found = await findSettlementRow(trx, id);
    if (!found) throw notFound('Settlement', id);
    const locked = await findSettlementOf(trx, found.facility_id, found.quarter, true);
    if (!locked || locked.status === 'signed') return detailOf({ ...ctx, db: trx }, locked ?? found);
    const now = ctx.clock.now();
    const signed = await signSettlementRow(trx, id, userId, now);
    const { decimals, advances } = settlementProfileOf(ctx.profile);
    const next = nextAdvance(
      advances,
      { quarter: signed.quarter, accepted: toCents(signed.accepted), claimed: toCents(signed.claimed) },
      decimals,
    );
    const quarter = addQuarters(signed.quarter, 1);
    await insertAdvanceIfMissing(trx, {
      id: newId(),
      facility_id: signed.facility_id,
      quarter,
      amount: Number(signed.next_advance),
      paid_on: quarterStart(quarter),
      source: 'rule',
      basis: signed.next_advance_basis,
      base: fromCents(next.base),
      percent: next.percent,
      from_settlement_id: signed.id,
      fingerprint: null,
      recorded_by: userId,
      recorded_at: now,
      area_path: signed.area_path,
    });
    return detailOf({ ...ctx, db: trx }, signed);
  });
}

/**
 * An officer records the advance paid to a facility for a quarter (idempotent by the client's id:
 * the same body again answers the stored one, another body 409). One advance per facility and quarter
 * (409 `advance_recorded`); none once the quarter is signed (409 `settlement_signed`). The amount is
 * in the profile's decimals (VN whole đồng). A computed settlement takes it at its next run.
 */
export function recordAdvance(
  ctx: AppContext,
  body: RecordAdvanceBody,
  scope: Scope,
  userId: string | null,
): Promise<{ advance: Advance; created: boolean }> {
  return inTransaction(ctx.db, async (trx) => {
    const fingerprint = fingerprintOf(body);
    const same = await findAdvanceRow(trx, body.id);
    if (same) {
      if (same.fingerprint === fingerprint) return { advance: toAdvance(same), created: false };
      throw conflict('Another advance was recorded under this id', 'body.id');
    }
    const f = await lookupFacility(trx, body.facility);
    if (!f) throw invalidFields([{ field: 'body.facility', message: 'No facility has this id or code' }]);
    if (!inScope(f.areaPath, scope))
      throw new AppError('forbidden', 'The facility is outside the places your roles cover');
    const { decimals } = settlementProfileOf(ctx.profile);
    const cents = toCents(body.amount);
    if (roundToDecimals(cents, decimals) !== cents || Math.abs(cents / 100 - body.amount) > 1e-9)
      throw invalidFields([
        { field: 'body.amount', message: `Give the amount to ${decimals} decimals at most` },
      ]);
    const s = await findSettlementOf(trx, f.id, body.quarter);
    if (s?.status === 'signed')
      throw new AppError(
        'settlement_signed',
        `The settlement of ${f.code} for ${body.quarter} is signed: frozen`,
      );
    const existing = await findAdvanceOf(trx, f.id, body.quarter);
    if (existing)
      throw new AppError(
        'advance_recorded',
        `${f.code} has an advance for ${body.quarter} already (${existing.source}, ${existing.amount})`,
      );
    const row = await insertAdvanceIfMissing(trx, {
      id: body.id,
      facility_id: f.id,
      quarter: body.quarter,
      amount: fromCents(cents),
      paid_on: body.paidOn,
      source: 'manual',
      basis: null,
      base: null,
      percent: null,
      from_settlement_id: null,
      fingerprint,
      recorded_by: userId,
      recorded_at: ctx.clock.now(),
      area_path: f.areaPath,
    });
    if (!row) throw new AppError('advance_recorded', `${f.code} has an advance for ${body.quarter} already`);
    return { advance: toAdvance(row), created: true };
  });
}
