import type { Writable } from 'node:stream';
import type { AppContext } from '../../platform/app-context.ts';
import { streamCsv } from '../../platform/csv/csv-export.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Scope } from '../access/index.ts';
import { type ClaimReconciliationRow, claimsForReconciliation } from './claims.refs.ts';
import { fromCents, toCents } from './settlement.rules.ts';
import { findSettlementRow, settledAmountsOf } from './settlements.queries.ts';
import type { Reconciliation, SettlementListQuery } from './settlements.schema.ts';
import { getSettlement, listSettlements } from './settlements.service.ts';

/**
 * Reconciliation reports an insurance officer signs off: a facility's quarter claim by claim (JSON for
 * the printable page, CSV), and an area's quarter facility by facility (CSV), each with its totals.
 */

const PAGE = 1000;

async function* claimPages(ctx: AppContext, facilityId: string, quarter: string) {
  let afterId: string | null = null;
  for (;;) {
    const page: ClaimReconciliationRow[] = await claimsForReconciliation(ctx.db, {
      facilityId,
      quarter,
      afterId,
      limit: PAGE,
    });
    yield* page;
    if (page.length < PAGE) return;
    afterId = page[page.length - 1]!.id;
  }
}

const claimFigures = (c: ClaimReconciliationRow) => {
  const accepted =
    c.status === 'accepted' || c.status === 'partly-accepted' || c.status === 'paid'
      ? toCents(c.acceptedAmount)
      : 0;
  const rejected =
    c.status === 'rejected'
      ? toCents(c.rejectedAmount ?? c.insurancePays)
      : c.status === 'submitted'
        ? 0
        : toCents(c.rejectedAmount);
  return { claimed: toCents(c.insurancePays), accepted, rejected };
};

/** A facility's quarter for the printable page: the settlement, every claim claimed, and the claims' sums. */
export async function reconciliationOf(ctx: AppContext, id: string): Promise<Reconciliation> {
  const settlement = await getSettlement(ctx, id);
  const settled = await settledAmountsOf(ctx.db, id);
  const claims: Reconciliation['claims'] = [];
  const sums = { claimed: 0, accepted: 0, rejected: 0, settled: 0 };
  for await (const c of claimPages(ctx, settlement.facility.id, settlement.quarter)) {
    const f = claimFigures(c);
    const paid = settled.get(c.id) ?? 0;
    sums.claimed += f.claimed;
    sums.accepted += f.accepted;
    sums.rejected += f.rejected;
    sums.settled += paid;
    claims.push({
      claimId: c.id,
      visitDate: c.visitDate,
      cardNumber: c.cardNumber,
      scheme: c.scheme,
      status: c.status,
      claimed: fromCents(f.claimed),
      accepted: fromCents(f.accepted),
      rejected: fromCents(f.rejected),
      settled: fromCents(paid),
    });
  }
  return {
    settlement,
    claims,
    claimTotals: {
      claimed: fromCents(sums.claimed),
      accepted: fromCents(sums.accepted),
      rejected: fromCents(sums.rejected),
      settled: fromCents(sums.settled),
    },
  };
}

const FACILITY_COLUMNS = [
  'line',
  'claim_id',
  'visit_date',
  'card_number',
  'status',
  'claimed',
  'accepted',
  'rejected',
  'settled',
  'adjustment',
  'from_quarter',
  'advance',
  'balance',
];

/**
 * A facility's quarter as CSV: a line per claim (as it stands now, and what this settlement pays for
 * it), one per adjustment, then the advance and the total (claimed, accepted, rejected, adjustments,
 * advance, balance), streamed page by page.
 */
export async function exportFacilityReconciliation(
  ctx: AppContext,
  id: string,
  out: Writable,
): Promise<number> {
  const row = await findSettlementRow(ctx.db, id);
  if (!row) throw notFound('Settlement', id);
  const s = await getSettlement(ctx, id);
  const settled = await settledAmountsOf(ctx.db, id);
  async function* lines(): AsyncGenerator<Record<string, unknown>> {
    for await (const c of claimPages(ctx, s.facility.id, s.quarter)) {
      const f = claimFigures(c);
      yield {
        line: 'claim',
        claim_id: c.id,
        visit_date: c.visitDate,
        card_number: c.cardNumber ?? c.scheme ?? '',
        status: c.status,
        claimed: fromCents(f.claimed),
        accepted: fromCents(f.accepted),
        rejected: fromCents(f.rejected),
        settled: fromCents(settled.get(c.id) ?? 0),
      };
    }
    for (const a of s.adjustmentItems)
      yield { line: 'adjustment', claim_id: a.claimId, adjustment: a.amount, from_quarter: a.fromQuarter };
    yield {
      line: 'advance',
      visit_date: s.advanceDetail?.paidOn ?? '',
      status: s.advanceDetail?.source ?? '',
      advance: s.advance,
    };
    yield {
      line: 'total',
      status: s.status,
      claimed: s.claimed,
      accepted: s.accepted,
      rejected: s.rejected,
      settled: s.accepted,
      adjustment: s.adjustments,
      advance: s.advance,
      balance: s.balance,
    };
  }
  return streamCsv(out, FACILITY_COLUMNS, lines());
}

const AREA_COLUMNS = [
  'facility_code',
  'facility_name',
  'quarter',
  'status',
  'claims',
  'claimed',
  'accepted',
  'rejected',
  'advance',
  'adjustments',
  'balance',
  'next_advance',
  'signed_at',
];

/** An area's quarter as CSV: a line per facility's settlement, then the area's total. */
export async function exportAreaReconciliation(
  ctx: AppContext,
  q: SettlementListQuery,
  scope: Scope,
  out: Writable,
): Promise<number> {
  const r = await listSettlements(ctx, q, scope);
  async function* lines() {
    for (const s of r.items)
      yield [
        s.facility.code,
        s.facility.name,
        s.quarter,
        s.status,
        s.counts.claims,
        s.claimed,
        s.accepted,
        s.rejected,
        s.advance,
        s.adjustments,
        s.balance,
        s.nextAdvance,
        s.signedAt ?? '',
      ];
    const t = r.totals;
    yield [
      'TOTAL',
      r.area?.name ?? '',
      r.quarter,
      `${t.signed}/${t.facilities} signed`,
      r.items.reduce((n, s) => n + s.counts.claims, 0),
      t.claimed,
      t.accepted,
      t.rejected,
      t.advance,
      t.adjustments,
      t.balance,
      t.nextAdvance,
      '',
    ];
  }
  return streamCsv(out, AREA_COLUMNS, lines());
}
