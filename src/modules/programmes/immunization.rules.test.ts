import { describe, expect, test } from 'vitest';
import { addDays, addMonths } from '../../platform/dates.ts';
import { addDuration, shiftDate } from './immunization.check.ts';
import { child, judge, programmeFile } from './immunization.test-support.ts';

const WHO = programmeFile('who-immunization');
const VN = programmeFile('vn-epi');
const CN = programmeFile('cn-nip');

/** A Vietnamese child born 2025-01-10, every dose on the day Circular 10/2024 says. */
const VN_ON_TIME: [string, string][] = [
  ['HepB', '2025-01-10'],
  ['BCG', '2025-01-10'],
  ['DTP-HepB-Hib', '2025-03-10'],
  ['bOPV', '2025-03-10'],
  ['DTP-HepB-Hib', '2025-04-10'],
  ['bOPV', '2025-04-10'],
  ['DTP-HepB-Hib', '2025-05-10'],
  ['bOPV', '2025-05-10'],
  ['IPV', '2025-06-10'],
  ['IPV', '2025-10-10'],
  ['MCV', '2025-10-10'],
  ['JE-I', '2026-01-10'],
  ['JE-I', '2026-01-17'],
  ['MR', '2026-07-10'],
  ['DTP', '2026-07-10'],
  ['JE-I', '2027-01-17'],
  ['Td', '2032-01-10'],
];

/** A Chinese child born 2025-01-10 (the 2025 DTaP schedule), every dose at its age, live tracks. */
const CN_ON_TIME: [string, string][] = [
  ['HepB', '2025-01-10'],
  ['BCG', '2025-01-10'],
  ['HepB', '2025-02-10'],
  ['IPV', '2025-03-10'],
  ['DTaP', '2025-03-10'],
  ['IPV', '2025-04-10'],
  ['bOPV', '2025-05-10'],
  ['DTaP', '2025-05-10'],
  ['HepB', '2025-07-10'],
  ['DTaP', '2025-07-10'],
  ['MPSV-A', '2025-07-10'],
  ['MMR', '2025-09-10'],
  ['JE-L', '2025-09-10'],
  ['MPSV-A', '2025-10-10'],
  ['MMR', '2026-07-10'],
  ['DTaP', '2026-07-10'],
  ['HepA-L', '2026-07-10'],
  ['JE-L', '2027-01-10'],
  ['MPSV-AC', '2028-01-10'],
  ['bOPV', '2029-01-10'],
  ['DT', '2031-01-10'],
  ['MPSV-AC', '2031-01-10'],
];

describe('durations on the calendar', () => {
  test.each([
    { from: '2025-01-10', d: { months: 2 }, want: '2025-03-10' },
    { from: '2025-01-31', d: { months: 1 }, want: '2025-02-28' },
    { from: '2024-01-31', d: { months: 1 }, want: '2024-02-29' },
    { from: '2024-02-29', d: { years: 1 }, want: '2025-02-28' },
    { from: '2025-01-10', d: { weeks: 6 }, want: '2025-02-21' },
    { from: '2025-11-30', d: { months: 3, days: 1 }, want: '2026-03-01' },
    { from: '2025-01-10', d: { days: 28 }, want: '2025-02-07' },
  ])('$from + $d is $want', ({ from, d, want }) => {
    expect(addDuration(from, d)).toBe(want);
  });
});

test('shiftDate is addDays(addMonths()) of platform/dates.ts, day by day over 30 years', () => {
  const wrong: string[] = [];
  for (let day = '1996-01-01'; day < '2026-01-01'; day = addDays(day, 1))
    for (const [months, days] of [
      [0, 0],
      [1, 0],
      [13, -1],
      [-1, 28],
      [0, -400],
      [216, 7],
    ] as const) {
      const want = addDays(addMonths(day, months), days);
      if (shiftDate(day, months, days) !== want) wrong.push(`${day} ${months} ${days}`);
    }
  expect(wrong).toEqual([]);
});

