import { describe, expect, test } from 'vitest';
import {
  type CheckInput,
  type CheckLine,
  cardNumberAnswerOf,
  checkClaim,
  totalsFailures,
} from './claims.checks.rules.ts';
import type { ClaimFailureCode } from './claims.enums.ts';

/** A claim that passes every check: two insured lines and one outside the list, Hanoi time. */
const line = (lineNo: number, over: Partial<CheckLine> = {}): CheckLine => {
  const l = {
    lineNo,
    itemId: `item-${lineNo}`,
    code: `C${lineNo}`,
    quantity: 1,
    unitPrice: 3650000,
    hospital: 3650000,
    insured: 3650000,
    insurancePays: 2920000,
    coPayment: 730000,
    patientPays: 0,
    ...over,
  };
  return l;
};

function base(over: Partial<CheckInput> = {}, claimOver: Partial<CheckInput['claim']> = {}): CheckInput {
  const lines = over.lines ?? [
    line(1),
    line(2, {
      quantity: 30,
      unitPrice: 50000,
      hospital: 1500000,
      insured: 1500000,
      insurancePays: 1200000,
      coPayment: 300000,
    }),
    line(3, {
      unitPrice: 160000_00,
      hospital: 160000_00,
      insured: 0,
      insurancePays: 0,
      coPayment: 0,
      patientPays: 160000_00,
    }),
  ];
  const sum = (k: 'hospital' | 'insured' | 'insurancePays' | 'coPayment' | 'patientPays') =>
    lines.reduce((t, l) => t + l[k], 0);
  return {
    today: '2026-12-02',
    timeZone: 'Asia/Ho_Chi_Minh',
    claim: {
      visitDate: '2026-12-02',
      startedAt: new Date('2026-12-02T01:00:00Z'),
      endedAt: new Date('2026-12-02T01:30:00Z'),
      careKind: '01',
      cardNumber: 'DN4560123456789',
      cardValidFrom: '2026-01-01',
      cardValidTo: '2026-12-31',
      scheme: null,
      mainDiagnosis: 'I10',
      otherDiagnoses: ['E11'],
      totals: {
        hospital: sum('hospital'),
        insured: sum('insured'),
        insurancePays: sum('insurancePays'),
        coPayment: sum('coPayment'),
        patientPays: sum('patientPays'),
      },
      ...claimOver,
    },
    lines,
    cardNumber: 'ok',
    catalogue: new Map(
      lines.map((l) => [l.itemId, { unitPrice: l.unitPrice, insured: l.insured > 0, atThisLevel: true }]),
    ),
    knownDiagnoses: new Set(['I10', 'E11']),
    limits: new Map([
      ['C1', { maxQuantity: 1, frequency: { count: 1, days: 1 } }],
      ['C2', { maxQuantity: 90 }],
    ]),
    history: new Map(),
    duplicates: [],
    outpatientMaxHours: 24,
    ...over,
  };
}

const codes = (input: CheckInput) => checkClaim(input).failures.map((f) => f.code);

describe('a claim that passes', () => {
  test('every claimed line passes; the line outside the list passes (nothing asked)', () => {
    const r = checkClaim(base());
    expect(r).toMatchObject({ outcome: 'passed', failures: [], accepted: 4120000, rejected: 0 });
    expect(r.lines.map((l) => l.status)).toEqual(['passed', 'passed', 'passed']);
  });
  test('CN: a scheme and no card number', () => {
    const r = checkClaim(
      base(
        { cardNumber: null },
        { cardNumber: null, cardValidFrom: null, cardValidTo: null, scheme: 'resident' },
      ),
    );
    expect(r.outcome).toBe('passed');
  });
});

