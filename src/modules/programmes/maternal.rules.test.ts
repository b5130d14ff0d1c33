import { describe, expect, test } from 'vitest';
import { addDays, daysBetween } from '../../platform/dates.ts';
import { antenatalWindows, childHealthWindows, postnatalWindows } from './maternal.rules.ts';
import { pregnancy, resident, schedule, visit } from './visits.fixtures.ts';
import type { ScheduleFile } from './visits.protocol.ts';

/**
 * Antenatal, postnatal and child health windows against the official schedules (the shipped files),
 * written as days from the anchor so that a table reads like the schedule.
 */

const LMP = '2026-01-01';
const GA = '11884-4';
const FUNDAL = '11881-0';

/** A window as days from the anchor: [item, dueFrom, overdueAfter, expiresOn]. */
type Row = [string, number, number, number];
const asDays = (
  anchor: string,
  w: { itemId: string; dueFrom: string; overdueAfter: string | null; expiresOn: string | null },
): Row => [
  w.itemId,
  daysBetween(anchor, w.dueFrom),
  daysBetween(anchor, w.overdueAfter as string),
  daysBetween(anchor, w.expiresOn as string),
];

describe('antenatal windows by gestational age (from the LMP)', () => {
  test.each([
    [
      'cn-antenatal',
      // Before 13 wk, 16-20, 21-24, 28-36, 37-40 (overdue after the window's last day).
      [
        ['anc-1', 0, 90, 112],
        ['anc-2', 112, 146, 147],
        ['anc-3', 147, 174, 196],
        ['anc-4', 196, 258, 259],
        ['anc-5', 259, 286, 294],
      ],
    ],
    [
      'vn-antenatal',
      // One in the first trimester, one in the second, two in the third.
      [
        ['anc-1', 0, 97, 98],
        ['anc-2', 98, 195, 196],
        ['anc-3', 196, 251, 252],
        ['anc-4', 252, 286, 294],
      ],
    ],
    [
      'who-antenatal',
      // By 12 wk, then 20, 26, 30, 34, 36, 38, 40 wk.
      [
        ['anc-1', 0, 90, 119],
        ['anc-2', 119, 146, 168],
        ['anc-3', 168, 188, 196],
        ['anc-4', 196, 216, 224],
        ['anc-5', 224, 244, 245],
        ['anc-6', 245, 258, 259],
        ['anc-7', 259, 272, 273],
        ['anc-8', 273, 286, 294],
      ],
    ],
  ] as [string, Row[]][])('%s', (id, rows) => {
    const facts = resident({ pregnancies: [pregnancy({ lmp: LMP, edd: addDays(LMP, 280) })] });
    const windows = antenatalWindows(schedule(id), facts);
    expect(windows.map((w) => asDays(LMP, w))).toEqual(rows);
    expect(
      windows.every((w) => w.episodeId === 'preg-1' && w.earliestOn === w.dueFrom && w.doneOn === null),
    ).toBe(true);
  });

  test('without an LMP the pregnancy starts 280 days before the EDD', () => {
    const withLmp = antenatalWindows(
      schedule('cn-antenatal'),
      resident({ pregnancies: [pregnancy({ lmp: LMP, edd: '2026-10-08' })] }),
    );
    const withEdd = antenatalWindows(
      schedule('cn-antenatal'),
      resident({ pregnancies: [pregnancy({ edd: '2026-10-08' })] }),
    );
    expect(withEdd).toEqual(withLmp);
  });
});

