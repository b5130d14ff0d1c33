import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, invalidFields } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { inScope, type Scope } from '../access/index.ts';
import { requireArea } from '../areas/index.ts';
import { lookupFacility } from '../facilities/index.ts';
import { enqueueJob } from '../jobs/index.ts';
import { claimStandings, claimsToSettle, claimTotalsByFacility, markClaimsPaid } from './claims.refs.ts';
import {
  balanceOf,
  correctionsOf,
  fromCents,
  nextAdvance,
  quarterFigures,
  quarterOfDay,
  runDecision,
  toCents,
} from './settlement.rules.ts';
import {
  adjustedClaimIds,
  facilitiesWithAdvances,
  findAdvanceOf,
  findSettlementOf,
  insertSettlementIfMissing,
  paidSoFar,
  saveAdjustments,
  saveSettlementClaims,
  signedQuartersBefore,
  sumAdjustments,
  updateSettlementRow,
} from './settlements.queries.ts';
import type { RunAnswer, StartRunBody } from './settlements.schema.ts';
import type { SettlementRow } from './settlements.table.ts';

/** The job kind of a settlement run. */
export const SETTLEMENT_RUN = 'settlements.run';

/** A run's payload: one facility, or every facility under an area (null: the country), and the quarter. */
export interface RunPayload {
  quarter: string;
  areaPath: string | null;
  facilityId?: string | null;
}

/** Where a run is (its checkpoint): the last facility settled, and how many were computed or found frozen. */
export interface RunState {
  afterFacilityId: string | null;
  computed: number;
  frozen: number;
}

/** The profile's settlement data, or none (no advance rule: advances 0, amounts to the cent). */
export const settlementProfileOf = (profile: CountryProfile) =>
  profile.insurance.settlement ?? { decimals: 2, advances: [] };

/**
 * Settles one facility's quarter in ONE transaction: load (the settlement locked, the quarter's
 * claims, its advance, the claims of the signed quarters before and what was paid for them), decide
 * (settlement.rules.ts), save (the figures, what is paid per claim, the adjustments, the claims marked
 * paid). Idempotent: a re-run computes the same figures from the same claims, marks nothing twice and
 * updates its own rows; a signed settlement is left as it is ('frozen').
 */
export function settleFacility(
  db: Db,
  run: { profile: CountryProfile; now: Date; jobId: string | null },
  facility: { id: string; areaPath: string },
  quarter: string,
): Promise<{ outcome: 'computed' | 'frozen'; settlement: SettlementRow }> {
  return inTransaction(db, async (trx) => {
    let s = await findSettlementOf(trx, facility.id, quarter, true);
    if (s && runDecision(s) === 'frozen') return { outcome: 'frozen' as const, settlement: s };
    if (!s) {
      await insertSettlementIfMissing(trx, {
        id: newId(),
        facility_id: facility.id,
        quarter,
        status: 'computed',
        currency: run.profile.currency,
        next_advance_basis: null,
        job_id: run.jobId,
        computed_at: run.now,
        signed_by: null,
        signed_at: null,
        area_path: facility.areaPath,
      });
      s = await findSettlementOf(trx, facility.id, quarter, true);
      if (!s) throw new Error('settleFacility: the settlement row is missing after its insert');
      if (runDecision(s) === 'frozen') return { outcome: 'frozen' as const, settlement: s };
    }
    const settlementId = s.id;
    // Load.
    const claims = await claimsToSettle(trx, facility.id, quarter);
    const advance = await findAdvanceOf(trx, facility.id, quarter);
    const signed = await signedQuartersBefore(trx, facility.id, quarter);
    const standings = await claimStandings(trx, facility.id, signed);
    const paid = await paidSoFar(
      trx,
      standings.map((c) => c.claimId),
      settlementId,
    );
    const adjusted = await adjustedClaimIds(trx, settlementId);
    // Decide.
    const { decimals, advances } = settlementProfileOf(run.profile);
    const f = quarterFigures(claims);
    const corrections = correctionsOf(quarter, standings, paid, adjusted);
    // Save.
    await saveSettlementClaims(
      trx,
      settlementId,
      facility.areaPath,
      f.paid.map((p) => ({ claimId: p.claimId, amount: fromCents(p.amount) })),
    );
    await saveAdjustments(
      trx,
      corrections.map((c) => ({
        settlement_id: settlementId,
        facility_id: facility.id,
        quarter,
        claim_id: c.claimId,
        from_quarter: c.fromQuarter,
        amount: fromCents(c.amount),
        reason: `Claim of the signed quarter ${c.fromQuarter} accepted for another amount since`,
        computed_at: run.now,
        area_path: facility.areaPath,
      })),
      newId,
    );
    const payable = new Set(standings.filter((c) => c.payable).map((c) => c.claimId));
    await markClaimsPaid(trx, {
      claimIds: [
        ...claims.filter((c) => c.status === 'accepted' || c.status === 'partly-accepted').map((c) => c.id),
        ...corrections.filter((c) => payable.has(c.claimId)).map((c) => c.claimId),
      ],
      settlementId,
      quarter,
      paidAt: run.now,
    });
    const adjustments = await sumAdjustments(trx, settlementId);
    const advanceCents = toCents(advance?.amount ?? 0);
    const next = nextAdvance(advances, { quarter, accepted: f.accepted, claimed: f.claimed }, decimals);
    const settlement = await updateSettlementRow(trx, settlementId, {
      claims_count: f.claims,
      accepted_count: f.acceptedCount,
      rejected_count: f.rejectedCount,
      pending_count: f.pending,
      claimed: fromCents(f.claimed),
      accepted: fromCents(f.accepted),
      rejected: fromCents(f.rejected),
      advance: fromCents(advanceCents),
      adjustments: fromCents(adjustments),
      balance: fromCents(balanceOf({ accepted: f.accepted, adjustments, advance: advanceCents }, decimals)),
      next_advance: fromCents(next.amount),
      next_advance_basis: next.basis,
      job_id: run.jobId,
      computed_at: run.now,
    });
    return { outcome: 'computed' as const, settlement };
  });
}

