import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../platform/profile.ts';
import { claimTotals, reimburseVisit, splitClaimLine } from './reimbursement.rules.ts';

const cn = loadProfile('cn');
const vn = loadProfile('vn');

describe('China: reimbursement by scheme and facility level', () => {
  // scheme, tier, cost, deductible paid before the visit; then what the rules answer: deductible
  // applied, ratio (%), reimbursed, paid by the patient
  const cases: [string, string, number, number, number, number, number, number][] = [
    ['resident', 'grassroots', 1300, 0, 300, 85, 850, 450],
    ['resident', 'county', 1600, 0, 600, 75, 750, 850],
    ['resident', 'secondary', 1600, 0, 600, 75, 750, 850],
    ['resident', 'tertiary', 2200, 0, 1200, 65, 650, 1550],
    ['resident', 'tertiary', 1000, 0, 1000, 65, 0, 1000],
    ['resident', 'grassroots', 0, 0, 0, 85, 0, 0],
    ['resident', 'grassroots', 300, 0, 300, 85, 0, 300],
    ['resident', 'grassroots', 500, 300, 0, 85, 425, 75],
    ['resident', 'grassroots', 500, 100, 200, 85, 255, 245],
    ['resident', 'grassroots', 500, 1000, 0, 85, 425, 75],
    ['resident', 'grassroots', 300.5, 0, 300, 85, 0.43, 300.07],
    // Half a cent rounds up: 1.50 × 85% is 1.275, 0.70 × 85% is 0.595, 100.70 × 95% is 95.665.
    ['resident', 'grassroots', 301.5, 0, 300, 85, 1.28, 300.22],
    ['resident', 'grassroots', 300.7, 0, 300, 85, 0.6, 300.1],
    ['employee', 'grassroots', 300.7, 0, 200, 95, 95.67, 205.03],
    ['resident', 'grassroots', 300.01, 0, 300, 85, 0.01, 300],
    ['resident', 'grassroots', 500.1, 299.9, 0.1, 85, 425, 75.1],
    ['employee', 'grassroots', 1200, 0, 200, 95, 950, 250],
    ['employee', 'county', 1400, 0, 400, 90, 900, 500],
    ['employee', 'tertiary', 2000, 0, 1000, 85, 850, 1150],
  ];
  test.each(
    cases.map(([scheme, tier, cost, paid, applied, ratio, reimbursed, self]) => {
      return { scheme, tier, cost, paid, applied, ratio, reimbursed, self };
    }),
  )('$scheme at $tier, cost $cost (deductible paid $paid): $reimbursed reimbursed', (c) => {
    expect(
      reimburseVisit(cn, { scheme: c.scheme, tier: c.tier, cost: c.cost, deductiblePaid: c.paid }),
    ).toMatchObject({
      ok: true,
      deductibleApplied: c.applied,
      ratioPercent: c.ratio,
      reimbursed: c.reimbursed,
      selfPaid: c.self,
    });
  });

  test.each(['employee', 'resident'])(
    'the %s scheme favours grassroots over county over tertiary',
    (scheme) => {
      const at = (tier: string) => {
        const level = cn.insurance.reimbursement?.schemes
          .find((s) => s.id === scheme)
          ?.levels.find((l) => l.tier === tier);
        if (!level) throw new Error(`no ${tier} level`);
        return level;
      };
      expect(at('grassroots').ratioPercent).toBeGreaterThan(at('county').ratioPercent);
      expect(at('county').ratioPercent).toBeGreaterThan(at('tertiary').ratioPercent);
      expect(at('grassroots').deductible).toBeLessThan(at('county').deductible);
      expect(at('county').deductible).toBeLessThan(at('tertiary').deductible);
    },
  );

  test('the same visit gets more back at a grassroots facility', () => {
    const back = (tier: string) => {
      const a = reimburseVisit(cn, { scheme: 'resident', tier, cost: 5000 });
      return a.ok ? a.reimbursed : Number.NaN;
    };
    expect(back('grassroots')).toBeGreaterThan(back('county'));
    expect(back('county')).toBeGreaterThan(back('tertiary'));
  });

  test.each([
    { profile: cn, scheme: 'farmer', tier: 'grassroots', cost: 100, reason: 'unknown-scheme' },
    { profile: cn, scheme: 'resident', tier: 'commune', cost: 100, reason: 'unknown-tier' },
    { profile: cn, scheme: 'resident', tier: 'grassroots', cost: -1, reason: 'negative-cost' },
    { profile: cn, scheme: 'resident', tier: 'grassroots', cost: Number.NaN, reason: 'negative-cost' },
    { profile: vn, scheme: 'resident', tier: 'commune', cost: 100, reason: 'unknown-scheme' },
  ])('$scheme / $tier / $cost is refused: $reason', ({ profile, scheme, tier, cost, reason }) => {
    expect(reimburseVisit(profile, { scheme, tier, cost })).toMatchObject({ ok: false, reason });
  });
});

