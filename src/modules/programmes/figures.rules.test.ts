import { describe, expect, test } from 'vitest';
import { FIGURE_DEFINITIONS, FIGURE_IDS } from './figures.definitions.ts';
import {
  type ChronicPatient,
  careStateOf,
  chronicCounts,
  chronicFigures,
  isControlled,
  livingInAreaOn,
  monthStart,
  type Period,
  parsePeriod,
  percent,
  type Reading,
  windowsOf,
} from './figures.rules.ts';

const TODAY = '2026-12-02';

describe('parsePeriod', () => {
  test.each([
    { text: '2026Q4', want: { id: '2026Q4', kind: 'quarter', from: '2026-10-01', to: '2026-12-31' } },
    { text: '2026Q1', want: { id: '2026Q1', kind: 'quarter', from: '2026-01-01', to: '2026-03-31' } },
    { text: '2024Q1', want: { id: '2024Q1', kind: 'quarter', from: '2024-01-01', to: '2024-03-31' } },
    { text: '2026-11', want: { id: '2026-11', kind: 'month', from: '2026-11-01', to: '2026-11-30' } },
    { text: '2024-02', want: { id: '2024-02', kind: 'month', from: '2024-02-01', to: '2024-02-29' } },
    { text: '2026-12', want: { id: '2026-12', kind: 'month', from: '2026-12-01', to: '2026-12-31' } },
    { text: '2025', want: { id: '2025', kind: 'year', from: '2025-01-01', to: '2025-12-31' } },
    { text: ' 2026 ', want: { id: '2026', kind: 'year', from: '2026-01-01', to: '2026-12-31' } },
  ])('$text is $want.kind $want.from..$want.to', ({ text, want }) => {
    expect(parsePeriod(text, TODAY)).toEqual(want);
  });

  test.each([
    { text: '2026Q5', why: 'not a period' },
    { text: '2026-13', why: 'not a period' },
    { text: '2026-1', why: 'not a period' },
    { text: '26Q4', why: 'not a period' },
    { text: '2026W10', why: 'not a period' },
    { text: '', why: 'not a period' },
    { text: '2027Q1', why: 'starts after today' },
    { text: '2027', why: 'starts after today' },
  ])('$text is refused: $why', ({ text, why }) => {
    const r = parsePeriod(text, TODAY);
    expect('error' in r && r.error).toContain(why);
  });

  test("today's month is a period (counted up to today)", () => {
    expect(parsePeriod('2026-12', '2026-12-01')).toMatchObject({ from: '2026-12-01' });
  });
});

describe('windowsOf', () => {
  const p = (text: string) => parsePeriod(text, TODAY) as Period;
  test.each([
    { period: '2026Q3', asOf: '2026-09-30', last3: '2026-07-01', last12: '2025-10-01' },
    { period: '2026Q4', asOf: TODAY, last3: '2026-10-01', last12: '2026-01-01' },
    { period: '2026-11', asOf: '2026-11-30', last3: '2026-09-01', last12: '2025-12-01' },
    { period: '2026-02', asOf: '2026-02-28', last3: '2025-12-01', last12: '2025-03-01' },
    { period: '2025', asOf: '2025-12-31', last3: '2025-10-01', last12: '2025-01-01' },
    { period: '2026', asOf: TODAY, last3: '2026-10-01', last12: '2026-01-01' },
  ])(
    '$period: as of $asOf, three months from $last3, twelve from $last12',
    ({ period, asOf, last3, last12 }) => {
      expect(windowsOf(p(period), TODAY)).toEqual({
        asOf,
        last3Months: { from: last3, to: asOf },
        last12Months: { from: last12, to: asOf },
      });
    },
  );

  test.each([
    { date: '2026-11-30', months: -2, want: '2026-09-01' },
    { date: '2026-01-15', months: -1, want: '2025-12-01' },
    { date: '2026-12-31', months: 1, want: '2027-01-01' },
    { date: '2026-03-31', months: -11, want: '2025-04-01' },
    { date: '2026-03-31', months: 0, want: '2026-03-01' },
  ])('monthStart($date, $months) = $want', ({ date, months, want }) => {
    expect(monthStart(date, months)).toBe(want);
  });
});

describe('control', () => {
  const bp = (systolic: number, diastolic: number): Reading => ({
    kind: 'bp',
    systolic,
    diastolic,
    on: TODAY,
  });
  const glucose = (code: string, value: number): Reading => ({ kind: 'glucose', code, value, on: TODAY });
  test.each([
    { reading: bp(139, 89), want: true },
    { reading: bp(140, 80), want: false },
    { reading: bp(120, 90), want: false },
    { reading: bp(180, 110), want: false },
    { reading: glucose('1558-6', 6.9), want: true },
    { reading: glucose('1558-6', 7.0), want: false },
    { reading: glucose('2339-0', 11.0), want: true },
    { reading: glucose('2339-0', 11.1), want: false },
    { reading: glucose('4548-4', 6.9), want: true },
    { reading: glucose('4548-4', 7.0), want: false },
  ])(
    '$reading.kind $reading.code $reading.systolic/$reading.diastolic $reading.value controlled: $want',
    ({ reading, want }) => {
      expect(isControlled(reading)).toBe(want);
    },
  );

  test('a code that is not a glucose reading is a bug', () => {
    expect(() => isControlled(glucose('29463-7', 5))).toThrow(/not a glucose/);
  });

  test.each([
    { latest: bp(130, 80), visited: true, want: 'controlled' },
    { latest: bp(150, 80), visited: true, want: 'uncontrolled' },
    { latest: null, visited: true, want: 'visit-no-reading' },
    { latest: null, visited: false, want: 'missed-visit' },
  ] as const)('latest $latest.systolic, visited $visited: $want', ({ latest, visited, want }) => {
    expect(careStateOf(latest, visited)).toBe(want);
  });
});

