import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../platform/profile.ts';
import { reimburseVisit } from './reimbursement.rules.ts';

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