describe('a child on time', () => {
  test.each([
    { name: 'Vietnam', p: VN, doses: VN_ON_TIME, items: 17 },
    { name: 'China', p: CN, doses: CN_ON_TIME, items: 22 },
  ])('$name: every item done by its dose, nothing invalid', ({ p, doses, items }) => {
    const r = judge(p, child('2025-01-10', doses));
    expect(r.invalidDoses).toEqual([]);
    expect(r.windows).toHaveLength(items);
    expect(r.windows.filter((w) => w.doneOn === null).map((w) => w.itemId)).toEqual([]);
  });

  test('Vietnam: the windows of a punctual child (due, earliest, late)', () => {
    const r = judge(VN, child('2025-01-10', VN_ON_TIME));
    expect(r.item.get('hepb-0')).toEqual({
      programmeId: 'vn-epi',
      itemId: 'hepb-0',
      episodeId: null,
      dueFrom: '2025-01-10',
      earliestOn: '2025-01-10',
      overdueAfter: '2025-01-11',
      expiresOn: '2025-01-17',
      doneOn: '2025-01-10',
      doneBy: 'd1',
    });
    expect(r.item.get('penta-1')).toMatchObject({
      dueFrom: '2025-03-10',
      earliestOn: '2025-02-21',
      doneBy: 'd3',
    });
    expect(r.item.get('penta-2')).toMatchObject({
      dueFrom: '2025-04-10',
      earliestOn: '2025-04-07',
      doneBy: 'd5',
    });
    expect(r.item.get('je-2')).toMatchObject({
      dueFrom: '2026-01-17',
      earliestOn: '2026-01-17',
      doneBy: 'd13',
    });
    expect(r.item.get('je-3')).toMatchObject({ dueFrom: '2027-01-17', earliestOn: '2027-01-17' });
    expect(r.item.get('bcg')).toMatchObject({ overdueAfter: '2025-02-09', expiresOn: '2026-01-10' });
  });

  test('a newborn with nothing given: the first dose of each series, none after', () => {
    const r = judge(VN, child('2025-01-10'));
    expect(r.windows.map((w) => w.itemId)).toEqual([
      'hepb-0',
      'bcg',
      'penta-1',
      'opv-1',
      'ipv-1',
      'mcv-1',
      'je-1',
    ]);
    expect(r.item.get('penta-1')).toMatchObject({
      dueFrom: '2025-03-10',
      overdueAfter: '2025-04-07',
      doneOn: null,
    });
  });
});