describe('livingInAreaOn', () => {
  test.each([
    { status: 'active', statusDate: null, want: true },
    { status: 'deceased', statusDate: '2026-10-05', want: false },
    { status: 'deceased', statusDate: '2026-09-30', want: false },
    { status: 'deceased', statusDate: '2026-10-06', want: true },
    { status: 'moved_away', statusDate: null, want: false },
  ])('$status since $statusDate on 2026-10-05: $want', ({ status, statusDate, want }) => {
    expect(livingInAreaOn(status, statusDate, '2026-10-05')).toBe(want);
  });
});

describe('chronicCounts', () => {
  // Quarter 2026Q3 seen on 2026-12-02: as of 2026-09-30, three months from 2026-07-01, twelve from 2025-10-01.
  const period = parsePeriod('2026Q3', TODAY) as Period;
  const w = windowsOf(period, TODAY);
  const patient = (over: Partial<ChronicPatient>): ChronicPatient => ({
    residentId: 'r',
    onset: '2025-01-10',
    status: 'active',
    statusDate: null,
    lastVisitOn: '2026-08-10',
    latest: null,
    ...over,
  });
  const bp = (systolic: number, on = '2026-08-10'): Reading => ({ kind: 'bp', systolic, diastolic: 80, on });
  const rows = [
    patient({ latest: bp(130) }), // controlled
    patient({ latest: bp(150) }), // uncontrolled
    patient({ latest: bp(130, '2026-06-30') }), // its reading is before the quarter: visited, no reading
    patient({ lastVisitOn: '2026-05-01' }), // missed visit
    patient({ lastVisitOn: '2025-09-30' }), // lost to follow-up (no visit since 2025-10-01)
    patient({ lastVisitOn: null, onset: '2025-11-01' }), // registered after 2025-10-01, never seen: neither
    patient({ status: 'deceased', statusDate: '2026-09-01', latest: bp(130) }), // registered, not under care
    patient({ status: 'deceased', statusDate: '2026-10-01', latest: bp(130) }), // died after: controlled
    patient({ onset: '2026-07-01', latest: bp(130) }), // new in the quarter: not registered before it
    patient({ onset: '2026-10-01' }), // onset after asOf: nothing
  ];

  test('every patient lands where the definitions say', () => {
    expect(chronicCounts(rows, period, w)).toEqual({
      registered: 8,
      newlyRegistered: 1,
      underCare: 5,
      states: { controlled: 2, uncontrolled: 1, 'visit-no-reading': 1, 'missed-visit': 1 },
      lostToFollowUp: 1,
      // Registered before 2025-10-01 and living: all but the three registered later and the one who died in September.
      lostToFollowUpOf: 6,
    });
  });

  test('the figures carry their rates and definitions', () => {
    const figures = chronicFigures('hypertension', chronicCounts(rows, period, w));
    expect(figures.map((f) => [f.id, f.count, f.denominator, f.rate])).toEqual([
      ['hypertension-registered', 8, null, null],
      ['hypertension-new', 1, null, null],
      ['hypertension-under-care', 5, 8, 62.5],
      ['hypertension-controlled', 2, 5, 40],
      ['hypertension-uncontrolled', 1, 5, 20],
      ['hypertension-visit-no-reading', 1, 5, 20],
      ['hypertension-missed-visit', 1, 5, 20],
      ['hypertension-lost-to-follow-up', 1, 6, 16.7],
    ]);
    expect(figures[3]?.definition.en).toContain('below 140/90');
  });
});

describe('definitions', () => {
  test('every figure has its kind and words in the three languages', () => {
    expect(Object.keys(FIGURE_DEFINITIONS).sort()).toEqual([...FIGURE_IDS].sort());
    for (const d of Object.values(FIGURE_DEFINITIONS)) {
      for (const text of [d.en, d.vi, d.zh]) expect(text.length).toBeGreaterThan(10);
      expect(new Set([d.en, d.vi, d.zh]).size).toBe(3);
    }
  });

  test.each([
    { n: 1, d: 3, want: 33.3 },
    { n: 2, d: 3, want: 66.7 },
    { n: 0, d: 0, want: null },
    { n: 4, d: null, want: null },
  ])('percent($n, $d) = $want', ({ n, d, want }) => {
    expect(percent(n, d)).toBe(want);
  });
});
