import { todayIn } from '../../platform/dates.ts';
import type { ClaimCheckOutcome, ClaimFailureCode, ClaimLineStatus } from './claims.enums.ts';
import type { StoredFailure } from './claims.table.ts';

/**
 * The checks of a claim (pure), in the openIMIS order, each failure with one code and a message a
 * clerk can act on:
 * 1. the claim itself: dates in order, not in the future, an outpatient visit not longer than the
 *    profile allows, totals adding up to the cent (line by line, and the claim's as the lines' sums);
 * 2. the insured person and card on the visit's date: a card or scheme shown, the number's shape,
 *    beneficiary group and province code, valid on the date; not a duplicate of another claim of the
 *    same resident, facility, day and lines;
 * 3. the diagnoses: a main one, every code in the catalogue;
 *    a failure of 1-3 rejects the whole claim (every claimed line rejected with it);
 * 4. each claimed line (an insured amount above 0): in the catalogue, priced on the date at the
 *    bill's price, insured at the facility's level of care;
 * 5. the maxima of the lines still passing: quantity, frequency over the resident's other claims;
 * and a claim left with no passing claimed line is rejected (`no-passing-line`). Lines the bill did
 * not claim (outside the list) pass: nothing is asked of insurance for them.
 * The catalogue, card and history lookups are made by the caller (claims.service.ts) and given here.
 */

/** Amounts in cents. */
export interface CheckedAmounts {
  hospital: number;
  insured: number;
  insurancePays: number;
  coPayment: number;
  patientPays: number;
}

export interface CheckLine extends CheckedAmounts {
  lineNo: number;
  itemId: string;
  code: string;
  quantity: number;
  /** Cents. */
  unitPrice: number;
}

/** The catalogue entry of a line's item on the visit's date, as the checks need it. */
export interface CatalogueFact {
  /** Cents in force on the date, null when no price is. */
  unitPrice: number | null;
  insured: boolean;
  /** False when the catalogue insures or allows it only at a higher level of care than the facility's. */
  atThisLevel: boolean;
}

/** The card number's answer (insurance's parser): ok, or what is wrong with it. */
export type CardNumberAnswer = 'ok' | 'card-number' | 'beneficiary-code' | 'province-code';

export interface ItemLimit {
  maxQuantity?: number;
  /** At most `count` of the item for the resident within `days` days ending on the visit's date. */
  frequency?: { count: number; days: number };
}

export interface CheckInput {
  /** Today in the profile's time zone (date-in-future). */
  today: string;
  /** The profile's time zone (the dates of the visit's start and end). */
  timeZone: string;
  claim: {
    visitDate: string;
    startedAt: Date;
    endedAt: Date | null;
    careKind: string;
    cardNumber: string | null;
    cardValidFrom: string | null;
    cardValidTo: string | null;
    scheme: string | null;
    mainDiagnosis: string | null;
    otherDiagnoses: readonly string[];
    totals: CheckedAmounts;
  };
  lines: readonly CheckLine[];
  /** Null when there is no card number to parse (a scheme, or no card). */
  cardNumber: CardNumberAnswer | null;
  catalogue: ReadonlyMap<string, CatalogueFact>;
  knownDiagnoses: ReadonlySet<string>;
  limits: ReadonlyMap<string, ItemLimit>;
  /** The quantity of each item code in the resident's other claims within each limit's window. */
  history: ReadonlyMap<string, number>;
  /** Other claims of the same resident, facility, day and lines (their ids). */
  duplicates: readonly string[];
  /** The longest an outpatient visit (care kind 01) may last, in hours. */
  outpatientMaxHours: number;
  /** The agency's own line rejections at review (each with its code and reason). */
  rejections?: readonly { lineNo: number; code: ClaimFailureCode; reason: string }[];
}

export interface LineVerdict {
  lineNo: number;
  status: ClaimLineStatus;
  failure: ClaimFailureCode | null;
}