describe('doses that do not count', () => {
  test.each([
    {
      name: 'pentavalent 1 at 5 weeks: below the minimum age (6 weeks)',
      doses: [['DTP-HepB-Hib', '2025-02-14']] as const,
      want: { itemId: 'penta-1', reason: 'below-minimum-age', validFrom: '2025-02-21' },
    },
    {
      name: 'pentavalent 2 20 days after the first: under the minimum interval (28 days)',
      doses: [
        ['DTP-HepB-Hib', '2025-03-10'],
        ['DTP-HepB-Hib', '2025-03-30'],
      ] as const,
      want: { itemId: 'penta-2', reason: 'under-minimum-interval', validFrom: '2025-04-07' },
    },
    {
      name: 'BCG 10 days after measles-rubella: live injectables 28 days apart',
      doses: [
        ['MR', '2025-10-10'],
        ['BCG', '2025-10-20'],
      ] as const,
      want: { itemId: 'bcg', reason: 'live-vaccine-spacing', validFrom: '2025-11-07' },
    },
    {
      name: 'BCG at 13 months: after its expiry (1 year)',
      doses: [['BCG', '2026-02-10']] as const,
      want: { itemId: 'bcg', reason: 'after-expiry', validFrom: null },
    },
    {
      name: 'varicella: not in the schedule',
      doses: [['VAR', '2026-02-10']] as const,
      want: { itemId: null, reason: 'not-in-schedule', validFrom: null },
    },
    {
      name: 'an unknown vaccine code: not in the schedule',
      doses: [['XYZ', '2026-02-10']] as const,
      want: { itemId: null, reason: 'not-in-schedule', validFrom: null },
    },
    {
      name: 'measles alone at 18 months: the MR item needs rubella',
      doses: [
        ['MCV', '2025-10-10'],
        ['MCV', '2026-07-10'],
      ] as const,
      want: { itemId: null, reason: 'not-in-schedule', validFrom: null },
    },
  ])('Vietnam: $name', ({ doses, want }) => {
    const r = judge(VN, child('2025-01-10', doses));
    const last = `d${doses.length}`;
    expect(r.invalidDoses).toEqual([{ doseId: last, programmeId: 'vn-epi', ...want }]);
    if (want.itemId) expect(r.item.get(want.itemId)?.doneOn).toBeNull();
  });

  test('the early dose leaves the item due, and a later one counts', () => {
    const r = judge(
      VN,
      child('2025-01-10', [
        ['DTP-HepB-Hib', '2025-03-10'],
        ['DTP-HepB-Hib', '2025-03-30'],
        ['DTP-HepB-Hib', '2025-04-10'],
      ]),
    );
    expect(r.invalidDoses.map((d) => d.doseId)).toEqual(['d2']);
    expect(r.item.get('penta-2')).toMatchObject({
      earliestOn: '2025-04-07',
      doneOn: '2025-04-10',
      doneBy: 'd3',
    });
    expect(r.item.get('penta-3')).toMatchObject({
      dueFrom: '2025-05-10',
      earliestOn: '2025-05-08',
      doneOn: null,
    });
  });

  test('a late dose moves the next one by the minimum interval', () => {
    const r = judge(VN, child('2025-01-10', [['DTP-HepB-Hib', '2025-05-01']]));
    expect(r.item.get('penta-2')).toMatchObject({
      dueFrom: '2025-05-29',
      earliestOn: '2025-05-29',
      overdueAfter: '2025-06-26',
    });
  });

  test('below the minimum age wins over the interval when both fail', () => {
    const r = judge(
      VN,
      child('2025-01-10', [
        ['DTP-HepB-Hib', '2025-02-21'],
        ['DTP-HepB-Hib', '2025-03-07'],
      ]),
    );
    expect(r.invalid.get('d2')).toMatchObject({ reason: 'below-minimum-age', validFrom: '2025-03-21' });
  });
});

describe('live injectables', () => {
  test.each([
    {
      name: 'MMR then JE-L 10 days later: JE-L is not counted',
      doses: [
        ['MMR', '2025-09-10'],
        ['JE-L', '2025-09-20'],
      ] as const,
      invalid: [{ doseId: 'd2', itemId: 'je-1', reason: 'live-vaccine-spacing', validFrom: '2025-10-08' }],
    },
    {
      name: 'JE-L then MMR 10 days later: MMR is not counted',
      doses: [
        ['JE-L', '2025-09-10'],
        ['MMR', '2025-09-20'],
      ] as const,
      invalid: [{ doseId: 'd2', itemId: 'mmr-1', reason: 'live-vaccine-spacing', validFrom: '2025-10-08' }],
    },
    {
      name: 'MMR and JE-L the same day: both count',
      doses: [
        ['MMR', '2025-09-10'],
        ['JE-L', '2025-09-10'],
      ] as const,
      invalid: [],
    },
    {
      name: 'MMR and JE-L 28 days apart: both count',
      doses: [
        ['MMR', '2025-09-10'],
        ['JE-L', '2025-10-08'],
      ] as const,
      invalid: [],
    },
    {
      name: 'MMR and oral polio 5 days apart: oral vaccines are exempt',
      doses: [
        ['IPV', '2025-03-10'],
        ['IPV', '2025-04-10'],
        ['MMR', '2025-09-10'],
        ['bOPV', '2025-09-15'],
      ] as const,
      invalid: [],
    },
  ])('China: $name', ({ doses, invalid }) => {
    const r = judge(CN, child('2025-01-10', doses));
    expect(r.invalidDoses).toEqual(invalid.map((d) => ({ programmeId: 'cn-nip', ...d })));
  });

  test('the item stays due after a spaced-out dose; the repeat 28 days after the last live dose counts', () => {
    const r = judge(
      CN,
      child('2025-01-10', [
        ['MMR', '2025-09-10'],
        ['JE-L', '2025-09-20'],
        ['JE-L', '2025-10-08'],
        ['JE-L', '2025-11-05'],
      ]),
    );
    // A dose not counted still interferes (ACIP): 8 October is within 28 days of 20 September, and
    // the repeat counts 28 days after the last live dose.
    expect(r.invalid.get('d3')).toMatchObject({ reason: 'live-vaccine-spacing', validFrom: '2025-10-18' });
    expect(r.item.get('je-1')).toMatchObject({ doneOn: '2025-11-05', doneBy: 'd4' });
    expect(r.invalidDoses.map((d) => d.doseId)).toEqual(['d2', 'd3']);
  });
});

