import { describe, expect, test } from 'vitest';
import type { CapabilityStandard } from '../../platform/profile.schema.ts';
import {
  checkEquipmentCount,
  checkServiceDeclaration,
  countUnofferedVisits,
  type EquipmentCount,
  equipmentOn,
  equipmentStatus,
  rollUp,
  type ServiceDeclaration,
  servicesOn,
  share,
  stationGap,
} from './capabilities.rules.ts';

/** A small standard: four services (two core) and three items (two core, one expected twice). */
const standard: CapabilityStandard = {
  id: 'test-standard',
  title: 'Tiêu chuẩn thử',
  titleEn: 'Test standard',
  source: 'test',
  facilityKinds: ['commune_health_station'],
  services: [
    { code: 'EXM-01', name: 'Khám', nameEn: 'Examination', group: 'examination', core: true },
    { code: 'MAT-01', name: 'Khám thai', nameEn: 'Antenatal', group: 'maternal', core: true },
    { code: 'MAT-02', name: 'Đỡ đẻ', nameEn: 'Delivery', group: 'maternal', core: false },
    { code: 'IMG-01', name: 'Điện tim', nameEn: 'ECG', group: 'imaging', core: false },
  ],
  equipment: [
    {
      code: 'EXM-01',
      name: 'Huyết áp kế',
      nameEn: 'BP monitor',
      group: 'examination',
      core: true,
      minCount: 2,
    },
    { code: 'IMM-01', name: 'Tủ lạnh', nameEn: 'Fridge', group: 'immunization', core: true },
    { code: 'IMG-01', name: 'Máy điện tim', nameEn: 'ECG', group: 'imaging', core: false },
  ],
};

let n = 0;
const decl = (
  serviceCode: string,
  offered: boolean,
  since: string,
  recordedAt = '2026-01-01T00:00:00.000Z',
): ServiceDeclaration => ({
  id: `0190${String(n++).padStart(4, '0')}`,
  serviceCode,
  offered,
  since,
  recordedAt,
});
const count = (
  itemCode: string,
  asOf: string,
  working: number,
  needsRepair = 0,
  broken = 0,
): EquipmentCount => ({
  id: `0190${String(n++).padStart(4, '0')}`,
  itemCode,
  asOf,
  working,
  needsRepair,
  broken,
  recordedAt: '2026-01-01T00:00:00.000Z',
});

describe('servicesOn: the declaration in force on a date', () => {
  const history = [
    decl('EXM-01', true, '2024-01-01'),
    decl('MAT-02', true, '2024-01-01'),
    decl('MAT-02', false, '2025-06-01'),
    decl('MAT-02', true, '2026-03-01'),
    decl('IMG-01', false, '2026-01-01', '2026-01-01T08:00:00.000Z'),
    decl('IMG-01', true, '2026-01-01', '2026-01-01T09:00:00.000Z'),
  ];
  test.each([
    { on: '2023-12-31', code: 'EXM-01', want: undefined },
    { on: '2024-01-01', code: 'EXM-01', want: true },
    { on: '2025-05-31', code: 'MAT-02', want: true },
    { on: '2025-06-01', code: 'MAT-02', want: false },
    { on: '2026-02-28', code: 'MAT-02', want: false },
    { on: '2026-03-01', code: 'MAT-02', want: true },
    { on: '2026-01-01', code: 'IMG-01', want: true }, // the later record of the same date
    { on: '2026-12-31', code: 'MAT-01', want: undefined },
  ])('on $on, $code offered is $want', ({ on, code, want }) => {
    expect(servicesOn(history, on).get(code)?.offered).toBe(want);
  });
});

describe('equipmentOn and equipmentStatus', () => {
  test.each([
    { c: undefined, min: 1, want: 'missing' },
    { c: count('X', '2026-01-01', 0, 0, 0), min: 1, want: 'missing' },
    { c: count('X', '2026-01-01', 1), min: 1, want: 'working' },
    { c: count('X', '2026-01-01', 3, 1, 1), min: 2, want: 'working' },
    { c: count('X', '2026-01-01', 1, 1), min: 2, want: 'short' },
    { c: count('X', '2026-01-01', 0, 1), min: 1, want: 'not_working' },
    { c: count('X', '2026-01-01', 0, 0, 2), min: 1, want: 'not_working' },
  ] as const)(
    '$c.working working, $c.needsRepair to repair, $c.broken broken, $min expected: $want',
    ({ c, min, want }) => {
      expect(equipmentStatus(c, min)).toBe(want);
    },
  );

  test('a repair is a later count: the fridge works again from the day it is counted working', () => {
    const history = [
      count('IMM-01', '2025-01-01', 1),
      count('IMM-01', '2025-09-01', 0, 0, 1),
      count('IMM-01', '2026-02-01', 1, 0, 1),
    ];
    expect(equipmentStatus(equipmentOn(history, '2025-08-31').get('IMM-01'))).toBe('working');
    expect(equipmentStatus(equipmentOn(history, '2025-12-01').get('IMM-01'))).toBe('not_working');
    expect(equipmentStatus(equipmentOn(history, '2026-02-01').get('IMM-01'))).toBe('working');
  });
});

