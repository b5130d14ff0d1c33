import { todayIn } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { diagnosesByCode, type PricedItem, pricedItemsOn } from './catalog.refs.ts';
import {
  type CardNumberAnswer,
  type CatalogueFact,
  type CheckInput,
  type CheckResult,
  cardNumberAnswerOf,
  checkClaim,
  type ItemLimit,
} from './claims.checks.rules.ts';
import type { ClaimCheckSide, ClaimFailureCode } from './claims.enums.ts';
import {
  type ClaimVerdictRow,
  claimRowsByIds,
  duplicatesOf,
  earlierQuantities,
  insertClaimChecks,
  insertClaimEvents,
  type LineVerdictRow,
  linesInForce,
  type NewClaimCheck,
  type NewClaimEvent,
  setClaimVerdicts,
  setLineVerdicts,
} from './claims.queries.ts';
import { cents, fromCents } from './claims.rules.ts';
import { statusAfterCheck } from './claims.status.rules.ts';
import type { ClaimLineRow, ClaimRow } from './claims.table.ts';
import { lookupFacility } from './facilities.refs.ts';
import { parseCardNumber } from './insurance.refs.ts';

/**
 * Checks claims in bulk (a request checks one, a job a batch of 1,000): load the claims and their
 * lines in force, the catalogue on each visit's date, the diagnoses, the facilities' levels of care,
 * the duplicates and the resident's earlier quantities (a few queries a batch); decide in the pure
 * rules (claims.checks.rules.ts); save every check, line verdict, status and event with arrays.
 */

export interface CheckContext {
  profile: CountryProfile;
  now: Date;
  userId: string | null;
}

/** The profile's limits (insurance.claimChecks), by item code. */
export function limitsOf(profile: CountryProfile): {
  limits: Map<string, ItemLimit>;
  outpatientMaxHours: number;
} {
  const checks = profile.insurance.claimChecks;
  return {
    limits: new Map((checks?.items ?? []).map((i) => [i.code, i])),
    outpatientMaxHours: checks?.outpatientMaxHours ?? 24,
  };
}

/** Everything the rules need, loaded for a batch of claims. */
export interface LoadedBatch {
  claims: ClaimRow[];
  linesOf: Map<string, ClaimLineRow[]>;
  inputs: Map<string, CheckInput>;
}

export async function loadChecks(
  db: Db,
  ctx: CheckContext,
  claimIds: readonly string[],
  opts: { lock?: boolean } = {},
): Promise<LoadedBatch> {
  const { profile } = ctx;
  const claims = await claimRowsByIds(db, claimIds, opts.lock);
  const ids = claims.map((c) => c.id);
  const lines = await linesInForce(db, ids);
  const linesOf = new Map<string, ClaimLineRow[]>(ids.map((id) => [id, []]));
  for (const l of lines) linesOf.get(l.claim_id)?.push(l);

  // The catalogue on each visit's date (one lookup per date in the batch).
  const byDate = new Map<string, { medicines: Set<string>; services: Set<string> }>();
  for (const c of claims) {
    const d = byDate.get(c.visit_date) ?? { medicines: new Set(), services: new Set() };
    for (const l of linesOf.get(c.id) ?? [])
      (l.kind === 'medicine' ? d.medicines : d.services).add(l.item_id);
    byDate.set(c.visit_date, d);
  }
  const priced = new Map<string, Map<string, PricedItem>>();
  for (const [date, d] of byDate) {
    priced.set(
      date,
      await pricedItemsOn(db, { medicineIds: [...d.medicines], serviceIds: [...d.services] }, date),
    );
  }
  const codes = new Set<string>();
  for (const c of claims)
    for (const code of [c.main_diagnosis, ...c.other_diagnoses]) if (code) codes.add(code);
  const known = new Set((await diagnosesByCode(db, [...codes])).keys());

  const graded = profile.catalogs?.levels !== 'tiers' && (profile.careLevels ?? []).length > 0;
  const ranks = new Map((graded ? (profile.careLevels ?? []) : profile.tiers).map((l) => [l.id, l.rank]));
  const levelOf = new Map<string, string | null>();
  for (const id of new Set(claims.map((c) => c.facility_id))) {
    const f = await lookupFacility(db, id, profile);
    levelOf.set(id, f ? (graded ? f.careLevel : f.tier) : null);
  }

  const { limits, outpatientMaxHours } = limitsOf(profile);
  const frequencyWindows = [...limits.entries()].flatMap(([code, l]) =>
    l.frequency ? [{ code, days: l.frequency.days }] : [],
  );
  const duplicates = await duplicatesOf(db, ids);
  const history = await earlierQuantities(db, ids, frequencyWindows);
  const today = todayIn(profile.timeZone, ctx.now);

  const inputs = new Map<string, CheckInput>();
  for (const c of claims) {
    const facilityLevel = levelOf.get(c.facility_id) ?? null;
    const onDate = priced.get(c.visit_date) ?? new Map<string, PricedItem>();
    const catalogue = new Map<string, CatalogueFact>();
    for (const l of linesOf.get(c.id) ?? []) {
      const p = onDate.get(l.item_id);
      if (p) catalogue.set(l.item_id, catalogueFactOf(p, facilityLevel, ranks));
    }
    let cardNumber: CardNumberAnswer | null = null;
    if (c.card_number && !c.scheme && profile.insurance.card) {
      const parsed = parseCardNumber(profile, c.card_number);
      cardNumber = cardNumberAnswerOf(parsed.ok ? null : parsed.reason.code);
    }
    inputs.set(c.id, {
      today,
      timeZone: profile.timeZone,
      claim: {
        visitDate: c.visit_date,
        startedAt: new Date(c.started_at),
        endedAt: c.ended_at ? new Date(c.ended_at) : null,
        careKind: c.care_kind,
        cardNumber: c.card_number,
        cardValidFrom: c.card_valid_from,
        cardValidTo: c.card_valid_to,
        scheme: c.scheme,
        mainDiagnosis: c.main_diagnosis,
        otherDiagnoses: c.other_diagnoses,
        totals: {
          hospital: cents(c.hospital_amount),
          insured: cents(c.insured_amount),
          insurancePays: cents(c.insurance_pays),
          coPayment: cents(c.co_payment),
          patientPays: cents(c.patient_pays),
        },
      },
      lines: (linesOf.get(c.id) ?? []).map((l) => ({
        lineNo: l.line_no,
        itemId: l.item_id,
        code: l.code,
        quantity: l.quantity,
        unitPrice: cents(l.unit_price),
        hospital: cents(l.hospital_amount),
        insured: cents(l.insured_amount),
        insurancePays: cents(l.insurance_pays),
        coPayment: cents(l.co_payment),
        patientPays: cents(l.patient_pays),
      })),
      cardNumber,
      catalogue,
      knownDiagnoses: known,
      limits,
      history: history.get(c.id) ?? new Map(),
      duplicates: duplicates.get(c.id) ?? [],
      outpatientMaxHours,
    });
  }
  return { claims, linesOf, inputs };
}

