import { describe, expect, it, test } from 'vitest';
import {
  comeOnProblem,
  defaultComeOn,
  doseBody,
  doseProblems,
  emptyDose,
  outcomeBody,
  outcomeNeedsConfirming,
} from './forms.ts';
import { ageLabel, telHref } from './labels.ts';

const TODAY = '2026-12-04';
const ID = '01900000-0000-7000-8000-000000000001';

describe('the dose form', () => {
  test.each([
    { change: {}, want: {} },
    { change: { vaccine: '' }, want: { vaccine: 'validation.required' } },
    { change: { date: '' }, want: { date: 'validation.required' } },
    { change: { date: '2026-02-30' }, want: { date: 'programmes.validation.date' } },
    { change: { date: '2026-12-05' }, want: { date: 'programmes.validation.notFuture' } },
    { change: { lot: 'x'.repeat(41) }, want: { lot: 'validation.tooLong' } },
  ])('$change is refused with $want', ({ change, want }) => {
    const problems = doseProblems({ ...emptyDose(TODAY, 'BCG'), ...change }, TODAY);
    expect(Object.fromEntries(Object.entries(problems).map(([k, p]) => [k, p?.key]))).toEqual(want);
  });

  it('sends only what was filled in, and the place only for a dose given elsewhere', () => {
    expect(doseBody(ID, emptyDose(TODAY, 'BCG'))).toEqual({
      id: ID,
      vaccine: 'BCG',
      date: TODAY,
      givenElsewhere: false,
    });
    expect(
      doseBody(ID, { ...emptyDose(TODAY, 'HepB'), doseNumber: 0, lot: ' L1 ', place: 'Nha Trang' }),
    ).toEqual({ id: ID, vaccine: 'HepB', date: TODAY, givenElsewhere: false, doseNumber: 0, lot: 'L1' });
    expect(
      doseBody(ID, { ...emptyDose(TODAY, 'HepB'), givenElsewhere: true, place: ' BV Khánh Hòa ' }),
    ).toMatchObject({ givenElsewhere: true, place: 'BV Khánh Hòa' });
  });
});

describe('the outcome form', () => {
  const row = {
    residentId: '01900000-0000-7000-8000-000000000002',
    programmeId: 'vn-epi',
    itemId: 'penta-2',
    episodeId: null,
    dueFrom: '2026-11-01',
  };

  it('proposes a week from today for will-come, as the server assumes', () => {
    expect(defaultComeOn(TODAY)).toBe('2026-12-11');
  });

  test.each([
    { comeOn: '2026-12-11', want: null },
    { comeOn: TODAY, want: null },
    { comeOn: '', want: 'validation.required' },
    { comeOn: '2026-12-03', want: 'programmes.validation.notPast' },
    { comeOn: '2027-12-06', want: 'programmes.validation.withinYear' },
  ])('will come on $comeOn: $want', ({ comeOn, want }) => {
    expect(comeOnProblem(comeOn, TODAY)?.key ?? null).toBe(want);
  });

  test.each([
    { outcome: 'not-reachable', want: false },
    { outcome: 'wrong-number', want: false },
    { outcome: 'will-come', want: true },
    { outcome: 'refused', want: true },
    { outcome: 'moved-away', want: true },
    { outcome: 'died', want: true },
  ] as const)('$outcome is asked about before saving: $want', ({ outcome, want }) => {
    expect(outcomeNeedsConfirming(outcome)).toBe(want);
  });

  it('names the due window, and the day only for will-come', () => {
    expect(outcomeBody(ID, row, 'will-come', { comeOn: '2026-12-11', note: ' ' })).toEqual({
      id: ID,
      ...row,
      episodeId: undefined,
      outcome: 'will-come',
      comeOn: '2026-12-11',
    });
    const refused = outcomeBody(ID, { ...row, episodeId: ID }, 'refused', { comeOn: '2026-12-11' });
    expect(refused).toMatchObject({ outcome: 'refused', episodeId: ID });
    expect(refused).not.toHaveProperty('comeOn');
  });
});

describe('row labels', () => {
  const t = (key: string, params?: Record<string, string | number>) => `${key}:${params?.count}`;
  test.each([
    { age: 0, ageMonths: 5, want: 'programmes.worklist.ageMonths:5' },
    { age: 1, ageMonths: 23, want: 'programmes.worklist.ageMonths:23' },
    { age: 2, ageMonths: 24, want: 'programmes.worklist.age:2' },
    { age: 67, ageMonths: null, want: 'programmes.worklist.age:67' },
    { age: null, ageMonths: null, want: '' },
  ])('age $age, $ageMonths months: $want', ({ want, ...row }) => {
    expect(ageLabel(row, { t })).toBe(want);
  });

  test.each([
    { phone: '0901 234 567', want: 'tel:0901234567' },
    { phone: '+84 (90) 123-4567', want: 'tel:+84901234567' },
  ])('$phone dials $want', ({ phone, want }) => {
    expect(telHref(phone)).toBe(want);
  });
});