describe('an antenatal contact is done by a visit in its window that counts', () => {
  const open = pregnancy({ lmp: LMP, edd: addDays(LMP, 280) });
  test.each([
    // programme, gestational day of the visit, what it recorded, the contact it fulfils (null: none)
    ['cn-antenatal', 70, { observations: { [GA]: 10 } }, 'anc-1'],
    ['cn-antenatal', 98, { observations: { [GA]: 14 } }, 'anc-1'], // late first check, before 16 wk
    ['cn-antenatal', 126, { diagnoses: ['Z34.9'] }, 'anc-2'],
    ['cn-antenatal', 150, { observations: { [FUNDAL]: 21 } }, 'anc-3'],
    ['cn-antenatal', 200, { diagnoses: ['Z35.9'] }, 'anc-4'],
    ['cn-antenatal', 270, { diagnoses: ['Z36.9'] }, 'anc-5'],
    ['cn-antenatal', 290, { diagnoses: ['Z34.0'] }, 'anc-5'], // past the EDD, still open
    ['cn-antenatal', 120, { observations: { '8480-6': 110, '8462-4': 70 } }, null], // a BP alone: not an antenatal check
    ['cn-antenatal', 120, { diagnoses: ['J06.9'] }, null],
    ['cn-antenatal', -3, { diagnoses: ['Z34.0'] }, null], // before the LMP
    ['cn-antenatal', 296, { diagnoses: ['Z34.0'] }, null], // after EDD + 14
    ['vn-antenatal', 84, { observations: { [GA]: 12 } }, 'anc-1'],
    ['vn-antenatal', 100, { observations: { [GA]: 14 } }, 'anc-2'],
    ['vn-antenatal', 230, { observations: { [GA]: 33 } }, 'anc-3'],
    ['vn-antenatal', 255, { observations: { [GA]: 36 } }, 'anc-4'],
    ['who-antenatal', 140, { observations: { [GA]: 20 } }, 'anc-2'],
    ['who-antenatal', 266, { observations: { [GA]: 38 } }, 'anc-7'],
  ] as const)('%s: a visit on day %s with %o fulfils %s', (id, day, recorded, item) => {
    const v = visit(
      addDays(LMP, day),
      'observations' in recorded ? { ...recorded.observations } : {},
      'diagnoses' in recorded ? [...recorded.diagnoses] : [],
    );
    const windows = antenatalWindows(schedule(id), resident({ pregnancies: [open], visits: [v] }));
    const done = windows.filter((w) => w.doneOn !== null);
    expect(done.map((w) => w.itemId)).toEqual(item === null ? [] : [item]);
    if (item !== null) expect(done[0]).toMatchObject({ doneOn: v.date, doneBy: v.id });
  });

  test('two visits in one window fulfil one contact; the next is still due', () => {
    const visits = [visit(addDays(LMP, 114), { [GA]: 16 }), visit(addDays(LMP, 140), { [GA]: 20 })];
    const windows = antenatalWindows(schedule('cn-antenatal'), resident({ pregnancies: [open], visits }));
    expect(windows.filter((w) => w.doneOn).map((w) => [w.itemId, w.doneBy])).toEqual([
      ['anc-2', visits[0]?.id],
    ]);
  });
});

describe('closed pregnancies are history', () => {
  test.each([
    // outcome, gestational day of the outcome, the contacts scheduled with their expiry (days from the LMP)
    [
      'live-birth',
      210,
      [
        ['anc-1', 112],
        ['anc-2', 147],
        ['anc-3', 196],
        ['anc-4', 211],
      ],
    ],
    [
      'stillbirth',
      259,
      [
        ['anc-1', 112],
        ['anc-2', 147],
        ['anc-3', 196],
        ['anc-4', 259],
        ['anc-5', 260],
      ],
    ],
    ['miscarriage', 70, [['anc-1', 71]]],
    [
      'abortion',
      112,
      [
        ['anc-1', 112],
        ['anc-2', 113],
      ],
    ],
  ] as const)('%s on day %s: contacts up to the outcome, none after', (outcome, day, expected) => {
    const p = pregnancy({ lmp: LMP, edd: addDays(LMP, 280), outcome, outcomeDate: addDays(LMP, day) });
    const windows = antenatalWindows(schedule('cn-antenatal'), resident({ pregnancies: [p] }));
    expect(windows.map((w) => [w.itemId, daysBetween(LMP, w.expiresOn as string)])).toEqual(expected);
    expect(windows.every((w) => (w.overdueAfter as string) < (w.expiresOn as string))).toBe(true);
  });

  test('each pregnancy has its own contacts, keyed by its id', () => {
    const first = pregnancy({
      id: 'p-a',
      lmp: '2024-01-01',
      edd: '2024-10-07',
      outcome: 'live-birth',
      outcomeDate: '2024-10-01',
    });
    const second = pregnancy({ id: 'p-b', lmp: LMP, edd: addDays(LMP, 280) });
    const visits = [visit('2024-02-20', { [GA]: 7 }), visit('2026-02-20', { [GA]: 7 })];
    const windows = antenatalWindows(
      schedule('vn-antenatal'),
      resident({ pregnancies: [first, second], visits }),
    );
    expect(windows.filter((w) => w.doneOn).map((w) => [w.episodeId, w.itemId, w.doneOn])).toEqual([
      ['p-a', 'anc-1', '2024-02-20'],
      ['p-b', 'anc-1', '2026-02-20'],
    ]);
    expect(windows.filter((w) => w.episodeId === 'p-b')).toHaveLength(4);
  });
});