describe('alternatives', () => {
  test.each([
    { name: 'MR counts for measles 1', p: VN, doses: [['MR', '2025-10-10']] as const, item: 'mcv-1' },
    { name: 'MMR counts for measles 1', p: WHO, doses: [['MMR', '2025-10-10']] as const, item: 'mcv-1' },
    {
      name: 'MMR counts for the MR dose at 18 months',
      p: VN,
      doses: [
        ['MCV', '2025-10-10'],
        ['MMR', '2026-07-10'],
      ] as const,
      item: 'mr',
    },
    {
      name: 'a pentavalent dose counts as the DTP booster',
      p: VN,
      doses: [
        ['DTP-HepB-Hib', '2025-03-10'],
        ['DTP-HepB-Hib', '2025-04-10'],
        ['DTP-HepB-Hib', '2025-05-10'],
        ['DTP-HepB-Hib', '2026-07-10'],
      ] as const,
      item: 'dtp-4',
    },
    {
      name: 'whole-cell DTP counts for DTaP',
      p: CN,
      doses: [['DTP', '2025-03-10']] as const,
      item: 'dtap-1',
    },
  ])('$name', ({ p, doses, item }) => {
    const r = judge(p, child('2025-01-10', doses));
    expect(r.item.get(item)?.doneBy).toBe(`d${doses.length}`);
    expect(r.invalidDoses).toEqual([]);
  });

  test('Vietnam: hexavalent at 2, 3, 4 months counts for the pentavalent series and IPV1', () => {
    const r = judge(
      VN,
      child('2025-01-10', [
        ['DTaP-IPV-Hib-HepB', '2025-03-10'],
        ['DTaP-IPV-Hib-HepB', '2025-04-10'],
        ['DTaP-IPV-Hib-HepB', '2025-05-10'],
      ]),
    );
    expect(['penta-1', 'penta-2', 'penta-3', 'ipv-1'].map((i) => r.item.get(i)?.doneBy)).toEqual([
      'd1',
      'd2',
      'd3',
      'd3',
    ]);
    expect(r.item.get('ipv-2')).toMatchObject({ dueFrom: '2025-10-10', earliestOn: '2025-10-10' });
    expect(r.item.get('opv-1')?.doneOn).toBeNull();
    // Too young for IPV1 at 2 and 3 months, but counted for the pentavalent doses: not reported.
    expect(r.invalidDoses).toEqual([]);
  });

  test('China: hexavalent counts for the polio and the DTaP series at once', () => {
    const r = judge(
      CN,
      child('2025-01-10', [
        ['DTaP-IPV-Hib-HepB', '2025-03-10'],
        ['DTaP-IPV-Hib-HepB', '2025-05-10'],
      ]),
    );
    expect(['ipv-1', 'ipv-2', 'dtap-1', 'dtap-2'].map((i) => r.item.get(i)?.doneBy)).toEqual([
      'd1',
      'd2',
      'd1',
      'd2',
    ]);
    expect(r.item.get('hepb-1')?.doneOn).toBeNull();
    expect(r.invalidDoses).toEqual([]);
  });

  test.each([
    {
      name: 'no JE dose yet: the live track is shown',
      doses: [] as [string, string][],
      shown: ['je-1'],
      hidden: ['jei-1', 'jei-2'],
    },
    {
      name: 'inactivated JE first: the 4-dose track, dose 2 a week later',
      doses: [['JE-I', '2025-09-10']] as [string, string][],
      shown: ['jei-1', 'jei-2'],
      hidden: ['je-1'],
    },
  ])('China JE: $name', ({ doses, shown, hidden }) => {
    const r = judge(CN, child('2025-01-10', doses));
    for (const i of shown) expect(r.item.has(i), i).toBe(true);
    for (const i of hidden) expect(r.item.has(i), i).toBe(false);
    if (doses.length)
      expect(r.item.get('jei-2')).toMatchObject({ dueFrom: '2025-09-17', earliestOn: '2025-09-17' });
  });

  test('China: a live JE dose after an inactivated one is not in the schedule', () => {
    const r = judge(
      CN,
      child('2025-01-10', [
        ['JE-I', '2025-09-10'],
        ['JE-L', '2025-09-17'],
      ]),
    );
    expect(r.invalidDoses).toEqual([
      { doseId: 'd2', programmeId: 'cn-nip', itemId: null, reason: 'not-in-schedule', validFrom: null },
    ]);
  });

  test('China: inactivated hepatitis A is two doses, six months apart', () => {
    const r = judge(CN, child('2025-01-10', [['HepA-I', '2026-07-10']]));
    expect(r.item.get('hepai-1')?.doneBy).toBe('d1');
    expect(r.item.get('hepai-2')).toMatchObject({ dueFrom: '2027-01-10', earliestOn: '2027-01-10' });
    expect(r.item.has('hepa-1')).toBe(false);
  });
});