export interface CheckResult {
  outcome: ClaimCheckOutcome;
  failures: StoredFailure[];
  lines: LineVerdict[];
  /** Of the claim's insurance share: what the passing lines ask, and the rest (cents). */
  accepted: number;
  rejected: number;
}

const money = (c: number) => (c / 100).toFixed(2);
const fail = (
  code: ClaimFailureCode,
  message: string,
  lineNo: number | null = null,
  field: string | null = null,
): StoredFailure => ({ code, lineNo, field, message });

/** Stage 1: the claim's dates and its totals. */
function claimFailures(input: CheckInput): StoredFailure[] {
  const { claim } = input;
  const out: StoredFailure[] = [];
  const start = claim.startedAt.getTime();
  const end = claim.endedAt?.getTime() ?? null;
  if (end !== null && end < start) {
    out.push(
      fail(
        'dates-out-of-order',
        `the visit ends (${claim.endedAt?.toISOString()}) before it starts (${claim.startedAt.toISOString()})`,
        null,
        'endedAt',
      ),
    );
  } else {
    const first = todayIn(input.timeZone, claim.startedAt);
    const last = claim.endedAt ? todayIn(input.timeZone, claim.endedAt) : first;
    if (claim.visitDate < first || claim.visitDate > last) {
      out.push(
        fail(
          'dates-out-of-order',
          `the visit date ${claim.visitDate} is not between its start (${first}) and its end (${last})`,
          null,
          'visitDate',
        ),
      );
    }
  }
  if (claim.visitDate > input.today) {
    out.push(
      fail(
        'date-in-future',
        `the visit date ${claim.visitDate} is after today (${input.today})`,
        null,
        'visitDate',
      ),
    );
  }
  if (end !== null && end >= start && claim.careKind === '01') {
    const hours = (end - start) / 3_600_000;
    if (hours > input.outpatientMaxHours) {
      out.push(
        fail(
          'visit-length',
          `an outpatient visit lasts at most ${input.outpatientMaxHours} h; this one lasted ${hours.toFixed(1)} h: correct its end, or claim it as in-patient care`,
          null,
          'endedAt',
        ),
      );
    }
  }
  out.push(...totalsFailures(input));
  return out;
}

/** Every line's amounts consistent, and the claim's totals the sums of its lines, to the cent. */
export function totalsFailures(input: Pick<CheckInput, 'claim' | 'lines'>): StoredFailure[] {
  const out: StoredFailure[] = [];
  for (const l of input.lines) {
    const problems: string[] = [];
    if (l.hospital !== l.unitPrice * l.quantity)
      problems.push(`amount ${money(l.hospital)} is not ${l.quantity} × ${money(l.unitPrice)}`);
    if (l.insured + l.patientPays !== l.hospital)
      problems.push(
        `insured ${money(l.insured)} + paid outside ${money(l.patientPays)} is not ${money(l.hospital)}`,
      );
    if (l.insurancePays + l.coPayment !== l.insured)
      problems.push(
        `insurance ${money(l.insurancePays)} + co-payment ${money(l.coPayment)} is not ${money(l.insured)}`,
      );
    if (problems.length > 0) out.push(fail('totals', `line ${l.lineNo}: ${problems.join('; ')}`, l.lineNo));
  }
  const keys: (keyof CheckedAmounts)[] = ['hospital', 'insured', 'insurancePays', 'coPayment', 'patientPays'];
  for (const k of keys) {
    const sum = input.lines.reduce((t, l) => t + l[k], 0);
    if (sum !== input.claim.totals[k]) {
      out.push(
        fail(
          'totals',
          `the claim's ${k} ${money(input.claim.totals[k])} is not the sum of its lines ${money(sum)}`,
          null,
          k,
        ),
      );
    }
  }
  return out;
}

