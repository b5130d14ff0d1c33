import { describe, expect, test } from 'vitest';
import { addDays } from '../../platform/dates.ts';
import { membershipStart, repeatingWindows } from './chronic.rules.ts';
import type { ProblemFact } from './facts.ts';
import { bp, repeating, resident, visit } from './visits.fixtures.ts';
import type { RepeatingFile } from './visits.protocol.ts';
import { levelOf } from './visits.shared.ts';

/** Hypertension, diabetes and elderly follow-ups against the shipped files. */

const SINCE = '2026-01-10';
const htn = (code = 'I10', since: string | null = SINCE, active = true): ProblemFact => ({
  code,
  since,
  active,
});
const dm = (since: string | null = SINCE): ProblemFact => ({ code: 'E11.9', since, active: true });

describe('hypertension: the next follow-up by the last reading', () => {
  test.each([
    // programme, systolic, diastolic, level, days to the next follow-up
    ['cn-hypertension', 130, 80, null, 90],
    ['cn-hypertension', 139, 89, null, 90],
    ['cn-hypertension', 140, 85, 'uncontrolled', 14],
    ['cn-hypertension', 135, 90, 'uncontrolled', 14],
    ['cn-hypertension', 165, 100, 'uncontrolled', 14],
    ['cn-hypertension', 180, 100, 'referral', 14],
    ['cn-hypertension', 150, 110, 'referral', 14],
    ['cn-hypertension', 200, 120, 'referral', 14],
    ['vn-hypertension', 128, 82, null, 30],
    ['vn-hypertension', 150, 92, 'uncontrolled', 14],
    ['vn-hypertension', 182, 112, 'referral', 14],
  ] as const)('%s: %s/%s is %s, next in %s days', (id, systolic, diastolic, level, days) => {
    const file = repeating(id);
    const v = bp(SINCE, systolic, diastolic, ['I10']);
    expect(levelOf(file.versions[0]?.levels ?? [], v)?.id ?? null).toBe(level);
    const windows = repeatingWindows(file, resident({ problems: [htn()], visits: [v] }));
    expect(windows).toEqual([
      {
        programmeId: id,
        itemId: 'htn-follow-up',
        episodeId: null,
        dueFrom: SINCE,
        earliestOn: SINCE,
        overdueAfter: SINCE,
        expiresOn: null,
        doneOn: SINCE,
        doneBy: v.id,
      },
      {
        programmeId: id,
        itemId: 'htn-follow-up',
        episodeId: null,
        dueFrom: addDays(SINCE, days),
        earliestOn: addDays(SINCE, 1),
        overdueAfter: addDays(SINCE, days),
        expiresOn: null,
        doneOn: null,
        doneBy: null,
      },
    ]);
  });

  test('a year of follow-ups: each done one, then the next; an early one is due the day it came', () => {
    const visits = [
      bp('2026-01-10', 132, 84), // controlled: next 2026-04-10
      bp('2026-03-01', 158, 96), // early and uncontrolled: next 2026-03-15
      bp('2026-03-14', 136, 86), // controlled: next 2026-06-12
      visit('2026-05-01', { '8480-6': 150 }), // no diastolic: not a follow-up
      bp('2026-06-20', 184, 104), // late, referral level: next 2026-07-04
    ];
    const windows = repeatingWindows(repeating('cn-hypertension'), resident({ problems: [htn()], visits }));
    expect(windows.map((w) => [w.dueFrom, w.overdueAfter, w.doneOn])).toEqual([
      ['2026-01-10', '2026-01-10', '2026-01-10'],
      ['2026-03-01', '2026-04-10', '2026-03-01'],
      ['2026-03-14', '2026-03-15', '2026-03-14'],
      ['2026-06-12', '2026-06-12', '2026-06-20'],
      ['2026-07-04', '2026-07-04', null],
    ]);
    expect(new Set(windows.map((w) => w.dueFrom)).size).toBe(windows.length);
  });

  test('two readings on one day count once (the day’s last)', () => {
    const visits = [bp('2026-01-10', 170, 100), bp('2026-01-10', 134, 84)];
    const windows = repeatingWindows(repeating('cn-hypertension'), resident({ problems: [htn()], visits }));
    expect(windows.map((w) => [w.dueFrom, w.doneBy])).toEqual([
      ['2026-01-10', visits[1]?.id],
      ['2026-04-10', null],
    ]);
  });

  test.each([
    ['no problem', [], []],
    ['an inactive problem', [htn('I10', SINCE, false)], []],
    ['another problem (I20)', [htn('I20.9')], []],
    ['I11.9 is hypertensive heart disease', [htn('I11.9')], [SINCE]],
    ['I15.0', [htn('I15.0')], [SINCE]],
    ['the earliest of two problems', [htn('I10', '2026-02-01'), htn('I13.9', '2025-11-30')], ['2025-11-30']],
    ['since unknown: the first visit diagnosing it', [htn('I10', null)], ['2025-12-05']],
  ] as const)('membership: %s', (_, problems, dues) => {
    const visits = [visit('2025-10-01', {}, ['J06.9']), visit('2025-12-05', {}, ['I10'])];
    const windows = repeatingWindows(
      repeating('cn-hypertension'),
      resident({ problems: [...problems], visits }),
    );
    expect(windows.filter((w) => w.doneOn === null).map((w) => w.dueFrom)).toEqual(dues);
  });

  test('since unknown and never diagnosed at a visit: from the first visit; no visit at all: nothing', () => {
    const file = repeating('cn-hypertension');
    const last = file.versions[0] as RepeatingFile['versions'][number];
    expect(
      membershipStart(
        last,
        '2017-02-28',
        resident({ problems: [htn('I10', null)], visits: [visit('2025-10-01')] }),
      ),
    ).toBe('2025-10-01');
    expect(membershipStart(last, '2017-02-28', resident({ problems: [htn('I10', null)] }))).toBeNull();
  });

  test('a patient since before the programme began is followed from its first day', () => {
    const windows = repeatingWindows(
      repeating('cn-hypertension'),
      resident({ problems: [htn('I10', '2009-04-01')] }),
    );
    expect(windows.map((w) => w.dueFrom)).toEqual(['2017-02-28']);
  });
});

