import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../platform/profile.ts';
import {
  checkCareLevel,
  checkFacilityCode,
  checkFacilityKind,
  checkStatusChange,
  createsManagementCycle,
  effectiveCareLevel,
  isOwnership,
  isStatus,
  kindsWithCareLevel,
  parseServices,
} from './facilities.rules.ts';

const vn = loadProfile('vn');
const cn = loadProfile('cn');

describe('facility codes', () => {
  test.each([
    { profile: vn, code: '56001', ok: true },
    { profile: vn, code: '56A12', ok: true },
    { profile: vn, code: '5600', ok: false },
    { profile: vn, code: '560011', ok: false },
    { profile: vn, code: '56a12', ok: false },
    { profile: vn, code: '56-01', ok: false },
    { profile: vn, code: '', ok: false },
    { profile: cn, code: '440106001', ok: true },
    { profile: cn, code: '44010', ok: false },
  ])('$code is valid in $profile.id: $ok', ({ profile, code, ok }) => {
    expect(checkFacilityCode(profile, code).length === 0).toBe(ok);
  });

  test('the error names the field and the profile hint', () => {
    expect(checkFacilityCode(vn, 'X')).toEqual([
      { field: 'code', message: expect.stringContaining('5-character') },
    ]);
  });
});

describe('facility kinds and tiers', () => {
  test.each([
    { profile: vn, kind: 'commune_health_station', tier: 'commune' },
    { profile: vn, kind: 'sub_station', tier: 'commune' },
    { profile: vn, kind: 'district_health_centre', tier: 'district' },
    { profile: vn, kind: 'general_clinic', tier: 'district' },
    { profile: vn, kind: 'provincial_general_hospital', tier: 'provincial' },
    { profile: vn, kind: 'central_hospital', tier: 'central' },
    { profile: vn, kind: 'township_health_centre', tier: undefined },
    { profile: vn, kind: '', tier: undefined },
    { profile: cn, kind: 'township_health_centre', tier: 'grassroots' },
    { profile: cn, kind: 'commune_health_station', tier: undefined },
  ])('$kind in $profile.id has tier $tier', ({ profile, kind, tier }) => {
    const result = checkFacilityKind(profile, kind);
    expect(result.tier).toBe(tier);
    expect(result.errors.map((e) => e.field)).toEqual(tier ? [] : ['kind']);
  });

  test.each([
    { value: 'public', ownership: true, status: false },
    { value: 'private', ownership: true, status: false },
    { value: 'military', ownership: true, status: false },
    { value: 'other', ownership: true, status: false },
    { value: 'open', ownership: false, status: true },
    { value: 'temporarily_closed', ownership: false, status: true },
    { value: 'closed', ownership: false, status: true },
    { value: 'Public', ownership: false, status: false },
    { value: '', ownership: false, status: false },
  ])('"$value": ownership $ownership, status $status', ({ value, ownership, status }) => {
    expect(isOwnership(value)).toBe(ownership);
    expect(isStatus(value)).toBe(status);
  });
});

describe('levels of care', () => {
  test.each([
    { profile: vn, careLevel: 'primary', ok: true },
    { profile: vn, careLevel: 'basic', ok: true },
    { profile: vn, careLevel: 'specialised', ok: true },
    { profile: vn, careLevel: 'Primary', ok: false },
    { profile: vn, careLevel: 'commune', ok: false },
    { profile: vn, careLevel: '', ok: false },
    { profile: cn, careLevel: 'primary', ok: false },
  ])('$careLevel is a level of care in $profile.id: $ok', ({ profile, careLevel, ok }) => {
    expect(checkCareLevel(profile, careLevel).map((e) => e.field)).toEqual(ok ? [] : ['careLevel']);
  });

  test('the error lists the allowed ids, or says the profile has none', () => {
    expect(checkCareLevel(vn, 'tertiary')[0]!.message).toBe(
      "must be one of the profile's levels of care: specialised, basic, primary",
    );
    expect(checkCareLevel(cn, 'primary')[0]!.message).toContain('grades no levels of care');
  });

  test.each([
    { profile: vn, kind: 'district_health_centre', own: null, want: ['basic', 'kind'] },
    { profile: vn, kind: 'district_health_centre', own: 'primary', want: ['primary', 'facility'] },
    { profile: vn, kind: 'commune_health_station', own: 'primary', want: ['primary', 'facility'] },
    { profile: vn, kind: 'preventive_medicine_unit', own: null, want: [null, null] },
    { profile: vn, kind: 'preventive_medicine_unit', own: 'basic', want: ['basic', 'facility'] },
    { profile: cn, kind: 'township_health_centre', own: null, want: [null, null] },
  ])('$kind with own level $own in $profile.id: $want', ({ profile, kind, own, want }) => {
    const { careLevel, careLevelSource } = effectiveCareLevel(profile, kind, own);
    expect([careLevel, careLevelSource]).toEqual(want);
  });

  test('the kinds that usually have a level', () => {
    expect(kindsWithCareLevel(vn, 'specialised')).toEqual(['central_hospital']);
    expect(kindsWithCareLevel(vn, 'primary')).toEqual(
      expect.arrayContaining(['commune_health_station', 'sub_station']),
    );
    expect(kindsWithCareLevel(cn, 'primary')).toEqual([]);
  });
});

describe('management chains', () => {
  test.each([
    { what: 'a station under its centre', facility: 'chs', chain: ['dhc'], cycle: false },
    {
      what: 'a station under a clinic under a centre',
      facility: 'chs',
      chain: ['clinic', 'dhc'],
      cycle: false,
    },
    { what: 'a facility managing itself', facility: 'chs', chain: ['chs'], cycle: true },
    { what: 'a centre under its own station', facility: 'dhc', chain: ['chs', 'dhc'], cycle: true },
    { what: 'a loop two links up', facility: 'dhc', chain: ['chs', 'clinic', 'dhc'], cycle: true },
    { what: 'an empty chain', facility: 'chs', chain: [], cycle: false },
  ])('$what: cycle $cycle', ({ facility, chain, cycle }) => {
    expect(createsManagementCycle(facility, chain)).toBe(cycle);
  });
});

describe('status changes', () => {
  test.each([
    { current: 'open', next: 'closed', last: '2025-01-01', on: '2025-06-01', want: null },
    { current: 'open', next: 'temporarily_closed', last: null, on: '2025-06-01', want: null },
    { current: 'temporarily_closed', next: 'open', last: '2025-06-01', on: '2025-06-01', want: null },
    { current: 'open', next: 'open', last: '2025-01-01', on: '2025-06-01', want: 'same' },
    { current: 'closed', next: 'closed', last: null, on: '2025-06-01', want: 'same' },
    { current: 'open', next: 'closed', last: '2025-06-02', on: '2025-06-01', want: 'before_last' },
    { current: 'open', next: 'closed', last: '2026-01-01', on: '2025-12-31', want: 'before_last' },
  ] as const)('$current → $next on $on (last $last): $want', ({ current, next, last, on, want }) => {
    const result = checkStatusChange({ current, next, lastEffectiveOn: last, effectiveOn: on });
    expect(result?.kind ?? null).toBe(want);
  });
});

describe('services cells', () => {
  test.each([
    { cell: '', want: [] },
    { cell: undefined, want: [] },
    { cell: 'immunization', want: ['immunization'] },
    { cell: 'immunization; antenatal care;ncd', want: ['immunization', 'antenatal care', 'ncd'] },
    { cell: 'a;;b; ;a', want: ['a', 'b'] },
  ])('"$cell" → $want', ({ cell, want }) => {
    expect(parseServices(cell)).toEqual(want);
  });
});
