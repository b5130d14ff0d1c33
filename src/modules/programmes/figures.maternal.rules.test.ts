import { expect, test } from 'vitest';
import { type Birth, maternalCounts, maternalFigures } from './figures.maternal.rules.ts';
import { type Period, parsePeriod, windowsOf } from './figures.rules.ts';

const TODAY = '2026-12-02';
const q3 = parsePeriod('2026Q3', TODAY) as Period;
const w3 = windowsOf(q3, TODAY);

const birth = (over: Partial<Birth>): Birth => ({
  pregnancyId: 'p',
  edd: '2026-09-07',
  outcome: 'live-birth',
  outcomeDate: '2026-09-05',
  antenatalDays: [],
  postnatalDays: [],
  ...over,
});

test.each([
  // EDD 2026-09-07: the pregnancy starts 2025-12-01; day 97 is 2026-03-08, day 98 2026-03-09.
  {
    name: 'a first contact on day 97 is in the first trimester',
    b: birth({ antenatalDays: ['2026-03-08'] }),
    ft: 1,
    four: 0,
  },
  { name: 'on day 98 it is not', b: birth({ antenatalDays: ['2026-03-09'] }), ft: 0, four: 0 },
  {
    name: 'a contact before the start is of no pregnancy',
    b: birth({ antenatalDays: ['2025-11-30'] }),
    ft: 0,
    four: 0,
  },
  {
    name: 'four days of contacts, one repeated, make four',
    b: birth({ antenatalDays: ['2026-02-01', '2026-04-01', '2026-04-01', '2026-06-01', '2026-08-01'] }),
    ft: 1,
    four: 1,
  },
  {
    name: 'three days are not four',
    b: birth({ antenatalDays: ['2026-04-01', '2026-06-01', '2026-08-01'] }),
    ft: 0,
    four: 0,
  },
])('$name', ({ b, ft, four }) => {
  const c = maternalCounts([b], q3, w3);
  expect([c.firstTrimester, c.fourContacts]).toEqual([ft, four]);
});

test.each([
  { day: '2026-09-05', want: 1 },
  { day: '2026-09-12', want: 1 },
  { day: '2026-09-13', want: 0 },
  { day: '2026-09-04', want: 0 },
])('a postnatal contact on $day after a birth on 2026-09-05 counts $want', ({ day, want }) => {
  expect(maternalCounts([birth({ postnatalDays: [day] })], q3, w3).postnatalWeek).toBe(want);
});

test('a stillbirth counts for postnatal care only; a birth outside the period not at all', () => {
  const c = maternalCounts(
    [
      birth({ outcome: 'stillbirth', antenatalDays: ['2026-02-01'], postnatalDays: ['2026-09-06'] }),
      birth({ outcomeDate: '2026-06-30', antenatalDays: ['2026-02-01'] }),
      birth({ antenatalDays: ['2026-02-01'] }),
    ],
    q3,
    w3,
  );
  expect(c).toEqual({ liveBirths: 1, firstTrimester: 1, fourContacts: 0, births: 2, postnatalWeek: 1 });
  expect(maternalFigures(c).map((f) => [f.id, f.count, f.denominator, f.rate])).toEqual([
    ['antenatal-first-trimester', 1, 1, 100],
    ['antenatal-four-contacts', 0, 1, 0],
    ['postnatal-within-week', 1, 2, 50],
  ]);
});