describe('type 2 diabetes: glucose thresholds', () => {
  test.each([
    // programme, readings, level, days to the next follow-up
    ['cn-diabetes', { '1558-6': 6.5 }, null, 90],
    ['cn-diabetes', { '1558-6': 7.0 }, 'uncontrolled', 14],
    ['cn-diabetes', { '2339-0': 11.0 }, null, 90],
    ['cn-diabetes', { '2339-0': 11.1 }, 'uncontrolled', 14],
    ['cn-diabetes', { '4548-4': 6.9 }, null, 90],
    ['cn-diabetes', { '4548-4': 7.0 }, 'uncontrolled', 14],
    ['cn-diabetes', { '1558-6': 16.7 }, 'referral', 14],
    ['cn-diabetes', { '2339-0': 3.9 }, 'referral', 14],
    ['cn-diabetes', { '1558-6': 4.0 }, null, 90],
    ['cn-diabetes', { '1558-6': 6.1, '8480-6': 182, '8462-4': 96 }, 'referral', 14],
    ['cn-diabetes', { '1558-6': 6.1, '8480-6': 150, '8462-4': 96 }, null, 90], // BP alone does not make diabetes uncontrolled
    ['vn-diabetes', { '1558-6': 6.8 }, null, 90],
    ['vn-diabetes', { '4548-4': 8.2 }, 'uncontrolled', 14],
    ['vn-diabetes', { '1558-6': 3.2 }, 'referral', 14],
  ] as const)('%s: %o is %s, next in %s days', (id, readings, level, days) => {
    const file = repeating(id);
    const v = visit(SINCE, { ...readings });
    expect(levelOf(file.versions[0]?.levels ?? [], v)?.id ?? null).toBe(level);
    const windows = repeatingWindows(file, resident({ problems: [dm()], visits: [v] }));
    expect(windows.map((w) => [w.itemId, w.dueFrom, w.doneOn])).toEqual([
      ['dm-follow-up', SINCE, SINCE],
      ['dm-follow-up', addDays(SINCE, days), null],
    ]);
  });

  test('a visit with a BP but no glucose is not a diabetes follow-up', () => {
    const windows = repeatingWindows(
      repeating('cn-diabetes'),
      resident({ problems: [dm()], visits: [bp('2026-02-01', 130, 80)] }),
    );
    expect(windows.map((w) => [w.dueFrom, w.doneOn])).toEqual([[SINCE, null]]);
  });

  test('a hypertensive patient is not a diabetes member', () => {
    expect(repeatingWindows(repeating('vn-diabetes'), resident({ problems: [htn()] }))).toEqual([]);
  });
});