/** Stage 2: the insured person and card on the visit's date, and duplicates. */
function personFailures(input: CheckInput): StoredFailure[] {
  const { claim } = input;
  if (!claim.cardNumber && !claim.scheme)
    return [
      fail(
        'no-card',
        'no insurance card or scheme was shown at the visit: record the card and amend the visit',
        null,
        'cardNumber',
      ),
    ];
  const out: StoredFailure[] = [];
  if (input.cardNumber && input.cardNumber !== 'ok') {
    const what = {
      'card-number': `card number ${claim.cardNumber} is malformed (15 characters: group, benefit digit, province, 10 digits)`,
      'beneficiary-code': `card number ${claim.cardNumber}: the benefit digit (character 3) does not match its beneficiary group`,
      'province-code': `card number ${claim.cardNumber}: characters 4-5 are not a province code`,
    }[input.cardNumber];
    out.push(fail(input.cardNumber, what, null, 'cardNumber'));
  }
  if (claim.cardValidFrom && claim.cardValidTo) {
    if (claim.visitDate < claim.cardValidFrom || claim.visitDate > claim.cardValidTo) {
      out.push(
        fail(
          'card-not-valid',
          `the card is valid ${claim.cardValidFrom} to ${claim.cardValidTo}, not on the visit date ${claim.visitDate}`,
          null,
          'cardValidTo',
        ),
      );
    }
  } else if (!claim.scheme) {
    out.push(fail('card-not-valid', 'the card has no validity dates on file', null, 'cardValidTo'));
  }
  if (input.duplicates.length > 0) {
    out.push(
      fail(
        'duplicate',
        `the same resident, facility, day and lines are already claimed (claim ${input.duplicates[0]})`,
        null,
        'encounterId',
      ),
    );
  }
  return out;
}

/** Stage 3: the diagnoses. */
function diagnosisFailures(input: CheckInput): StoredFailure[] {
  const { claim } = input;
  const out: StoredFailure[] = [];
  if (!claim.mainDiagnosis)
    out.push(
      fail(
        'no-main-diagnosis',
        'the visit has no main diagnosis (MA_BENH_CHINH): add one by an amendment',
        null,
        'mainDiagnosis',
      ),
    );
  for (const code of [claim.mainDiagnosis, ...claim.otherDiagnoses]) {
    if (code && !input.knownDiagnoses.has(code))
      out.push(
        fail(
          'diagnosis-not-in-catalogue',
          `diagnosis ${code} is not in the ICD-10 catalogue`,
          null,
          'diagnoses',
        ),
      );
  }
  return out;
}

/** Stage 4: one line against the catalogue on the date; the first failure, or null. */
function lineFailure(l: CheckLine, input: CheckInput): StoredFailure | null {
  const c = input.catalogue.get(l.itemId);
  if (!c)
    return fail(
      'not-in-catalogue',
      `line ${l.lineNo}: ${l.code} is not in the catalogue`,
      l.lineNo,
      'itemId',
    );
  if (c.unitPrice === null)
    return fail(
      'not-priced',
      `line ${l.lineNo}: ${l.code} has no price in force on ${input.claim.visitDate}`,
      l.lineNo,
      'unitPrice',
    );
  if (c.unitPrice !== l.unitPrice)
    return fail(
      'not-priced',
      `line ${l.lineNo}: ${l.code} is claimed at ${money(l.unitPrice)}, the price in force on ${input.claim.visitDate} is ${money(c.unitPrice)}`,
      l.lineNo,
      'unitPrice',
    );
  if (!c.insured)
    return fail(
      'not-in-catalogue',
      `line ${l.lineNo}: ${l.code} is not on the insurance list`,
      l.lineNo,
      'itemId',
    );
  if (!c.atThisLevel)
    return fail(
      'care-level',
      `line ${l.lineNo}: ${l.code} is not paid at this facility's level of care`,
      l.lineNo,
      'itemId',
    );
  return null;
}

