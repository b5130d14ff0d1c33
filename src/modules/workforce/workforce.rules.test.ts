import { describe, expect, test } from 'vitest';
import {
  addDays,
  ageOn,
  checkAssignmentDates,
  checkTraining,
  checkWorkerFacts,
  type ExistingAssignment,
  findOverlappingAssignment,
  isIsoDate,
  normaliseLicence,
  periodsOverlap,
  planTransfer,
} from './workforce.rules.ts';

const lists = { cadres: ['doctor', 'nurse'], qualifications: ['bachelor', 'college'] };
const TODAY = '2026-11-25';

function assignment(id: string, startDate: string, endDate: string | null): ExistingAssignment {
  return { id, startDate, endDate, facilityName: `Station ${id}`, facilityCode: `F${id}` };
}

describe('dates', () => {
  test.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['yesterday', false],
  ])('isIsoDate(%s) is %s', (value, want) => {
    expect(isIsoDate(value)).toBe(want);
  });

  test.each([
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-10', 0, '2026-01-10'],
  ])('addDays(%s, %i) is %s', (date, days, want) => {
    expect(addDays(date, days)).toBe(want);
  });

  test.each([
    ['2000-06-15', '2016-06-14', 15],
    ['2000-06-15', '2016-06-15', 16],
    ['2000-06-15', '2026-12-31', 26],
    ['2000-02-29', '2016-02-28', 15],
  ])('someone born %s is %s years old on %s', (birth, on, want) => {
    expect(ageOn(birth, on)).toBe(want);
  });
});

describe('periodsOverlap', () => {
  test.each([
    { a: ['2026-01-01', '2026-01-31'], b: ['2026-02-01', null], want: false, why: 'consecutive periods' },
    { a: ['2026-01-01', '2026-01-31'], b: ['2026-01-31', null], want: true, why: 'touching on one day' },
    {
      a: ['2026-01-01', null],
      b: ['2030-01-01', '2030-02-01'],
      want: true,
      why: 'open-ended covers the future',
    },
    {
      a: ['2026-01-01', null],
      b: ['2025-01-01', '2025-12-31'],
      want: false,
      why: 'open-ended after a closed one',
    },
    { a: ['2026-01-01', null], b: ['2020-01-01', null], want: true, why: 'two open-ended periods' },
    {
      a: ['2026-01-10', '2026-01-20'],
      b: ['2026-01-01', '2026-01-31'],
      want: true,
      why: 'one inside the other',
    },
  ])('$why: $want', ({ a, b, want }) => {
    const pa = { startDate: a[0]!, endDate: a[1] ?? null };
    const pb = { startDate: b[0]!, endDate: b[1] ?? null };
    expect(periodsOverlap(pa, pb)).toBe(want);
    expect(periodsOverlap(pb, pa)).toBe(want);
  });
});

describe('findOverlappingAssignment', () => {
  const existing = [assignment('1', '2020-01-01', '2022-12-31'), assignment('2', '2023-01-01', null)];
  test.each([
    { start: '2019-01-01', end: '2019-12-31', want: undefined },
    { start: '2019-01-01', end: '2020-01-01', want: '1' },
    { start: '2022-06-01', end: null, want: '1' },
    { start: '2024-01-01', end: '2024-02-01', want: '2' },
  ])('a period from $start to $end overlaps $want', ({ start, end, want }) => {
    expect(findOverlappingAssignment({ startDate: start, endDate: end }, existing)?.id).toBe(want);
  });
});

