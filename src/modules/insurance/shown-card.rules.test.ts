import { describe, expect, test } from 'vitest';
import { loadProfile, parseProfile } from '../../platform/profile.ts';
import { parseCardNumber } from './card.rules.ts';
import { checkShownCard, type VisitFacility, type VisitKind } from './insurance.rules.ts';

const vn = loadProfile('vn');

function shown(number: string) {
  const parsed = parseCardNumber(vn, number);
  if (!parsed.ok) throw new Error(parsed.reason.message);
  return parsed.card;
}

const station: VisitFacility = { code: '56101', kind: 'commune_health_station', provinceCode: '56' };
const district: VisitFacility = { code: '56020', kind: 'district_health_centre', provinceCode: '56' };
const central: VisitFacility = { code: '01900', kind: 'central_hospital', provinceCode: '01' };

describe('a card judged on its face (no card on file to hold it against)', () => {
  test.each([
    // A "registered" visit is at the facility the card names: on-route, the card's level.
    { card: 'QN5970123456789', f: district, kind: 'registered', care: 'outpatient', pct: 100, onRoute: true },
    { card: 'DN4560123456789', f: district, kind: 'registered', care: 'outpatient', pct: 80, onRoute: true },
    { card: 'DN4560123456789', f: central, kind: 'referred', care: 'inpatient', pct: 80, onRoute: true },
    { card: 'DN4560123456789', f: central, kind: 'emergency', care: 'inpatient', pct: 80, onRoute: true },
    // Self-referred: the off-route rate of the place.
    {
      card: 'DN4560123456789',
      f: central,
      kind: 'self-referred',
      care: 'inpatient',
      pct: 32,
      onRoute: false,
    },
    {
      card: 'DN4560123456789',
      f: central,
      kind: 'self-referred',
      care: 'outpatient',
      pct: 0,
      onRoute: false,
    },
    // A commune station pays 100% whatever the card.
    {
      card: 'DN4560123456789',
      f: station,
      kind: 'self-referred',
      care: 'outpatient',
      pct: 100,
      onRoute: true,
    },
  ] as const)('$card, $kind $care at $f.kind: $pct%', ({ card, f, kind, care, pct, onRoute }) => {
    const answer = checkShownCard(vn, {
      shown: shown(card),
      facility: f,
      visit: { date: '2025-06-01', kind: kind as VisitKind, careType: care, cost: 1_000_000 },
    });
    expect(answer).toMatchObject({ valid: true, benefitPercent: pct, onRoute });
  });

  test('the low-cost rule holds for a card shown on-route', () => {
    const answer = checkShownCard(vn, {
      shown: shown('DN4560123456789'),
      facility: district,
      visit: { date: '2025-06-01', kind: 'registered', cost: 300_000 },
    });
    expect(answer).toMatchObject({ benefitPercent: 100, rule: 'low-cost' });
  });
});

test('a profile whose child-without-card group is not a group does not load', () => {
  const card = vn.insurance.card;
  if (!card) throw new Error('the VN profile has cards');
  const broken = {
    ...vn,
    insurance: {
      ...vn.insurance,
      card: { ...card, childWithoutCard: { underAgeYears: 6, beneficiaryGroup: 'ZZ', agencyCode: '130' } },
    },
  };
  expect(() => parseProfile(broken, 'broken.json')).toThrow('childWithoutCard names unknown group ZZ');
});
