import { describe, expect, test } from 'vitest';
import {
  checkAmendment,
  checkDating,
  checkOutcome,
  type Dating,
  type DatingContext,
  datingOf,
  eddFromLmp,
  eddFromUltrasound,
  gestationalAgeOn,
  type OutcomeInput,
  redatesByUltrasound,
  refusalFor,
  startOf,
} from './pregnancies.rules.ts';

describe('EDD from the LMP (Naegele: +280 days)', () => {
  test.each([
    ['2026-03-01', '2026-12-06'],
    ['2026-01-01', '2026-10-08'],
    ['2025-05-20', '2026-02-24'], // across a year
    ['2027-05-20', '2028-02-24'], // across a leap February: 280 days, not "9 months 7 days"
    ['2026-02-28', '2026-12-05'],
  ])('LMP %s → EDD %s', (lmp, edd) => {
    expect(eddFromLmp(lmp)).toBe(edd);
    expect(startOf(edd)).toBe(lmp);
  });
});

describe('EDD from an ultrasound (scan date + 280 days − gestational age)', () => {
  test.each([
    [{ date: '2026-05-01', weeks: 12, days: 0 }, '2026-11-13'],
    [{ date: '2026-05-01', weeks: 8, days: 3 }, '2026-12-08'],
    [{ date: '2026-05-01', weeks: 40, days: 0 }, '2026-05-01'],
    [{ date: '2026-05-01', weeks: 20, days: 6 }, '2026-09-12'],
  ])('%o → %s', (u, edd) => {
    expect(eddFromUltrasound(u)).toBe(edd);
  });
});

describe('gestational age on a date', () => {
  test.each<[string, string, { weeks: number; days: number } | null]>([
    ['2026-12-06', '2026-03-01', { weeks: 0, days: 0 }],
    ['2026-12-06', '2026-03-08', { weeks: 1, days: 0 }],
    ['2026-12-06', '2026-05-31', { weeks: 13, days: 0 }],
    ['2026-12-06', '2026-05-30', { weeks: 12, days: 6 }],
    ['2026-12-06', '2026-12-06', { weeks: 40, days: 0 }],
    ['2026-12-06', '2026-12-20', { weeks: 42, days: 0 }],
    ['2026-12-06', '2026-02-28', null],
  ])('EDD %s, on %s', (edd, on, ga) => {
    expect(gestationalAgeOn(edd, on)).toEqual(ga);
  });
});

describe('dating with both an LMP and an ultrasound (ACOG: the scan when they differ more than its margin)', () => {
  // LMP 2026-03-01 → EDD 2026-12-06. A scan on 2026-04-26 (8w0d by the LMP).
  test.each<[string, { date: string; weeks: number; days: number }, 'lmp' | 'ultrasound']>([
    ['before 9 weeks, 5 days apart: the LMP', { date: '2026-04-26', weeks: 7, days: 2 }, 'lmp'],
    ['before 9 weeks, 6 days apart: the scan', { date: '2026-04-26', weeks: 7, days: 1 }, 'ultrasound'],
    ['12 weeks, 7 days apart: the LMP', { date: '2026-05-24', weeks: 13, days: 0 }, 'lmp'],
    ['12 weeks, 8 days apart: the scan', { date: '2026-05-24', weeks: 13, days: 1 }, 'ultrasound'],
    ['20 weeks, 10 days apart: the LMP', { date: '2026-07-19', weeks: 21, days: 3 }, 'lmp'],
    ['20 weeks, 11 days apart: the scan', { date: '2026-07-19', weeks: 21, days: 4 }, 'ultrasound'],
    ['30 weeks, 21 days apart: the LMP', { date: '2026-09-27', weeks: 33, days: 0 }, 'lmp'],
    ['30 weeks, 22 days apart: the scan', { date: '2026-09-27', weeks: 33, days: 1 }, 'ultrasound'],
  ])('%s', (_, u, by) => {
    const d = datingOf({ lmp: '2026-03-01', ultrasound: u });
    expect(d?.datedBy).toBe(by);
    expect(d?.edd).toBe(by === 'lmp' ? '2026-12-06' : eddFromUltrasound(u));
    expect(redatesByUltrasound('2026-03-01', u)).toBe(by === 'ultrasound');
  });

  test('one of the two alone, or neither', () => {
    expect(datingOf({ lmp: '2026-03-01' })).toEqual({ edd: '2026-12-06', datedBy: 'lmp' });
    expect(datingOf({ ultrasound: { date: '2026-05-01', weeks: 12, days: 0 } })).toEqual({
      edd: '2026-11-13',
      datedBy: 'ultrasound',
    });
    expect(datingOf({})).toBeNull();
  });
});