describe('planTransfer', () => {
  test('ends the open assignment the day before the new start', () => {
    const open = assignment('1', '2024-01-01', null);
    const plan = planTransfer({ startDate: '2026-03-01', endDate: null }, [open]);
    expect(plan).toEqual({ ok: true, close: { assignment: open, endDate: '2026-02-28' } });
  });

  test('adds without closing when nothing is open', () => {
    const plan = planTransfer({ startDate: '2026-03-01', endDate: null }, [
      assignment('1', '2024-01-01', '2025-01-01'),
    ]);
    expect(plan).toEqual({ ok: true, close: null });
  });

  test.each([
    { why: 'the new start is the open one start', existing: [assignment('1', '2026-03-01', null)] },
    { why: 'the new start is before the open one start', existing: [assignment('1', '2026-04-01', null)] },
    {
      why: 'a closed assignment covers the new start',
      existing: [assignment('1', '2026-01-01', '2026-06-30'), assignment('2', '2026-07-01', null)],
    },
  ])('refuses when $why, naming the facility and dates', ({ existing }) => {
    const plan = planTransfer({ startDate: '2026-03-01', endDate: null }, existing);
    expect(plan.ok).toBe(false);
    if (!plan.ok)
      expect(plan.reason).toMatch(/overlaps the worker's assignment at Station \d \(F\d\) from \d{4}-/);
  });

  test('a past assignment ending before the open one starts is added as history', () => {
    const plan = planTransfer({ startDate: '2020-01-01', endDate: '2020-12-31' }, [
      assignment('1', '2024-01-01', null),
    ]);
    expect(plan).toEqual({ ok: true, close: null });
  });

  test('names "until further notice" for an open-ended clash', () => {
    const plan = planTransfer({ startDate: '2026-03-01', endDate: null }, [
      assignment('1', '2026-05-01', null),
    ]);
    expect(!plan.ok && plan.reason).toContain('until further notice');
  });
});

describe('checkWorkerFacts', () => {
  test.each([
    { w: { cadre: 'doctor', qualification: 'bachelor', birthDate: '1980-01-01' }, fields: [] },
    { w: { cadre: 'surgeon', qualification: 'bachelor' }, fields: ['body.cadre'] },
    { w: { cadre: 'doctor', qualification: 'phd' }, fields: ['body.qualification'] },
    {
      w: { cadre: 'x', qualification: 'y', birthDate: '2030-01-01' },
      fields: ['body.cadre', 'body.qualification', 'body.birthDate'],
    },
    { w: { birthDate: '1990-02-30' }, fields: ['body.birthDate'] },
    { w: { birthDate: TODAY }, fields: [] },
    { w: { birthDate: null }, fields: [] },
  ])('$w gives errors on $fields', ({ w, fields }) => {
    expect(checkWorkerFacts(w, lists, TODAY).map((e) => e.field)).toEqual(fields);
  });
});

describe('checkAssignmentDates', () => {
  test.each([
    { start: '2026-01-01', end: null, birth: '1990-01-01', fields: [] },
    { start: '2026-01-01', end: '2025-12-31', birth: null, fields: ['body.endDate'] },
    { start: '2026-01-01', end: '2026-01-01', birth: null, fields: [] },
    { start: '2026-02-30', end: null, birth: null, fields: ['body.startDate'] },
    { start: '2026-01-01', end: null, birth: '2010-06-01', fields: ['body.startDate'] },
    { start: '2026-06-01', end: null, birth: '2010-06-01', fields: [] },
    { start: '2026-01-01', end: null, birth: '1930-01-01', fields: ['body.startDate'] },
    { start: '2026-01-01', end: null, birth: '1936-01-01', fields: [] },
  ])('from $start to $end, born $birth: errors on $fields', ({ start, end, birth, fields }) => {
    expect(checkAssignmentDates({ startDate: start, endDate: end }, birth).map((e) => e.field)).toEqual(
      fields,
    );
  });
});

describe('checkTraining', () => {
  test.each([
    { t: { hours: 8, completedOn: '2026-01-01' }, fields: [] },
    { t: { credits: 2, completedOn: '2026-01-01' }, fields: [] },
    { t: { hours: 0, completedOn: TODAY }, fields: [] },
    { t: { completedOn: '2026-01-01' }, fields: ['body.hours'] },
    { t: { hours: null, credits: null, completedOn: '2026-01-01' }, fields: ['body.hours'] },
    { t: { hours: -1, completedOn: '2026-01-01' }, fields: ['body.hours'] },
    { t: { hours: 1, credits: -2, completedOn: '2026-01-01' }, fields: ['body.credits'] },
    { t: { hours: 1, completedOn: '2026-11-26' }, fields: ['body.completedOn'] },
    { t: { hours: 1, completedOn: 'soon' }, fields: ['body.completedOn'] },
  ])('$t gives errors on $fields', ({ t, fields }) => {
    expect(checkTraining(t, TODAY).map((e) => e.field)).toEqual(fields);
  });
});

describe('normaliseLicence', () => {
  test.each([
    ['  001234/BYT-CCHN ', '001234/BYT-CCHN'],
    ['   ', null],
    [null, null],
    [undefined, null],
  ])('%s becomes %s', (value, want) => {
    expect(normaliseLicence(value)).toBe(want);
  });
});