describe('whole-claim failures (each code), every claimed line rejected with it', () => {
  const cases: [string, Partial<CheckInput>, Partial<CheckInput['claim']>, ClaimFailureCode][] = [
    ['the end before the start', {}, { endedAt: new Date('2026-12-02T00:00:00Z') }, 'dates-out-of-order'],
    ['the visit date after its end', {}, { visitDate: '2026-12-03' }, 'dates-out-of-order'],
    ['the visit date before its start (Hanoi date)', {}, { visitDate: '2026-12-01' }, 'dates-out-of-order'],
    ['a visit in the future', { today: '2026-12-01' }, {}, 'date-in-future'],
    [
      'an outpatient visit of 30 hours',
      {},
      { endedAt: new Date('2026-12-03T07:00:00Z'), visitDate: '2026-12-02' },
      'visit-length',
    ],
    ['no card and no scheme', {}, { cardNumber: null, scheme: null }, 'no-card'],
    ['a malformed card number', { cardNumber: 'card-number' }, {}, 'card-number'],
    ['a wrong benefit digit', { cardNumber: 'beneficiary-code' }, {}, 'beneficiary-code'],
    ['a wrong province code', { cardNumber: 'province-code' }, {}, 'province-code'],
    ['a card expired before the visit', {}, { cardValidTo: '2026-11-30' }, 'card-not-valid'],
    ['a card valid only after the visit', {}, { cardValidFrom: '2026-12-03' }, 'card-not-valid'],
    ['a card without validity dates', {}, { cardValidFrom: null, cardValidTo: null }, 'card-not-valid'],
    ['the same resident, facility, day and lines claimed before', { duplicates: ['c0'] }, {}, 'duplicate'],
    ['no main diagnosis', {}, { mainDiagnosis: null }, 'no-main-diagnosis'],
    ['a main diagnosis not in ICD-10', {}, { mainDiagnosis: 'X99.9' }, 'diagnosis-not-in-catalogue'],
    ['another diagnosis not in ICD-10', {}, { otherDiagnoses: ['Q00'] }, 'diagnosis-not-in-catalogue'],
  ];
  test.each(cases)('%s -> %s', (_what, over, claimOver, code) => {
    const r = checkClaim(base(over, claimOver));
    expect(r.outcome).toBe('rejected');
    expect(r.failures[0]?.code).toBe(code);
    expect(r.failures[0]?.lineNo).toBeNull();
    expect(r.lines).toEqual([
      { lineNo: 1, status: 'rejected', failure: code },
      { lineNo: 2, status: 'rejected', failure: code },
      { lineNo: 3, status: 'passed', failure: null },
    ]);
    expect(r.accepted).toBe(0);
    expect(r.rejected).toBe(4120000);
  });
});

describe('the order of the checks (openIMIS): the first failing stage decides, later stages are not run', () => {
  test.each([
    [
      'dates before the card',
      { cardNumber: 'card-number' as const, today: '2026-12-10' },
      { visitDate: '2026-12-03' },
      ['dates-out-of-order'],
    ],
    [
      'the card before the diagnoses',
      { cardNumber: 'province-code' as const },
      { mainDiagnosis: null },
      ['province-code'],
    ],
    [
      'the card before the lines',
      { cardNumber: 'card-number' as const, catalogue: new Map() },
      {},
      ['card-number'],
    ],
    ['diagnoses before the lines', { catalogue: new Map() }, { mainDiagnosis: null }, ['no-main-diagnosis']],
    [
      'a stage lists all its failures',
      { cardNumber: 'card-number' as const, duplicates: ['c0'] },
      { cardValidTo: '2026-11-01' },
      ['card-number', 'card-not-valid', 'duplicate'],
    ],
    [
      'dates and totals are one stage',
      { today: '2026-12-10' },
      {
        visitDate: '2026-12-03',
        totals: { hospital: 1, insured: 0, insurancePays: 0, coPayment: 0, patientPays: 0 },
      },
      ['dates-out-of-order', 'totals', 'totals', 'totals', 'totals', 'totals'],
    ],
  ])('%s', (_what, over, claimOver, expected) => {
    expect(codes(base(over, claimOver))).toEqual(expected);
  });
});

describe('line failures: the line rejected, the others kept (partly)', () => {
  const catalogueWith = (
    fact: { unitPrice: number | null; insured: boolean; atThisLevel: boolean } | null,
  ) => {
    const input = base();
    const catalogue = new Map(input.catalogue);
    if (fact) catalogue.set('item-2', fact);
    else catalogue.delete('item-2');
    return { catalogue };
  };
  test.each([
    ['not in the catalogue', catalogueWith(null), 'not-in-catalogue'],
    [
      'no price on the date',
      catalogueWith({ unitPrice: null, insured: true, atThisLevel: true }),
      'not-priced',
    ],
    [
      'another price on the date',
      catalogueWith({ unitPrice: 45000, insured: true, atThisLevel: true }),
      'not-priced',
    ],
    [
      'not on the insurance list',
      catalogueWith({ unitPrice: 50000, insured: false, atThisLevel: true }),
      'not-in-catalogue',
    ],
    [
      'not paid at this level of care',
      catalogueWith({ unitPrice: 50000, insured: true, atThisLevel: false }),
      'care-level',
    ],
    ['above the quantity maximum', { limits: new Map([['C2', { maxQuantity: 28 }]]) }, 'quantity-maximum'],
  ] as const)('%s -> %s on line 2', (_what, over, code) => {
    const r = checkClaim(base(over));
    expect(r.outcome).toBe('partly');
    expect(r.failures).toEqual([expect.objectContaining({ code, lineNo: 2 })]);
    expect(r.lines[1]).toEqual({ lineNo: 2, status: 'rejected', failure: code });
    expect(r.lines[0]?.status).toBe('passed');
    expect(r.accepted).toBe(2920000);
    expect(r.rejected).toBe(1200000);
  });

  test('a line fails its first check only (catalogue before maxima)', () => {
    const r = checkClaim(
      base({
        ...catalogueWith({ unitPrice: null, insured: true, atThisLevel: true }),
        limits: new Map([['C2', { maxQuantity: 1 }]]),
      }),
    );
    expect(r.failures.map((f) => f.code)).toEqual(['not-priced']);
  });
});