/**
 * A run over a facility or an area's facilities (those with claims claimed in the quarter or an
 * advance for it), in facility-id order from the checkpoint's: each facility its own transaction, a
 * checkpoint after each, so a run killed between two facilities resumes after the last one saved, and
 * one killed inside a facility's transaction saved nothing of it (a re-run settles it once).
 */
export async function runSettlements(
  db: Db,
  run: { profile: CountryProfile; now: () => Date; jobId: string | null },
  payload: RunPayload,
  options: {
    state?: RunState | null;
    checkpoint?: (state: RunState, done: number, total: number) => Promise<void>;
    signal?: AbortSignal;
  } = {},
): Promise<RunState> {
  const state: RunState = options.state ?? { afterFacilityId: null, computed: 0, frozen: 0 };
  const facilities = await facilitiesToSettle(db, payload);
  const todo = facilities.filter((f) => state.afterFacilityId === null || f.id > state.afterFacilityId);
  for (const f of todo) {
    const r = await settleFacility(
      db,
      { profile: run.profile, now: run.now(), jobId: run.jobId },
      f,
      payload.quarter,
    );
    state.afterFacilityId = f.id;
    if (r.outcome === 'computed') state.computed++;
    else state.frozen++;
    await options.checkpoint?.(state, state.computed + state.frozen, facilities.length);
    if (options.signal?.aborted) break;
  }
  return state;
}

async function facilitiesToSettle(db: Db, p: RunPayload): Promise<{ id: string; areaPath: string }[]> {
  if (p.facilityId) {
    const f = await lookupFacility(db, p.facilityId);
    return f ? [{ id: f.id, areaPath: f.areaPath }] : [];
  }
  const byId = new Map<string, string>();
  for (const t of await claimTotalsByFacility(db, { quarter: p.quarter, areaPath: p.areaPath }))
    byId.set(t.facilityId, t.areaPath);
  for (const id of await facilitiesWithAdvances(db, p.quarter, p.areaPath)) {
    if (byId.has(id)) continue;
    const f = await lookupFacility(db, id);
    if (f) byId.set(id, f.areaPath);
  }
  return [...byId].map(([id, areaPath]) => ({ id, areaPath })).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * Starts a run from the API: one facility (409 `settlement_signed` when its quarter is signed:
 * frozen) or an area, inside the caller's scope (403 outside), as a `settlements.run` job.
 */
export async function startRun(
  ctx: AppContext,
  body: StartRunBody,
  scope: Scope,
  userId: string | null,
): Promise<{ answer: RunAnswer; created: boolean }> {
  if (!body.facility === !body.area)
    throw invalidFields([{ field: 'body.area', message: 'Name either an area or a facility to settle' }]);
  if (body.quarter > quarterOfDay(todayOf(ctx)))
    throw invalidFields([{ field: 'body.quarter', message: 'The quarter has not begun yet' }]);
  let areaPath: string;
  let facilityId: string | null = null;
  if (body.facility) {
    const f = await lookupFacility(ctx.db, body.facility);
    if (!f) throw invalidFields([{ field: 'body.facility', message: 'No facility has this id or code' }]);
    areaPath = f.areaPath;
    facilityId = f.id;
    const s = await findSettlementOf(ctx.db, f.id, body.quarter);
    if (s?.status === 'signed')
      throw new AppError(
        'settlement_signed',
        `The settlement of ${f.code} for ${body.quarter} is signed (${s.signed_at?.toISOString()}): it is frozen; a later correction goes to the next open quarter`,
      );
  } else areaPath = (await requireArea(ctx.db, body.area!, 'body.area')).path;
  if (!inScope(areaPath, scope))
    throw new AppError('forbidden', 'The place is outside the places your roles cover');
  const payload: RunPayload = { quarter: body.quarter, areaPath, facilityId };
  const r = await enqueueJob(ctx.db, {
    kind: SETTLEMENT_RUN,
    payload,
    idempotencyKey: body.idempotencyKey ? `${SETTLEMENT_RUN}|${body.idempotencyKey}` : undefined,
    areaPath,
    createdBy: userId,
    now: ctx.clock.now(),
  });
  return {
    answer: {
      jobId: r.job.id,
      kind: SETTLEMENT_RUN,
      state: r.job.state,
      quarter: body.quarter,
      facilityId,
      areaPath,
    },
    created: r.created,
  };
}
