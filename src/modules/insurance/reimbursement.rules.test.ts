import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../platform/profile.ts';
import { claimTotals, reimburseVisit, splitClaimLine } from './reimbursement.rules.ts';

const cn = loadProfile('cn');
const vn = loadProfile('vn');

describe('China: reimbursement by scheme and facility level', () => {
  test.each([
    {
      scheme: 'resident',
      tier: 'grassroots',
      cost: 1300,
      paid: 0,
      applied: 300,
      ratio: 85,
      reimbursed: 850,
      self: 450,
    },
    {
      scheme: 'resident',
      tier: 'county',
      cost: 1600,
      paid: 0,
      applied: 600,
      ratio: 75,
      reimbursed: 750,
      self: 850,
    },
    {
      scheme: 'resident',
      tier: 'secondary',
      cost: 1600,
      paid: 0,
      applied: 600,
      ratio: 75,
      reimbursed: 750,
      self: 850,
    },
    {
      scheme: 'resident',
      tier: 'tertiary',
      cost: 2200,
      paid: 0,
      applied: 1200,
      ratio: 65,
      reimbursed: 650,
      self: 1550,
    },
    {
      scheme: 'resident',
      tier: 'tertiary',
      cost: 1000,
      paid: 0,
      applied: 1000,
      ratio: 65,
      reimbursed: 0,
      self: 1000,
    },
    {
      scheme: 'resident',
      tier: 'grassroots',
      cost: 0,
      paid: 0,
      applied: 0,
      ratio: 85,
      reimbursed: 0,
      self: 0,
    },
    {
      scheme: 'resident',
      tier: 'grassroots',
      cost: 300,
      paid: 0,
      applied: 300,
      ratio: 85,
      reimbursed: 0,
      self: 300,
    },
    {
      scheme: 'resident',
      tier: 'grassroots',
      cost: 500,
      paid: 300,
      applied: 0,
      ratio: 85,
      reimbursed: 425,
      self: 75,
    },
    {
      scheme: 'resident',
      tier: 'grassroots',
      cost: 500,
      paid: 100,
      applied: 200,
      ratio: 85,
      reimbursed: 255,
      self: 245,
    },
    {
      scheme: 'resident',
      tier: 'grassroots',
      cost: 500,
      paid: 1000,
      applied: 0,
      ratio: 85,
      reimbursed: 425,
      self: 75,
    },
    {
      scheme: 'resident',
      tier: 'grassroots',
      cost: 300.5,
      paid: 0,
      applied: 300,
      ratio: 85,
      reimbursed: 0.43,
      self: 300.07,
    },
    // Half a cent rounds up: 1.50 × 85% is 1.275, 0.70 × 85% is 0.595, 100.70 × 95% is 95.665.
    {
      scheme: 'resident',
      tier: 'grassroots',
      cost: 301.5,
      paid: 0,
      applied: 300,
      ratio: 85,
      reimbursed: 1.28,
      self: 300.22,
    },
    {
      scheme: 'resident',
      tier: 'grassroots',
      cost: 300.7,
      paid: 0,
      applied: 300,
      ratio: 85,
      reimbursed: 0.6,
      self: 300.1,
    },
    {
      scheme: 'employee',
      tier: 'grassroots',
      cost: 300.7,
      paid: 0,
      applied: 200,
      ratio: 95,
      reimbursed: 95.67,
      self: 205.03,
    },
    {
      scheme: 'resident',
      tier: 'grassroots',
      cost: 300.01,
      paid: 0,
      applied: 300,
      ratio: 85,
      reimbursed: 0.01,
      self: 300,
    },
    {
      scheme: 'resident',
      tier: 'grassroots',
      cost: 500.1,
      paid: 299.9,
      applied: 0.1,
      ratio: 85,
      reimbursed: 425,
      self: 75.1,
    },
    {
      scheme: 'employee',
      tier: 'grassroots',
      cost: 1200,
      paid: 0,
      applied: 200,
      ratio: 95,
      reimbursed: 950,
      self: 250,
    },
    {
      scheme: 'employee',
      tier: 'county',
      cost: 1400,
      paid: 0,
      applied: 400,
      ratio: 90,
      reimbursed: 900,
      self: 500,
    },
    {
      scheme: 'employee',
      tier: 'tertiary',
      cost: 2000,
      paid: 0,
      applied: 1000,
      ratio: 85,
      reimbursed: 850,
      self: 1150,
    },
  ])('$scheme at $tier, cost $cost (deductible paid $paid): $reimbursed reimbursed', (c) => {
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
