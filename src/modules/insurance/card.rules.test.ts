import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../platform/profile.ts';
import { normaliseCardNumber, parseCardNumber } from './card.rules.ts';

const vn = loadProfile('vn');
const cn = loadProfile('cn');

describe('VN card number: good numbers are split into their parts', () => {
  test.each([
    { value: 'DN4560123456789', group: 'DN', level: 4, province: '56', sin: '0123456789' },
    { value: 'TE1010000000001', group: 'TE', level: 1, province: '01', sin: '0000000001' },
    { value: 'CC1791234567890', group: 'CC', level: 1, province: '79', sin: '1234567890' },
    { value: 'HN2969999999999', group: 'HN', level: 2, province: '96', sin: '9999999999' },
    { value: 'CK2480000000000', group: 'CK', level: 2, province: '48', sin: '0000000000' },
    { value: 'HT3311234567890', group: 'HT', level: 3, province: '31', sin: '1234567890' },
    { value: 'CN3561234567890', group: 'CN', level: 3, province: '56', sin: '1234567890' },
    { value: 'HS4561234567890', group: 'HS', level: 4, province: '56', sin: '1234567890' },
    { value: 'GD4020000000007', group: 'GD', level: 4, province: '02', sin: '0000000007' },
    { value: 'QN5971234567890', group: 'QN', level: 5, province: '97', sin: '1234567890' },
    { value: 'CA5981234567890', group: 'CA', level: 5, province: '98', sin: '1234567890' },
    { value: 'dn4 56 0123456789', group: 'DN', level: 4, province: '56', sin: '0123456789' },
    { value: 'DN-4-56-0123456789', group: 'DN', level: 4, province: '56', sin: '0123456789' },
  ])('$value → group $group, level $level, province $province', ({ value, group, level, province, sin }) => {
    expect(parseCardNumber(vn, value)).toEqual({
      ok: true,
      card: {
        number: `${group}${level}${province}${sin}`,
        beneficiaryGroup: group,
        benefitLevel: level,
        provinceCode: province,
        socialInsuranceNumber: sin,
      },
    });
  });
});

describe('VN card number: refusals carry the agency answer code', () => {
  test.each([
    { value: 'DN456012345678', code: 'wrong-card-number', agency: '051' },
    { value: 'DN45601234567890', code: 'wrong-card-number', agency: '051' },
    { value: 'DN6560123456789', code: 'wrong-card-number', agency: '051' },
    { value: 'DN0560123456789', code: 'wrong-card-number', agency: '051' },
    { value: 'D14560123456789', code: 'wrong-card-number', agency: '051' },
    { value: 'DN456012345678A', code: 'wrong-card-number', agency: '051' },
    { value: '0123456789', code: 'wrong-card-number', agency: '051' },
    { value: '', code: 'wrong-card-number', agency: '051' },
    { value: 'ZZ4560123456789', code: 'unknown-group', agency: '051' },
    { value: 'AB1010123456789', code: 'unknown-group', agency: '051' },
    { value: 'DN3560123456789', code: 'wrong-benefit-code', agency: '053' },
    { value: 'DN1560123456789', code: 'wrong-benefit-code', agency: '053' },
    { value: 'TE4560123456789', code: 'wrong-benefit-code', agency: '053' },
    { value: 'HN4560123456789', code: 'wrong-benefit-code', agency: '053' },
    { value: 'CN4560123456789', code: 'wrong-benefit-code', agency: '053' },
    { value: 'QN4560123456789', code: 'wrong-benefit-code', agency: '053' },
    { value: 'HT2560123456789', code: 'wrong-benefit-code', agency: '053' },
    { value: 'DN4000123456789', code: 'wrong-province-code', agency: '052' },
    { value: 'DN4030123456789', code: 'wrong-province-code', agency: '052' },
    { value: 'DN4990123456789', code: 'wrong-province-code', agency: '052' },
    { value: 'DN4500123456789', code: 'wrong-province-code', agency: '052' },
    { value: 'DN4630123456789', code: 'wrong-province-code', agency: '052' },
  ])('$value is refused: $code ($agency)', ({ value, code, agency }) => {
    const result = parseCardNumber(vn, value);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason.code).toBe(code);
      expect(result.reason.agencyCode).toBe(agency);
    }
  });

  test('a wrong benefit code says which level the group carries', () => {
    const result = parseCardNumber(vn, 'DN3560123456789');
    expect(!result.ok && result.reason.message).toContain(
      'wrong benefit code: group DN carries benefit level 4',
    );
  });

  test('every group in the profile parses with its own digit and no other', () => {
    for (const g of vn.insurance.card?.groups ?? []) {
      for (let digit = 1; digit <= 5; digit++) {
        expect(parseCardNumber(vn, `${g.code}${digit}560000000001`).ok).toBe(digit === g.benefitLevel);
      }
    }
  });

  test('a profile without a card scheme refuses every number', () => {
    const result = parseCardNumber(cn, 'DN4560123456789');
    expect(!result.ok && result.reason.code).toBe('no-card-scheme');
  });

  test.each([
    [' dn4 560 123 456 789 ', 'DN4560123456789'],
    ['dn.4.56.0123456789', 'DN4560123456789'],
  ])('normalises %j to %s', (value, want) => {
    expect(normaliseCardNumber(value)).toBe(want);
  });
});