describe('frequency over the resident history', () => {
  test.each([
    ['none before: passes', new Map(), [line(1)], 'passed', []],
    [
      'one exam already that day: rejected',
      new Map([['C1', 1]]),
      [line(1), line(2, { code: 'C9' })],
      'partly',
      ['frequency'],
    ],
    [
      'two exam lines in one claim: the second fails',
      new Map(),
      [line(1), line(2, { code: 'C1', itemId: 'item-1' })],
      'partly',
      ['frequency'],
    ],
    [
      'the only claimed line fails: no passing line',
      new Map([['C1', 3]]),
      [line(1)],
      'rejected',
      ['frequency', 'no-passing-line'],
    ],
  ] as const)('%s', (_what, history, lines, outcome, expected) => {
    const input = base({
      lines: [...lines],
      history,
      limits: new Map([['C1', { frequency: { count: 1, days: 1 } }]]),
    });
    const r = checkClaim(input);
    expect(r.outcome).toBe(outcome);
    expect(r.failures.map((f) => f.code)).toEqual(expected);
  });
});

describe('no passing line', () => {
  test('every claimed line failing rejects the claim with no-passing-line, the line codes kept', () => {
    const r = checkClaim(base({ catalogue: new Map() }));
    expect(r.outcome).toBe('rejected');
    expect(r.failures.map((f) => f.code)).toEqual([
      'not-in-catalogue',
      'not-in-catalogue',
      'no-passing-line',
    ]);
    expect(r.lines.map((l) => [l.status, l.failure])).toEqual([
      ['rejected', 'not-in-catalogue'],
      ['rejected', 'not-in-catalogue'],
      ['passed', null],
    ]);
    expect(r.accepted).toBe(0);
  });
  test('a claim with only lines outside the list asks nothing: rejected', () => {
    const r = checkClaim(
      base({ lines: [line(3, { insured: 0, insurancePays: 0, coPayment: 0, patientPays: 3650000 })] }),
    );
    expect(r.outcome).toBe('rejected');
    expect(r.failures.map((f) => f.code)).toEqual(['no-passing-line']);
  });
});

describe('agency line rejections at review', () => {
  test.each([
    [[{ lineNo: 2, code: 'not-priced' as const, reason: 'price list of the province' }], 'partly', 2920000],
    [
      [
        { lineNo: 1, code: 'frequency' as const, reason: 'seen yesterday' },
        { lineNo: 2, code: 'quantity-maximum' as const, reason: 'over 28 days' },
      ],
      'rejected',
      0,
    ],
    [[{ lineNo: 3, code: 'duplicate' as const, reason: 'not claimed anyway' }], 'passed', 4120000],
  ])('%o -> %s', (rejections, outcome, accepted) => {
    const r = checkClaim({ ...base(), rejections });
    expect(r.outcome).toBe(outcome);
    expect(r.accepted).toBe(accepted);
  });
});

describe('totals to the cent', () => {
  const ok = base();
  test.each([
    ['consistent', ok.lines, ok.claim.totals, []],
    [
      'a line amount not quantity x price',
      [line(1, { hospital: 3650001, insured: 3650001, insurancePays: 2920001 })],
      { hospital: 3650001, insured: 3650001, insurancePays: 2920001, coPayment: 730000, patientPays: 0 },
      [1],
    ],
    [
      'insurance + co-payment not the insured amount',
      [line(1, { coPayment: 730001 })],
      { hospital: 3650000, insured: 3650000, insurancePays: 2920000, coPayment: 730001, patientPays: 0 },
      [1],
    ],
    [
      'insured + outside not the amount',
      [line(1, { patientPays: 1 })],
      { hospital: 3650000, insured: 3650000, insurancePays: 2920000, coPayment: 730000, patientPays: 1 },
      [1],
    ],
    [
      'the claim one cent off its lines',
      [line(1)],
      { hospital: 3650000, insured: 3650000, insurancePays: 2920001, coPayment: 730000, patientPays: 0 },
      [null],
    ],
  ] as const)('%s', (_what, lines, totals, lineNos) => {
    const f = totalsFailures({ claim: { ...ok.claim, totals: { ...totals } }, lines: [...lines] });
    expect(f.map((x) => x.lineNo)).toEqual(lineNos);
    expect(f.every((x) => x.code === 'totals')).toBe(true);
  });
  test('a totals failure rejects the whole claim', () => {
    expect(
      checkClaim(
        base({}, { totals: { ...ok.claim.totals, insurancePays: ok.claim.totals.insurancePays + 1 } }),
      ).outcome,
    ).toBe('rejected');
  });
});

describe("the card parser's reasons", () => {
  test.each([
    [null, 'ok'],
    ['wrong-card-number', 'card-number'],
    ['unknown-group', 'card-number'],
    ['wrong-benefit-code', 'beneficiary-code'],
    ['wrong-province-code', 'province-code'],
  ] as const)('%s -> %s', (reason, answer) => expect(cardNumberAnswerOf(reason)).toBe(answer));
});