describe('expiry', () => {
  test.each([
    { day: '2025-01-22', doneOpv0: 'd1', doneOpv1: null, invalid: [] },
    {
      day: '2025-01-23',
      doneOpv0: null,
      doneOpv1: null,
      invalid: [{ doseId: 'd1', itemId: 'opv-0', reason: 'after-expiry', validFrom: null }],
    },
    { day: '2025-02-21', doneOpv0: null, doneOpv1: 'd1', invalid: [] },
  ])('WHO: oral polio on $day (OPV0 expires at birth + 13 days)', ({ day, doneOpv0, doneOpv1, invalid }) => {
    const r = judge(WHO, child('2025-01-10', [['bOPV', day]]));
    expect(r.item.get('opv-0')).toMatchObject({ expiresOn: '2025-01-23', doneBy: doneOpv0 });
    expect(r.item.get('opv-1')?.doneBy).toBe(doneOpv1);
    expect(r.invalidDoses).toEqual(invalid.map((d) => ({ programmeId: 'who-immunization', ...d })));
  });

  test.each([
    { p: VN, day: '2026-01-09', done: 'd1' },
    { p: VN, day: '2026-01-10', done: null },
    { p: CN, day: '2028-06-01', done: 'd1' },
    { p: CN, day: '2029-01-10', done: null },
  ])('$p.id: BCG on $day', ({ p, day, done }) => {
    const r = judge(p, child('2025-01-10', [['BCG', day]]));
    expect(r.item.get('bcg')?.doneBy).toBe(done);
    expect(r.invalidDoses.map((d) => d.reason)).toEqual(done ? [] : ['after-expiry']);
  });

  test('WHO: rotavirus started after 7 months counts for neither dose', () => {
    const r = judge(WHO, child('2025-01-10', [['Rota', '2025-09-01']]));
    expect(r.item.get('rota-1')).toMatchObject({ expiresOn: '2025-08-10', doneOn: null });
    expect(r.item.has('rota-2')).toBe(false);
    expect(r.invalid.get('d1')).toMatchObject({ itemId: 'rota-1', reason: 'after-expiry' });
  });
});