describe('VN card number: the profile holds the reference tables', () => {
  // Reference: benefit digit → beneficiary groups (insurance-vietnam.md, "Card number").
  const groupsByDigit: Record<number, string[]> = {
    1: ['CC', 'TE'],
    2: ['CK', 'CB', 'KC', 'HN', 'DT', 'DK', 'XD', 'BT', 'TS'],
    3: ['HT', 'TC', 'CN'],
    4: [
      ...['DN', 'HX', 'CH', 'NN', 'TK', 'HC', 'XK', 'TB', 'NO', 'CT', 'XB', 'TN', 'CS'],
      ...['XN', 'MS', 'HD', 'TQ', 'TA', 'TY', 'HG', 'LS', 'PV', 'HS', 'SV', 'GB', 'GD'],
    ],
    5: ['QN', 'CA', 'CY'],
  };
  const rows = Object.entries(groupsByDigit).flatMap(([digit, groups]) =>
    groups.map((group) => ({ group, digit: Number(digit) })),
  );

  test('the profile has exactly the reference groups', () => {
    const profileGroups = (vn.insurance.card?.groups ?? []).map((g) => `${g.code}${g.benefitLevel}`);
    expect(profileGroups.sort()).toEqual(rows.map((r) => `${r.group}${r.digit}`).sort());
  });

  test.each(rows)('$group carries benefit digit $digit and only that one', ({ group, digit }) => {
    for (let d = 1; d <= 5; d++) {
      const result = parseCardNumber(vn, `${group}${d}560000000001`);
      if (d === digit) expect(result.ok).toBe(true);
      else
        expect(!result.ok && result.reason).toMatchObject({ code: 'wrong-benefit-code', agencyCode: '053' });
    }
  });

  // The 63 provinces' codes (characters 4-5), and 97/98 for the defence and police funds.
  const provinces = [
    ...['01', '02', '04', '06', '08', '10', '11', '12', '14', '15', '17', '19', '20', '22', '24', '25'],
    ...['26', '27', '30', '31', '33', '34', '35', '36', '37', '38', '40', '42', '44', '45', '46', '48'],
    ...['49', '51', '52', '54', '56', '58', '60', '62', '64', '66', '67', '68', '70', '72', '74', '75'],
    ...['77', '79', '80', '82', '83', '84', '86', '87', '89', '91', '92', '93', '94', '95', '96'],
    ...['97', '98'],
  ];
  test.each(Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')))('province code %s', (code) => {
    const result = parseCardNumber(vn, `DN4${code}0000000001`);
    if (provinces.includes(code)) expect(result.ok).toBe(true);
    else
      expect(!result.ok && result.reason).toMatchObject({ code: 'wrong-province-code', agencyCode: '052' });
  });

  test.each([
    // The 10 last characters are the social insurance number, leading zeros kept.
    { value: 'DN4560000000000', sin: '0000000000' },
    { value: 'DN4569999999999', sin: '9999999999' },
  ])('$value carries social insurance number $sin', ({ value, sin }) => {
    const result = parseCardNumber(vn, value);
    expect(result.ok && result.card.socialInsuranceNumber).toBe(sin);
  });

  test.each([
    // Checked in order: shape, group, benefit digit (character 3), province (characters 4-5).
    { value: 'ZZ6990000000001', code: 'wrong-card-number', agency: '051' },
    { value: 'ZZ4990000000001', code: 'unknown-group', agency: '051' },
    { value: 'DN3990000000001', code: 'wrong-benefit-code', agency: '053' },
  ])('$value with several faults: $code first', ({ value, code, agency }) => {
    expect(parseCardNumber(vn, value)).toMatchObject({ ok: false, reason: { code, agencyCode: agency } });
  });
});