describe('postnatal windows after a birth', () => {
  const BORN = '2026-03-10';
  const birth = (outcome: 'live-birth' | 'stillbirth' | 'miscarriage' | 'abortion' | null) =>
    pregnancy({ lmp: '2025-06-03', edd: '2026-03-10', outcome, outcomeDate: outcome ? BORN : null });

  test.each([
    ['vn-postnatal', [['pnc-home', 0, 7, 43]]],
    [
      'cn-postnatal',
      [
        ['pnc-home', 0, 7, 28],
        ['pnc-42', 42, 49, 57],
      ],
    ],
    [
      'who-postnatal',
      [
        ['pnc-1', 0, 1, 2],
        ['pnc-2', 2, 3, 7],
        ['pnc-3', 7, 14, 35],
        ['pnc-4', 35, 42, 43],
      ],
    ],
  ] as [string, Row[]][])('%s from the outcome date', (id, rows) => {
    const windows = postnatalWindows(schedule(id), resident({ pregnancies: [birth('live-birth')] }));
    expect(windows.map((w) => asDays(BORN, w))).toEqual(rows);
    expect(windows.every((w) => w.episodeId === 'preg-1')).toBe(true);
  });

  test.each([
    ['live-birth', 1],
    ['stillbirth', 1],
    ['miscarriage', 0],
    ['abortion', 0],
    [null, 0],
  ] as const)('after a %s: %s contact(s)', (outcome, count) => {
    expect(
      postnatalWindows(schedule('vn-postnatal'), resident({ pregnancies: [birth(outcome)] })),
    ).toHaveLength(count);
  });

  test.each([
    ['vn-postnatal', 5, ['Z39.2'], 'pnc-home'],
    ['vn-postnatal', 0, ['Z39.0'], 'pnc-home'],
    ['vn-postnatal', 20, ['Z39.2'], 'pnc-home'], // late, within the 42 days
    ['vn-postnatal', 43, ['Z39.2'], null], // after the 42 days
    ['vn-postnatal', 5, ['J06.9'], null], // a visit for something else
    ['vn-postnatal', -1, ['Z39.2'], null], // before the birth
    ['cn-postnatal', 6, ['Z39.2'], 'pnc-home'],
    ['cn-postnatal', 44, ['Z39.2'], 'pnc-42'],
    ['cn-postnatal', 35, ['Z39.2'], null], // between the home visit's window and the 42-day check
    ['who-postnatal', 3, ['Z39.2'], 'pnc-2'],
  ] as const)('%s: a visit on day %s with %o fulfils %s', (id, day, diagnoses, item) => {
    const v = visit(addDays(BORN, day), {}, [...diagnoses]);
    const windows = postnatalWindows(
      schedule(id),
      resident({ pregnancies: [birth('live-birth')], visits: [v] }),
    );
    expect(windows.filter((w) => w.doneOn).map((w) => w.itemId)).toEqual(item ? [item] : []);
  });
});