describe('Vietnam: a claim line split by the benefit percent (Decision 130 tables 2 and 3)', () => {
  test.each([
    // T_BHTT = THANH_TIEN_BH × MUC_HUONG / 100; T_BNCCT = BH − T_BHTT; T_BNTT = BV − BH.
    {
      name: 'in scope, 80%',
      bv: 100_000,
      bh: 100_000,
      pct: 80,
      other: 0,
      bhtt: 80_000,
      bncct: 20_000,
      bntt: 0,
    },
    {
      name: 'in scope, 100%',
      bv: 100_000,
      bh: 100_000,
      pct: 100,
      other: 0,
      bhtt: 100_000,
      bncct: 0,
      bntt: 0,
    },
    {
      name: 'in scope, 95%',
      bv: 123_456,
      bh: 123_456,
      pct: 95,
      other: 0,
      bhtt: 117_283.2,
      bncct: 6_172.8,
      bntt: 0,
    },
    {
      name: 'off-route 32%',
      bv: 1_000_000,
      bh: 1_000_000,
      pct: 32,
      other: 0,
      bhtt: 320_000,
      bncct: 680_000,
      bntt: 0,
    },
    { name: 'not covered: 0%', bv: 50_000, bh: 50_000, pct: 0, other: 0, bhtt: 0, bncct: 50_000, bntt: 0 },
    {
      name: 'part outside scope',
      bv: 150_000,
      bh: 100_000,
      pct: 80,
      other: 0,
      bhtt: 80_000,
      bncct: 20_000,
      bntt: 50_000,
    },
    { name: 'all outside scope', bv: 70_000, bh: 0, pct: 80, other: 0, bhtt: 0, bncct: 0, bntt: 70_000 },
    {
      name: 'half a cent rounds up',
      bv: 10.05,
      bh: 10.05,
      pct: 95,
      other: 0,
      bhtt: 9.55,
      bncct: 0.5,
      bntt: 0,
    },
    {
      name: 'below half a cent rounds down',
      bv: 10.01,
      bh: 10.01,
      pct: 95,
      other: 0,
      bhtt: 9.51,
      bncct: 0.5,
      bntt: 0,
    },
    {
      name: 'written 1.005 is 1.01',
      bv: 1.005,
      bh: 1.005,
      pct: 100,
      other: 0,
      bhtt: 1.01,
      bncct: 0,
      bntt: 0,
    },
    // Other funding comes off T_BNTT, then T_BNCCT, then T_BHTT.
    {
      name: 'other funding within T_BNTT',
      bv: 150_000,
      bh: 100_000,
      pct: 80,
      other: 30_000,
      bhtt: 80_000,
      bncct: 20_000,
      bntt: 20_000,
    },
    {
      name: 'other funding equal to T_BNTT',
      bv: 150_000,
      bh: 100_000,
      pct: 80,
      other: 50_000,
      bhtt: 80_000,
      bncct: 20_000,
      bntt: 0,
    },
    {
      name: 'other funding into T_BNCCT',
      bv: 150_000,
      bh: 100_000,
      pct: 80,
      other: 60_000,
      bhtt: 80_000,
      bncct: 10_000,
      bntt: 0,
    },
    {
      name: 'other funding to the end of T_BNCCT',
      bv: 150_000,
      bh: 100_000,
      pct: 80,
      other: 70_000,
      bhtt: 80_000,
      bncct: 0,
      bntt: 0,
    },
    {
      name: 'other funding into T_BHTT',
      bv: 150_000,
      bh: 100_000,
      pct: 80,
      other: 100_000,
      bhtt: 50_000,
      bncct: 0,
      bntt: 0,
    },
    {
      name: 'other funding pays the whole line',
      bv: 150_000,
      bh: 100_000,
      pct: 80,
      other: 150_000,
      bhtt: 0,
      bncct: 0,
      bntt: 0,
    },
  ])('$name: T_BHTT $bhtt, T_BNCCT $bncct, T_BNTT $bntt', (c) => {
    const split = splitClaimLine({
      hospitalAmount: c.bv,
      insuredAmount: c.bh,
      benefitPercent: c.pct,
      otherFunding: c.other,
    });
    expect(split).toEqual({
      ok: true,
      insurancePays: c.bhtt,
      coPayment: c.bncct,
      patientPays: c.bntt,
      otherFunding: c.other,
    });
    if (split.ok) {
      const parts = split.insurancePays + split.coPayment + split.patientPays + split.otherFunding;
      expect(Math.round(parts * 100)).toBe(Math.round(Number(`${c.bv}e2`)));
    }
  });

  test.each([
    { bv: -1, bh: 0, pct: 80, other: 0, reason: 'negative-amount' },
    { bv: 100, bh: -1, pct: 80, other: 0, reason: 'negative-amount' },
    { bv: 100, bh: 100, pct: 80, other: -1, reason: 'negative-amount' },
    { bv: Number.NaN, bh: 0, pct: 80, other: 0, reason: 'negative-amount' },
    { bv: 100, bh: 100.01, pct: 80, other: 0, reason: 'insured-above-hospital' },
    { bv: 100, bh: 100, pct: 101, other: 0, reason: 'benefit-percent' },
    { bv: 100, bh: 100, pct: -1, other: 0, reason: 'benefit-percent' },
    { bv: 100, bh: 100, pct: 80, other: 100.01, reason: 'other-funding-above-line' },
  ])('BV $bv, BH $bh, $pct%, other $other is refused: $reason', ({ bv, bh, pct, other, reason }) => {
    expect(
      splitClaimLine({ hospitalAmount: bv, insuredAmount: bh, benefitPercent: pct, otherFunding: other }),
    ).toMatchObject({ ok: false, reason });
  });

  test('table 1 totals are the sums of the lines, cent by cent', () => {
    const lines = [
      { hospitalAmount: 10.05, insuredAmount: 10.05, benefitPercent: 95 },
      { hospitalAmount: 150_000, insuredAmount: 100_000, benefitPercent: 80, otherFunding: 60_000 },
      { hospitalAmount: 0.1, insuredAmount: 0.1, benefitPercent: 80 },
      { hospitalAmount: 0.2, insuredAmount: 0.2, benefitPercent: 80 },
    ].map((line) => {
      const split = splitClaimLine(line);
      if (!split.ok) throw new Error(split.message);
      return { ...line, ...split };
    });
    expect(claimTotals(lines)).toEqual({
      hospitalAmount: 150_010.35,
      insuredAmount: 100_010.35,
      insurancePays: 80_009.79,
      coPayment: 10_000.56,
      patientPays: 0,
      otherFunding: 60_000,
    });
    expect(claimTotals([])).toMatchObject({ hospitalAmount: 0, insurancePays: 0 });
  });
});