describe('the elderly: a yearly check from 65', () => {
  const born = '1961-03-15';
  test('due from the 65th birthday, not before', () => {
    const windows = repeatingWindows(repeating('cn-elderly'), resident({ birthDate: born }));
    expect(windows).toEqual([
      {
        programmeId: 'cn-elderly',
        itemId: 'yearly-check',
        episodeId: null,
        dueFrom: '2026-03-15',
        earliestOn: '2026-03-15',
        overdueAfter: '2026-04-14',
        expiresOn: null,
        doneOn: null,
        doneBy: null,
      },
    ]);
  });

  test.each([
    ['cn-elderly', '2026-01-10', null], // at 64: does not count
    ['cn-elderly', '2026-05-01', '2027-05-01'],
    ['vn-elderly', '2026-03-15', '2027-03-15'],
    ['vn-elderly', '2028-02-29', '2029-02-28'],
  ] as const)('%s: a Z00.0 check on %s; the next due %s', (id, date, next) => {
    const v = visit(date, { '8480-6': 130, '8462-4': 80 }, ['Z00.0']);
    const windows = repeatingWindows(repeating(id), resident({ birthDate: born, visits: [v] }));
    expect(windows.filter((w) => w.doneOn).map((w) => w.doneOn)).toEqual(next ? [date] : []);
    expect(windows.at(-1)?.dueFrom).toBe(next ?? '2026-03-15');
  });

  test('a visit without Z00.0 is not the yearly check', () => {
    const v = visit('2026-05-01', { '8480-6': 130, '8462-4': 80 }, ['I10']);
    const windows = repeatingWindows(repeating('cn-elderly'), resident({ birthDate: born, visits: [v] }));
    expect(windows.map((w) => w.doneOn)).toEqual([null]);
  });

  test.each([
    ['no birth date', null, []],
    ['born 1930: from the day the programme began', '1930-07-01', ['2017-02-28']],
  ] as const)('%s', (_, birthDate, dues) => {
    expect(repeatingWindows(repeating('cn-elderly'), resident({ birthDate })).map((w) => w.dueFrom)).toEqual(
      dues,
    );
  });
});

describe('versions by effectiveFrom', () => {
  test('the interval after a visit is the version in effect on its day', () => {
    const base = repeating('cn-hypertension');
    const v0 = base.versions[0] as RepeatingFile['versions'][number];
    const file: RepeatingFile = {
      ...base,
      versions: [v0, { ...v0, effectiveFrom: '2026-03-01', interval: '60d' }],
    };
    const visits = [bp('2026-01-10', 130, 80), bp('2026-04-10', 130, 80)];
    const windows = repeatingWindows(file, resident({ problems: [htn()], visits }));
    expect(windows.map((w) => w.dueFrom)).toEqual(['2026-01-10', '2026-04-10', '2026-06-09']);
  });
});