/**
 * A catalogue entry as the checks see it: insured at the facility's level when neither the level
 * insurance pays it from nor the lowest level allowed to perform it is higher (a lower rank) than the
 * facility's (the bill's rule, bill.rules.ts `coverageOf`).
 */
export function catalogueFactOf(
  p: Pick<PricedItem, 'unitPrice' | 'insured' | 'insuredFromCareLevel' | 'lowestCareLevel'>,
  facilityLevel: string | null,
  ranks: ReadonlyMap<string, number>,
): CatalogueFact {
  const facilityRank = facilityLevel === null ? undefined : ranks.get(facilityLevel);
  let atThisLevel = true;
  for (const level of [p.insuredFromCareLevel, p.lowestCareLevel]) {
    const rank = level === null ? undefined : ranks.get(level);
    if (rank !== undefined && facilityRank !== undefined && facilityRank > rank) atThisLevel = false;
  }
  return { unitPrice: p.unitPrice === null ? null : cents(p.unitPrice), insured: p.insured, atThisLevel };
}

/** Saves a batch's verdicts: a check row each, line statuses, the claims' statuses and events. */
export async function saveChecks(
  db: Db,
  ctx: CheckContext,
  side: ClaimCheckSide,
  batch: LoadedBatch,
  results: ReadonlyMap<string, CheckResult>,
  reason?: string | null,
): Promise<void> {
  const checks: NewClaimCheck[] = [];
  const lineRows: LineVerdictRow[] = [];
  const claimRows: ClaimVerdictRow[] = [];
  const events: NewClaimEvent[] = [];
  for (const c of batch.claims) {
    const r = results.get(c.id);
    if (!r) continue;
    checks.push({
      id: newId(),
      claim_id: c.id,
      bill_seq: c.bill_seq,
      side,
      outcome: r.outcome,
      failures: r.failures,
      checked_at: ctx.now,
      user_id: ctx.userId,
      area_path: c.area_path,
    });
    const byNo = new Map((batch.linesOf.get(c.id) ?? []).map((l) => [l.line_no, l.id]));
    for (const v of r.lines) {
      const id = byNo.get(v.lineNo);
      if (id) lineRows.push({ id, status: v.status, failure: v.failure });
    }
    const status = statusAfterCheck(side, r.outcome);
    const codes = [...new Set(r.failures.map((f) => f.code))] as ClaimFailureCode[];
    claimRows.push({
      id: c.id,
      status,
      failure_codes: codes,
      accepted_amount: side === 'agency' ? fromCents(r.accepted) : null,
      rejected_amount: side === 'agency' ? fromCents(r.rejected) : null,
    });
    events.push({
      id: newId(),
      claim_id: c.id,
      from_status: c.status,
      to_status: status,
      reason:
        [
          `${side} check: ${r.outcome}`,
          codes.length > 0 ? `(${codes.join(', ')})` : null,
          reason ? `: ${reason}` : null,
        ]
          .filter(Boolean)
          .join(' ') || null,
      user_id: ctx.userId,
      at: ctx.now,
      area_path: c.area_path,
    });
  }
  await insertClaimChecks(db, checks);
  await setLineVerdicts(db, lineRows);
  await setClaimVerdicts(db, claimRows, side === 'agency' ? 'reviewed_at' : 'checked_at', ctx.now);
  await insertClaimEvents(db, events);
}

/** Loads, checks in the rules and saves a batch; answers each claim's result. */
export async function checkClaims(
  db: Db,
  ctx: CheckContext,
  side: ClaimCheckSide,
  claimIds: readonly string[],
  opts: {
    lock?: boolean;
    rejections?: CheckInput['rejections'];
    reason?: string | null;
  } = {},
): Promise<Map<string, CheckResult>> {
  const batch = await loadChecks(db, ctx, claimIds, { lock: opts.lock ?? false });
  const results = new Map<string, CheckResult>();
  for (const [id, input] of batch.inputs) {
    results.set(id, checkClaim(opts.rejections ? { ...input, rejections: opts.rejections } : input));
  }
  await saveChecks(db, ctx, side, batch, results, opts.reason);
  return results;
}