describe('checkDating', () => {
  const on: DatingContext = { today: '2026-12-02', open: true };
  test.each<[string, Dating, Partial<DatingContext>, string[]]>([
    ['an LMP today', { lmp: '2026-12-02' }, {}, []],
    ['an LMP 44 weeks ago to the day', { lmp: '2026-01-28' }, {}, []],
    ['an LMP a day more than 44 weeks ago', { lmp: '2026-01-27' }, {}, ['body.lmp']],
    ['an old LMP of a closed pregnancy', { lmp: '2020-01-26' }, { open: false }, []],
    ['an LMP tomorrow', { lmp: '2026-12-03' }, {}, ['body.lmp']],
    ['neither LMP nor ultrasound', {}, {}, ['body.lmp']],
    ['an ultrasound alone', { ultrasound: { date: '2026-11-01', weeks: 10, days: 0 } }, {}, []],
    [
      'a scan tomorrow',
      { ultrasound: { date: '2026-12-03', weeks: 10, days: 0 } },
      {},
      ['body.ultrasound.date'],
    ],
    [
      'a scan before the LMP',
      { lmp: '2026-10-01', ultrasound: { date: '2026-09-30', weeks: 4, days: 0 } },
      {},
      ['body.ultrasound.date'],
    ],
    [
      'a scan dating the pregnancy from more than 44 weeks ago',
      { ultrasound: { date: '2026-03-01', weeks: 6, days: 0 } },
      {},
      ['body.ultrasound'],
    ],
    ['a start after the previous outcome', { lmp: '2026-10-02' }, { previousOutcomeDate: '2026-10-01' }, []],
    [
      'a start on the previous outcome',
      { lmp: '2026-10-01' },
      { previousOutcomeDate: '2026-10-01' },
      ['body.lmp'],
    ],
    [
      'an ultrasound implying a start before the previous outcome',
      { ultrasound: { date: '2026-11-20', weeks: 10, days: 0 } },
      { previousOutcomeDate: '2026-10-01' },
      ['body.ultrasound'],
    ],
    [
      'two wrongs at once',
      { lmp: '2026-12-03', ultrasound: { date: '2026-12-04', weeks: 4, days: 0 } },
      {},
      ['body.lmp', 'body.ultrasound.date'],
    ],
  ])('%s', (_, d, ctx, fields) => {
    expect(checkDating(d, { ...on, ...ctx }).map((e) => e.field)).toEqual(fields);
  });

  test('fields are named under the prefix given', () => {
    expect(checkDating({}, on, 'body.correct')[0]?.field).toBe('body.correct.lmp');
  });
});

describe('checkOutcome', () => {
  // EDD 2026-12-06: LMP 2026-03-01; 22 weeks on 2026-08-02; 44 weeks on 2027-01-03.
  const edd = '2026-12-06';
  test.each<[string, OutcomeInput, string, string[]]>([
    ['a live birth at term', { outcome: 'live-birth', date: '2026-12-01' }, '2026-12-02', []],
    ['a birth today', { outcome: 'live-birth', date: '2026-12-02' }, '2026-12-02', []],
    ['a birth tomorrow', { outcome: 'live-birth', date: '2026-12-03' }, '2026-12-02', ['body.date']],
    ['on the LMP', { outcome: 'miscarriage', date: '2026-03-01' }, '2026-12-02', ['body.date']],
    ['before the LMP', { outcome: 'abortion', date: '2026-02-01' }, '2026-12-02', ['body.date']],
    ['a day after the LMP', { outcome: 'abortion', date: '2026-03-02' }, '2026-12-02', []],
    ['44 weeks after the LMP', { outcome: 'live-birth', date: '2027-01-03' }, '2027-02-01', []],
    ['more than 44 weeks after', { outcome: 'live-birth', date: '2027-01-04' }, '2027-02-01', ['body.date']],
    ['a miscarriage at 21+6', { outcome: 'miscarriage', date: '2026-08-01' }, '2026-12-02', []],
    ['a miscarriage at 22+0', { outcome: 'miscarriage', date: '2026-08-02' }, '2026-12-02', ['body.outcome']],
    ['a stillbirth at 22+0', { outcome: 'stillbirth', date: '2026-08-02' }, '2026-12-02', []],
    ['a stillbirth at 21+6', { outcome: 'stillbirth', date: '2026-08-01' }, '2026-12-02', ['body.outcome']],
  ])('%s', (_, o, today, fields) => {
    expect(checkOutcome(o, edd, today).map((e) => e.field)).toEqual(fields);
  });
});

describe('who may have a pregnancy recorded', () => {
  test.each<[string, { active: boolean; status: string; sex: string | null }, string | null]>([
    ['an active woman', { active: true, status: 'active', sex: 'female' }, null],
    ['a man', { active: true, status: 'active', sex: 'male' }, 'resident_not_female'],
    ['sex not recorded', { active: true, status: 'active', sex: null }, 'resident_not_female'],
    ['sex other', { active: true, status: 'active', sex: 'other' }, 'resident_not_female'],
    ['a woman who died', { active: true, status: 'deceased', sex: 'female' }, 'resident_not_active'],
    ['a woman who moved away', { active: true, status: 'moved_out', sex: 'female' }, 'resident_not_active'],
    ['a record merged away', { active: false, status: 'active', sex: 'female' }, 'resident_not_active'],
  ])('%s', (_, r, refusal) => {
    expect(refusalFor(r)).toBe(refusal);
  });
});

describe('checkAmendment', () => {
  test.each<[string, { retract?: true; correct?: Record<string, unknown> }, string[]]>([
    ['retract', { retract: true }, []],
    ['correct', { correct: { lmp: '2026-01-01' } }, []],
    ['reopen', { correct: { outcome: null } }, []],
    ['neither', {}, ['body.retract']],
    ['both', { retract: true, correct: { lmp: '2026-01-01' } }, ['body.correct']],
    ['an empty correction', { correct: {} }, ['body.correct']],
  ])('%s', (_, body, fields) => {
    expect(checkAmendment(body).map((e) => e.field)).toEqual(fields);
  });
});