describe('child health checks at the right ages', () => {
  test('cn-child-health: within a week, 28-30 days, 3-36 months, yearly 4-6 years', () => {
    const born = '2024-01-31';
    const windows = childHealthWindows(schedule('cn-child-health'), resident({ birthDate: born }));
    expect(windows.map((w) => [w.itemId, w.dueFrom, w.overdueAfter, w.expiresOn])).toEqual([
      ['newborn-visit', '2024-01-31', '2024-02-07', '2024-02-28'],
      ['check-28d', '2024-02-28', '2024-03-01', '2024-04-30'],
      ['check-3m', '2024-04-30', '2024-05-30', '2024-07-31'],
      ['check-6m', '2024-07-31', '2024-08-30', '2024-09-30'],
      ['check-8m', '2024-09-30', '2024-10-30', '2025-01-31'],
      ['check-12m', '2025-01-31', '2025-02-27', '2025-07-31'],
      ['check-18m', '2025-07-31', '2025-08-30', '2026-01-31'],
      ['check-24m', '2026-01-31', '2026-02-27', '2026-07-31'],
      ['check-30m', '2026-07-31', '2026-08-30', '2027-01-31'],
      ['check-36m', '2027-01-31', '2027-02-27', '2028-01-31'],
      ['check-4y', '2028-01-31', '2028-04-29', '2029-01-31'],
      ['check-5y', '2029-01-31', '2029-04-29', '2030-01-31'],
      ['check-6y', '2030-01-31', '2030-04-29', '2031-01-31'],
    ]);
    expect(windows.every((w) => w.episodeId === null)).toBe(true);
  });

  test.each([
    // age of the visit, what it recorded, the check it fulfils
    ['2024-02-05', { '29463-7': 3.4 }, [], 'newborn-visit'],
    ['2024-02-29', { '29463-7': 4.1 }, [], 'check-28d'],
    ['2024-05-05', { '29463-7': 6.2 }, [], 'check-3m'],
    ['2024-10-02', {}, ['Z00.1'], 'check-8m'],
    ['2027-02-10', { '29463-7': 14 }, [], 'check-36m'],
    ['2029-03-01', {}, ['Z00.1'], 'check-5y'],
    ['2024-05-05', { '8310-5': 38.5 }, ['J06.9'], null], // a sick visit without a weight
  ] as const)('a visit on %s with %o %o fulfils %s', (date, observations, diagnoses, item) => {
    const v = visit(date, { ...observations }, [...diagnoses]);
    const windows = childHealthWindows(
      schedule('cn-child-health'),
      resident({ birthDate: '2024-01-31', visits: [v] }),
    );
    expect(windows.filter((w) => w.doneOn).map((w) => w.itemId)).toEqual(item ? [item] : []);
  });

  test('vn-child-health: monthly under 2 years, every 6 months to 5 years', () => {
    const windows = childHealthWindows(schedule('vn-child-health'), resident({ birthDate: '2025-01-15' }));
    expect(windows).toHaveLength(23 + 7);
    expect(windows[0]).toMatchObject({
      itemId: 'growth-1m',
      dueFrom: '2025-02-15',
      overdueAfter: '2025-03-07',
      expiresOn: '2025-03-15',
    });
    expect(windows[23]).toMatchObject({
      itemId: 'growth-24m',
      dueFrom: '2027-01-15',
      expiresOn: '2027-07-15',
    });
    expect(windows.at(-1)).toMatchObject({
      itemId: 'growth-60m',
      dueFrom: '2030-01-15',
      expiresOn: '2030-07-15',
    });
  });

  test.each([
    ['no birth date', null, []],
    ['an adult: the schedule ended before the programme began', '1990-05-15', []],
    [
      'born 2012: only the checks still open when the programme began (2017-02-28)',
      '2012-06-01',
      ['check-4y', 'check-5y', 'check-6y'],
    ],
  ] as const)('%s', (_, birthDate, items) => {
    const windows = childHealthWindows(schedule('cn-child-health'), resident({ birthDate }));
    expect(windows.map((w) => w.itemId)).toEqual(items);
  });

  test('a check done before the programme began is kept as history', () => {
    const v = visit('2012-09-03', { '29463-7': 6.1 });
    const windows = childHealthWindows(
      schedule('cn-child-health'),
      resident({ birthDate: '2012-06-01', visits: [v] }),
    );
    expect(windows.map((w) => [w.itemId, w.doneOn])).toEqual([
      ['check-3m', '2012-09-03'],
      ['check-4y', null],
      ['check-5y', null],
      ['check-6y', null],
    ]);
  });
});

describe('versions by effectiveFrom', () => {
  const file = (): ScheduleFile => {
    const base = schedule('cn-antenatal');
    const later = structuredClone(base.versions[0]) as ScheduleFile['versions'][number];
    later.effectiveFrom = '2026-01-01';
    later.contacts = later.contacts.slice(0, 2);
    return { ...base, versions: [base.versions[0] as ScheduleFile['versions'][number], later] };
  };
  test.each([
    ['2025-12-31', 5],
    ['2026-01-01', 2],
  ])('a pregnancy that began on %s follows the version in effect then (%s contacts)', (lmp, count) => {
    const facts = resident({ pregnancies: [pregnancy({ lmp, edd: addDays(lmp, 280) })] });
    expect(antenatalWindows(file(), facts)).toHaveLength(count);
  });
});