describe('the end of catch-up', () => {
  test('an adult has no childhood windows and no doses judged', () => {
    for (const p of [WHO, VN, CN])
      expect(judge(p, child('1990-05-01'))).toMatchObject({ windows: [], invalidDoses: [] });
  });

  test("an adult's doses are not this programme's (a Td or HPV dose is not reported)", () => {
    const r = judge(
      VN,
      child('1990-05-01', [
        ['BCG', '1990-05-02'],
        ['Td', '2025-03-01'],
      ]),
    );
    expect(r).toMatchObject({ windows: [], invalidDoses: [] });
  });

  test.each([
    { p: VN, born: '2019-01-10', item: 'penta-1', expiresOn: '2025-01-10' },
    { p: VN, born: '2019-01-10', item: 'mcv-1', expiresOn: '2025-01-10' },
    { p: CN, born: '2015-03-01', item: 'mmr-1', expiresOn: '2033-03-01' },
    { p: WHO, born: '2019-01-10', item: 'penta-1', expiresOn: '2025-01-10' },
  ])(
    '$p.id, born $born: $item not given is no longer due from $expiresOn',
    ({ p, born, item, expiresOn }) => {
      expect(judge(p, child(born)).item.get(item)).toMatchObject({ expiresOn, doneOn: null });
    },
  );

  test('China: measles-mumps-rubella caught up at 10 years counts, late', () => {
    const r = judge(CN, child('2015-03-01', [['MMR', '2025-03-01']]));
    expect(r.item.get('mmr-1')).toMatchObject({ overdueAfter: '2016-02-29', doneOn: '2025-03-01' });
  });

  test('Vietnam: a first pentavalent dose at 6 years is after the end of catch-up', () => {
    const r = judge(VN, child('2019-01-10', [['DTP-HepB-Hib', '2025-01-10']]));
    expect(r.invalid.get('d1')).toMatchObject({ itemId: 'penta-1', reason: 'after-expiry' });
  });
});

describe("China's completion deadlines are when an item is late", () => {
  const r = judge(CN, child('2025-01-10', CN_ON_TIME));
  test.each([
    { item: 'hepb-1', overdueAfter: '2025-01-11' },
    { item: 'bcg', overdueAfter: '2025-04-09' },
    { item: 'hepb-3', overdueAfter: '2026-01-09' },
    { item: 'bopv-3', overdueAfter: '2026-01-09' },
    { item: 'dtap-3', overdueAfter: '2026-01-09' },
    { item: 'mmr-1', overdueAfter: '2026-01-09' },
    { item: 'je-1', overdueAfter: '2026-01-09' },
    { item: 'mpsva-2', overdueAfter: '2026-07-09' },
    { item: 'mmr-2', overdueAfter: '2027-01-09' },
    { item: 'dtap-4', overdueAfter: '2027-01-09' },
    { item: 'hepa-1', overdueAfter: '2027-01-09' },
    { item: 'bopv-4', overdueAfter: '2030-01-09' },
    { item: 'dt', overdueAfter: '2032-01-09' },
    { item: 'mpsvac-2', overdueAfter: '2032-01-09' },
    { item: 'hepb-2', overdueAfter: '2025-03-10' },
  ])('$item is late after $overdueAfter', ({ item, overdueAfter }) => {
    expect(r.item.get(item)?.overdueAfter).toBe(overdueAfter);
  });

  test('a dose due after its deadline is late from its first day', () => {
    const late = judge(
      CN,
      child('2025-01-10', [
        ['HepB', '2025-01-10'],
        ['HepB', '2025-12-01'],
      ]),
    );
    expect(late.item.get('hepb-3')).toMatchObject({ dueFrom: '2026-01-30', overdueAfter: '2026-01-30' });
  });
});