/** Stage 5: the maxima of a passing line; the first failure, or null. */
function maximumFailure(l: CheckLine, input: CheckInput, sameClaim: number): StoredFailure | null {
  const limit = input.limits.get(l.code);
  if (!limit) return null;
  if (limit.maxQuantity !== undefined && l.quantity > limit.maxQuantity)
    return fail(
      'quantity-maximum',
      `line ${l.lineNo}: ${l.quantity} of ${l.code}, at most ${limit.maxQuantity} a visit`,
      l.lineNo,
      'quantity',
    );
  if (limit.frequency) {
    const before = input.history.get(l.code) ?? 0;
    if (before + sameClaim > limit.frequency.count)
      return fail(
        'frequency',
        `line ${l.lineNo}: ${l.code} at most ${limit.frequency.count} in ${limit.frequency.days} days; the resident already had ${before}`,
        l.lineNo,
        'quantity',
      );
  }
  return null;
}

/**
 * Runs the checks in order (see above).
 *
 * @example
 * checkClaim(input).outcome // => 'passed' | 'partly' | 'rejected'
 */
export function checkClaim(input: CheckInput): CheckResult {
  const claimed = input.lines.filter((l) => l.insured > 0);
  const whole = (failures: StoredFailure[]): CheckResult => {
    const code = failures[0]?.code ?? 'no-passing-line';
    return {
      outcome: 'rejected',
      failures,
      lines: input.lines.map((l) =>
        l.insured > 0
          ? { lineNo: l.lineNo, status: 'rejected', failure: code }
          : { lineNo: l.lineNo, status: 'passed', failure: null },
      ),
      accepted: 0,
      rejected: input.claim.totals.insurancePays,
    };
  };
  for (const stage of [claimFailures, personFailures, diagnosisFailures]) {
    const failures = stage(input);
    if (failures.length > 0) return whole(failures);
  }
  const failures: StoredFailure[] = [];
  const verdicts = new Map<number, LineVerdict>(
    input.lines.map((l) => [l.lineNo, { lineNo: l.lineNo, status: 'passed', failure: null }]),
  );
  const reject = (f: StoredFailure) => {
    failures.push(f);
    if (f.lineNo !== null) verdicts.set(f.lineNo, { lineNo: f.lineNo, status: 'rejected', failure: f.code });
  };
  for (const l of claimed) {
    const f = lineFailure(l, input);
    if (f) reject(f);
  }
  const counted = new Map<string, number>();
  for (const l of claimed) {
    if (verdicts.get(l.lineNo)?.status !== 'passed') continue;
    const sameClaim = (counted.get(l.code) ?? 0) + l.quantity;
    counted.set(l.code, sameClaim);
    const f = maximumFailure(l, input, sameClaim);
    if (f) reject(f);
  }
  for (const r of input.rejections ?? []) {
    const l = claimed.find((x) => x.lineNo === r.lineNo);
    if (l && verdicts.get(l.lineNo)?.status === 'passed')
      reject(fail(r.code, `line ${r.lineNo}: ${r.reason}`, r.lineNo));
  }
  const passing = claimed.filter((l) => verdicts.get(l.lineNo)?.status === 'passed');
  if (passing.length === 0) {
    const why = fail(
      'no-passing-line',
      claimed.length === 0
        ? 'the claim asks nothing of insurance: no insured line'
        : 'no line of the claim passed the checks',
    );
    return {
      ...whole([...failures, why]),
      lines: [...verdicts.values()].map((v) =>
        claimed.some((l) => l.lineNo === v.lineNo)
          ? { ...v, status: 'rejected', failure: v.failure ?? 'no-passing-line' }
          : v,
      ),
    };
  }
  const accepted = passing.reduce((t, l) => t + l.insurancePays, 0);
  return {
    outcome: passing.length === claimed.length ? 'passed' : 'partly',
    failures,
    lines: [...verdicts.values()],
    accepted,
    rejected: input.claim.totals.insurancePays - accepted,
  };
}

/** The card parser's reason code (insurance) as a claim failure code; null when the number is fine. */
export function cardNumberAnswerOf(reason: string | null): CardNumberAnswer {
  switch (reason) {
    case null:
      return 'ok';
    case 'wrong-benefit-code':
      return 'beneficiary-code';
    case 'wrong-province-code':
      return 'province-code';
    default:
      return 'card-number';
  }
}