describe('stationGap', () => {
  test.each([
    {
      name: 'nothing declared: every service undeclared, every item missing',
      services: [] as ServiceDeclaration[],
      equipment: [] as EquipmentCount[],
      want: {
        offered: 0,
        share: 0,
        coreMissing: ['EXM-01', 'MAT-01'],
        undeclared: 4,
        working: 0,
        missing: ['EXM-01', 'IMM-01', 'IMG-01'],
        coreLacking: ['EXM-01', 'IMM-01'],
      },
    },
    {
      name: 'two of four offered, one core missing; one BP monitor short, the fridge broken',
      services: [
        decl('EXM-01', true, '2025-01-01'),
        decl('MAT-02', true, '2025-01-01'),
        decl('MAT-01', false, '2025-01-01'),
      ],
      equipment: [
        count('EXM-01', '2025-01-01', 1, 1),
        count('IMM-01', '2025-01-01', 0, 0, 1),
        count('IMG-01', '2025-01-01', 1),
      ],
      want: {
        offered: 2,
        share: 0.5,
        coreMissing: ['MAT-01'],
        undeclared: 1,
        working: 1,
        missing: [],
        coreLacking: ['EXM-01', 'IMM-01'],
      },
    },
    {
      name: 'everything offered and working',
      services: standard.services.map((s) => decl(s.code, true, '2025-01-01')),
      equipment: [
        count('EXM-01', '2025-01-01', 2),
        count('IMM-01', '2025-01-01', 1),
        count('IMG-01', '2025-01-01', 1),
      ],
      want: {
        offered: 4,
        share: 1,
        coreMissing: [],
        undeclared: 0,
        working: 3,
        missing: [],
        coreLacking: [],
      },
    },
  ])('$name', ({ services, equipment, want }) => {
    const gap = stationGap(
      standard,
      servicesOn(services, '2026-01-01'),
      equipmentOn(equipment, '2026-01-01'),
    );
    expect({
      offered: gap.services.offered,
      share: gap.services.share,
      coreMissing: gap.services.coreMissing,
      undeclared: gap.services.undeclared,
      working: gap.equipment.working,
      missing: gap.equipment.missing,
      coreLacking: gap.equipment.coreLacking,
    }).toEqual(want);
  });

  test('counts units to repair and broken ones, and sorts items into missing, not working and short', () => {
    const gap = stationGap(
      standard,
      new Map(),
      equipmentOn(
        [count('EXM-01', '2025-01-01', 1, 2, 1), count('IMM-01', '2025-01-01', 0, 1, 0)],
        '2026-01-01',
      ),
    );
    expect(gap.equipment).toMatchObject({
      short: ['EXM-01'],
      notWorking: ['IMM-01'],
      missing: ['IMG-01'],
      unitsNeedingRepair: 3,
      unitsBroken: 1,
      share: 0,
    });
  });
});

describe('rollUp', () => {
  const gapOf = (offered: string[], working: EquipmentCount[] = []) =>
    stationGap(
      standard,
      new Map(offered.map((c) => [c, { offered: true }])),
      equipmentOn(working, '2026-01-01'),
    );

  test('the services share is offered over expected across the stations (seed 000: 52.2%)', () => {
    const r = rollUp([
      { standard, gap: gapOf(['EXM-01', 'MAT-01', 'MAT-02']) },
      { standard, gap: gapOf(['EXM-01']) },
      { standard, gap: gapOf([]) },
    ]);
    expect(r.stations).toBe(3);
    expect(r.services).toEqual({
      expected: 12,
      offered: 4,
      share: 0.3333,
      coreExpected: 6,
      coreOffered: 3,
      coreShare: 0.5,
      stationsMeetingCore: 1,
      stationsWithUndeclared: 3,
    });
    expect(r.byGroup).toEqual([
      { group: 'examination', expected: 3, offered: 2, share: 0.6667 },
      { group: 'maternal', expected: 6, offered: 2, share: 0.3333 },
      { group: 'imaging', expected: 3, offered: 0, share: 0 },
    ]);
    expect(r.byService.find((s) => s.code === 'EXM-01')).toEqual({
      standardId: 'test-standard',
      code: 'EXM-01',
      core: true,
      stations: 3,
      offering: 2,
    });
  });

  test('equipment: stations lacking a core item, with an item none of whose units works, units broken', () => {
    const r = rollUp([
      {
        standard,
        gap: gapOf(
          [],
          [
            count('EXM-01', '2025-01-01', 2),
            count('IMM-01', '2025-01-01', 1),
            count('IMG-01', '2025-01-01', 1),
          ],
        ),
      },
      {
        standard,
        gap: gapOf([], [count('EXM-01', '2025-01-01', 2), count('IMM-01', '2025-01-01', 0, 0, 1)]),
      },
    ]);
    expect(r.equipment).toEqual({
      expected: 6,
      working: 4,
      share: 0.6667,
      stationsLackingCore: 1,
      stationsWithNotWorking: 1,
      unitsNeedingRepair: 0,
      unitsBroken: 1,
    });
  });

  test('no stations: shares are null, not zero', () => {
    const r = rollUp([]);
    expect(r.services.share).toBeNull();
    expect(r.equipment.share).toBeNull();
    expect(r.stations).toBe(0);
  });
});