describe('the version in force on each item due date', () => {
  test.each([
    {
      born: '2024-06-01',
      doses: [['DTaP', '2024-08-01']] as const,
      due: '2024-09-01',
      invalid: 'below-minimum-age',
    },
    { born: '2025-01-10', doses: [['DTaP', '2025-03-10']] as const, due: '2025-03-10', invalid: null },
  ])('China, born $born: DTaP 1 due $due', ({ born, doses, due, invalid }) => {
    const r = judge(CN, child(born, doses));
    expect(r.item.get('dtap-1')?.dueFrom).toBe(due);
    expect(r.invalidDoses[0]?.reason ?? null).toBe(invalid);
  });

  test('China, born 2024-10-05: due at 3 months under 2021 on 5 January, 2 months under 2025: due from the change', () => {
    const r = judge(
      CN,
      child('2024-10-05', [
        ['DTaP', '2025-01-03'],
        ['DTaP', '2025-02-05'],
      ]),
    );
    expect(r.item.get('dtap-1')).toMatchObject({
      dueFrom: '2025-01-01',
      earliestOn: '2025-01-01',
      doneBy: 'd1',
    });
    expect(r.item.get('dtap-2')).toMatchObject({ dueFrom: '2025-02-05', doneBy: 'd2' });
    expect(r.item.get('dtap-3')).toMatchObject({ dueFrom: '2025-04-05' });
  });

  test.each([
    {
      name: 'before the change: too young under the 2021 edition',
      day: '2024-12-20',
      invalid: 'below-minimum-age',
    },
    { name: 'after the change: old enough under the 2025 schedule', day: '2025-01-06', invalid: null },
  ])('China, born 2024-10-18, DTaP at 2 months $name', ({ day, invalid }) => {
    const r = judge(CN, child('2024-10-18', [['DTaP', day]]));
    expect(r.invalidDoses[0]?.reason ?? null).toBe(invalid);
    expect(r.item.get('dtap-1')?.doneOn ?? null).toBe(invalid ? null : day);
  });

  const primed = (y: number): [string, string][] => [
    ['DTP-HepB-Hib', `${y}-03-10`],
    ['DTP-HepB-Hib', `${y}-04-10`],
    ['DTP-HepB-Hib', `${y}-05-10`],
    ['DTP', `${y + 1}-07-10`],
  ];
  test.each([
    { born: '2017-01-10', td: null },
    { born: '2018-01-10', td: '2025-01-10' },
    { born: '2024-01-10', td: '2031-01-10' },
    { born: '2025-01-10', td: '2032-01-10' },
  ])(
    'Vietnam, born $born: Td at 7 years due $td (new in Circular 10/2024 from 1 August 2024)',
    ({ born, td }) => {
      const y = Number(born.slice(0, 4));
      const r = judge(VN, child(born, primed(y)));
      expect(r.item.get('dtp-4')?.doneBy).toBe('d4');
      expect(r.item.get('td-7')?.dueFrom ?? null).toBe(td);
    },
  );

  test.each([
    { born: '2023-01-10', ipv2: false },
    { born: '2024-01-10', ipv2: true },
  ])('Vietnam, born $born: a second IPV dose $ipv2', ({ born, ipv2 }) => {
    const r = judge(VN, child(born, [['IPV', `${born.slice(0, 4)}-06-10`]]));
    expect(r.item.has('ipv-2')).toBe(ipv2);
  });
});

describe('nothing is due', () => {
  test.each([
    { name: 'a resident who died', facts: child('2025-01-10', [['BCG', '2025-01-10']], 'died') },
    { name: 'a resident moved away', facts: child('2025-01-10', [], 'moved-away') },
    { name: 'a birth date unknown', facts: child(null, [['BCG', '2025-01-10']]) },
  ])('for $name', ({ facts }) => {
    for (const p of [WHO, VN, CN]) expect(judge(p, facts)).toMatchObject({ windows: [], invalidDoses: [] });
  });
});
