import { describe, expect, test } from 'vitest';
import { vaccines } from '../immunizations/index.ts';
import {
  antigenDosesBefore,
  birthWindowOf,
  type Child,
  coverageCounts,
  coverageFigures,
  type Elder,
  elderlyBornBy,
  elderlyFigure,
} from './figures.coverage.rules.ts';
import { type Period, parsePeriod, windowsOf } from './figures.rules.ts';

const TODAY = '2026-12-02';
const antigensOf = (v: string) => vaccines().get(v)?.antigens ?? [];
const q3 = parsePeriod('2026Q3', TODAY) as Period;
const w3 = windowsOf(q3, TODAY);

describe('antigenDosesBefore', () => {
  test.each([
    {
      name: 'a hexavalent counts for DTP, polio, HepB and Hib',
      doses: [{ vaccine: 'DTaP-IPV-Hib-HepB', date: '2026-03-01' }],
      want: { pertussis: 1, polio: 1, 'hepatitis-b': 1, hib: 1, diphtheria: 1, tetanus: 1 },
    },
    {
      name: 'pentavalent and hexavalent the same day are one DTP dose',
      doses: [
        { vaccine: 'DTP-HepB-Hib', date: '2026-03-01' },
        { vaccine: 'DTaP-IPV-Hib-HepB', date: '2026-03-01' },
      ],
      want: { pertussis: 1, polio: 1, 'hepatitis-b': 1, hib: 1, diphtheria: 1, tetanus: 1 },
    },
    {
      name: 'DT is no pertussis dose; a dose on the birthday is too late',
      doses: [
        { vaccine: 'DT', date: '2026-03-01' },
        { vaccine: 'MR', date: '2026-06-01' },
      ],
      want: { diphtheria: 1, tetanus: 1 },
    },
    {
      name: 'bOPV and IPV add up as polio doses',
      doses: [
        { vaccine: 'bOPV', date: '2026-01-01' },
        { vaccine: 'IPV', date: '2026-02-01' },
        { vaccine: 'bOPV', date: '2026-03-01' },
      ],
      want: { polio: 3 },
    },
  ])('$name', ({ doses, want }) => {
    expect(Object.fromEntries(antigenDosesBefore(doses, antigensOf, '2026-06-01'))).toEqual(want);
  });
});

describe('birthWindowOf', () => {
  test.each([
    { period: '2026Q3', from: '2025-06-30', to: '2025-10-01' },
    { period: '2026Q4', from: '2025-09-30', to: '2025-12-03' },
    { period: '2025-02', from: '2024-01-31', to: '2024-02-29' },
  ])('children turning 1 in $period are read from those born $from..$to', ({ period, from, to }) => {
    const p = parsePeriod(period, TODAY) as Period;
    expect(birthWindowOf(p, windowsOf(p, TODAY))).toEqual({ from, to });
  });
});

describe('coverageCounts', () => {
  const child = (birthDate: string, doses: [string, string][], over: Partial<Child> = {}): Child => ({
    residentId: birthDate,
    birthDate,
    status: 'active',
    statusDate: null,
    doses: doses.map(([vaccine, date]) => ({ vaccine, date })),
    ...over,
  });
  const full = [
    { antigen: 'tuberculosis', doses: 1 },
    { antigen: 'pertussis', doses: 3 },
    { antigen: 'measles', doses: 1 },
  ];
  const penta = (d1: string, d2: string, d3: string): [string, string][] => [
    ['DTP-HepB-Hib', d1],
    ['DTP-HepB-Hib', d2],
    ['DTP-HepB-Hib', d3],
  ];
  const children = [
    // Turns 1 on 2026-07-10: BCG, three pentavalent, measles at 9 months: fully immunized.
    child('2025-07-10', [
      ['BCG', '2025-07-11'],
      ...penta('2025-09-10', '2025-10-10', '2025-11-10'),
      ['MCV', '2026-04-10'],
    ]),
    // Turns 1 on 2026-08-01: BCG, DTP1 and DTP2 only (a dropout), measles on the birthday (too late).
    child('2025-08-01', [
      ['BCG', '2025-08-02'],
      ['DTP-HepB-Hib', '2025-10-01'],
      ['DTP-HepB-Hib', '2025-11-01'],
      ['MCV', '2026-08-01'],
    ]),
    // Turns 1 on 2026-09-30: hexavalent twice and a pentavalent: DTP3; no BCG.
    child('2025-09-30', [
      ['DTaP-IPV-Hib-HepB', '2025-12-01'],
      ['DTaP-IPV-Hib-HepB', '2026-01-01'],
      ['DTP-HepB-Hib', '2026-02-01'],
      ['MR', '2026-07-01'],
    ]),
    // Turns 1 on 2026-06-30 and 2026-10-01: outside the quarter.
    child('2025-06-30', [['BCG', '2025-07-01']]),
    child('2025-10-01', [['BCG', '2025-10-02']]),
    // Died at 8 months: not a surviving infant.
    child('2025-08-15', [['BCG', '2025-08-16']], { status: 'deceased', statusDate: '2026-04-15' }),
    // Moved away after the first birthday: still counted.
    child('2025-07-20', [], { status: 'moved_away', statusDate: '2026-08-01' }),
  ];

  test('the cohort and each dose, counted by hand', () => {
    expect(coverageCounts(children, q3, w3, antigensOf, full)).toEqual({
      cohort: 4,
      bcg: 2,
      dtp1: 3,
      dtp3: 2,
      mcv1: 2,
      fullyImmunized: 1,
    });
  });

  test('the figures: rates over the cohort, the dropout over DTP1, the list in the definition', () => {
    const figures = coverageFigures(coverageCounts(children, q3, w3, antigensOf, full), full);
    expect(figures.map((f) => [f.id, f.count, f.denominator, f.rate])).toEqual([
      ['immunization-bcg', 2, 4, 50],
      ['immunization-dtp1', 3, 4, 75],
      ['immunization-dtp3', 2, 4, 50],
      ['immunization-mcv1', 2, 4, 50],
      ['immunization-fully-immunized', 1, 4, 25],
      ['immunization-dtp-dropout', 1, 3, 33.3],
    ]);
    expect(figures[4]?.definition.en).toContain('Here: tuberculosis ×1, pertussis ×3, measles ×1.');
  });

  test('a profile with no list counts nobody fully immunized', () => {
    expect(coverageCounts(children, q3, w3, antigensOf, []).fullyImmunized).toBe(0);
  });

  test('a period not over counts the birthdays up to today only', () => {
    const q4 = parsePeriod('2026Q4', TODAY) as Period;
    const w4 = windowsOf(q4, TODAY);
    const late = [child('2025-10-01', []), child('2025-12-02', []), child('2025-12-03', [])];
    expect(coverageCounts(late, q4, w4, antigensOf, full).cohort).toBe(2);
  });
});

describe('elderly', () => {
  test('65 on asOf: born by the same day 65 years before', () => {
    expect(elderlyBornBy(w3)).toBe('1961-09-30');
  });

  test('those living in the area on asOf, checked in the last twelve months', () => {
    const elder = (checked: boolean, over: Partial<Elder> = {}): Elder => ({
      residentId: 'e',
      status: 'active',
      statusDate: null,
      checked,
      ...over,
    });
    const f = elderlyFigure(
      [
        elder(true),
        elder(false),
        elder(true, { status: 'deceased', statusDate: '2026-09-01' }),
        elder(false, { status: 'deceased', statusDate: '2026-11-01' }),
      ],
      w3,
    );
    expect([f.id, f.count, f.denominator, f.rate]).toEqual(['elderly-check', 1, 3, 33.3]);
  });
});