describe('checks of a declaration', () => {
  test.each([
    { d: { offered: true, since: '2026-12-02' }, want: [] },
    { d: { offered: true, since: '2026-12-03' }, want: ['body.since'] },
    { d: { offered: false, since: '2026-01-01' }, want: ['body.reason'] },
    { d: { offered: false, since: '2026-01-01', reason: '   ' }, want: ['body.reason'] },
    { d: { offered: false, since: '2026-01-01', reason: 'no midwife' }, want: [] },
    { d: { offered: false, since: '2027-01-01' }, want: ['body.since', 'body.reason'] },
  ])('$d is refused at $want', ({ d, want }) => {
    expect(checkServiceDeclaration(d, '2026-12-02').map((e) => e.field)).toEqual(want);
  });

  test.each([
    { asOf: '2026-12-02', want: [] },
    { asOf: '2026-12-03', want: ['body.asOf'] },
  ])('a count as of $asOf is refused at $want', ({ asOf, want }) => {
    expect(checkEquipmentCount({ asOf }, '2026-12-02').map((e) => e.field)).toEqual(want);
  });

  test.each([
    { part: 261, whole: 500, want: 0.522 },
    { part: 0, whole: 0, want: null },
    { part: 1, whole: 3, want: 0.3333 },
  ])('share($part, $whole) = $want', ({ part, whole, want }) => {
    expect(share(part, whole)).toBe(want);
  });
});

describe('countUnofferedVisits', () => {
  const mapped: CapabilityStandard = {
    ...standard,
    services: standard.services.map((s) =>
      s.code === 'MAT-02'
        ? { ...s, catalogServiceCodes: ['VNS0071', 'VNS0072'] }
        : s.code === 'IMG-01'
          ? { ...s, catalogServiceCodes: ['VNS0010'] }
          : s,
    ),
  };
  const history = [
    decl('MAT-02', true, '2025-01-01'),
    decl('MAT-02', false, '2025-06-01'),
    decl('IMG-01', true, '2025-03-01'),
  ];
  const station = { facilityId: 'F1', standard: mapped, declarations: history };
  const done = (encounterId: string, catalogCode: string, performedOn: string, facilityId = 'F1') => ({
    encounterId,
    facilityId,
    catalogCode,
    performedOn,
  });

  test.each([
    {
      name: 'a delivery while deliveries were offered',
      p: [done('E1', 'VNS0071', '2025-05-31')],
      visits: 0,
      services: 0,
    },
    {
      name: 'a delivery after the station stopped them',
      p: [done('E1', 'VNS0071', '2025-06-01')],
      visits: 1,
      services: 1,
    },
    {
      name: 'a delivery and its perineal suture: one visit, two services',
      p: [done('E1', 'VNS0071', '2025-07-01'), done('E1', 'VNS0072', '2025-07-01')],
      visits: 1,
      services: 2,
    },
    {
      name: 'an ECG before the station declared it',
      p: [done('E2', 'VNS0010', '2025-02-01')],
      visits: 1,
      services: 1,
    },
    { name: 'an ECG once declared', p: [done('E2', 'VNS0010', '2025-03-01')], visits: 0, services: 0 },
    {
      name: 'a service the standard does not map',
      p: [done('E3', 'VNS0013', '2025-07-01')],
      visits: 0,
      services: 0,
    },
    {
      name: 'a facility outside the report',
      p: [done('E4', 'VNS0071', '2025-07-01', 'F9')],
      visits: 0,
      services: 0,
    },
  ])('$name', ({ p, visits, services }) => {
    const r = countUnofferedVisits([station], p);
    expect({ visits: r.visits, services: r.services }).toEqual({ visits, services });
  });

  test('counts by station and by standard service', () => {
    const r = countUnofferedVisits(
      [station],
      [
        done('E1', 'VNS0071', '2025-07-01'),
        done('E5', 'VNS0072', '2025-08-01'),
        done('E6', 'VNS0010', '2025-01-10'),
      ],
    );
    expect(r.byStation).toEqual([{ facilityId: 'F1', visits: 3, services: 3 }]);
    expect(r.byService).toEqual([
      { standardId: 'test-standard', code: 'MAT-02', services: 2 },
      { standardId: 'test-standard', code: 'IMG-01', services: 1 },
    ]);
  });
});
