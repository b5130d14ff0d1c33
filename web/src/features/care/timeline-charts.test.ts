import { describe, expect, test } from 'vitest';
import type { Timeline } from './api.ts';
import { lastValues, timelineCharts } from './timeline-charts.ts';

const t = { t: (key: string) => key } as Parameters<typeof timelineCharts>[1];

const timeline = (series: Timeline['series']): Timeline => ({
  residentId: 'r',
  visits: [],
  visitCount: 0,
  series,
  units: { bloodPressure: 'mm[Hg]', glucose: 'mmol/L', hba1c: '%', weight: 'kg' },
  lastObservations: [],
  problems: [],
  currentMedicines: [],
  lastPrescriptions: { encounterId: null, date: null, items: [] },
  flags: [],
});

describe('the timeline charts', () => {
  test('blood pressure is two lines with the 140/90 target; an alarming reading stays marked', () => {
    const { bp } = timelineCharts(
      timeline({
        bloodPressure: [
          { encounterId: 'a', date: '2026-01-05', systolic: 150, diastolic: 95, flag: null },
          { encounterId: 'b', date: '2026-02-05', systolic: 185, diastolic: 112, flag: 'alarming-high' },
          { encounterId: 'c', date: '2026-03-05', systolic: null, diastolic: 80, flag: null },
        ],
        glucose: [],
        weight: [],
      }),
      t,
    );
    expect(bp.map((l) => [l.id, l.threshold, l.points.length])).toEqual([
      ['systolic', 140, 2],
      ['diastolic', 90, 3],
    ]);
    expect(bp[0]!.points[1]).toEqual({ at: '2026-02-05', value: 185, alarming: true });
  });

  test('glucose is one line per kind, HbA1c (in %) on its own; kinds without values are left out', () => {
    const { glucose, hba1c } = timelineCharts(
      timeline({
        bloodPressure: [],
        glucose: [
          { encounterId: 'a', date: '2026-01-05', code: '1558-6', value: 7.2, flag: null },
          { encounterId: 'b', date: '2026-02-05', code: '1558-6', value: 17.5, flag: 'alarming-high' },
          { encounterId: 'b', date: '2026-02-05', code: '4548-4', value: 8.1, flag: null },
        ],
        weight: [],
      }),
      t,
    );
    expect(glucose.map((l) => [l.id, l.points.length])).toEqual([['1558-6', 2]]);
    expect(hba1c.map((l) => [l.id, l.points.length])).toEqual([['4548-4', 1]]);
  });
});

describe('last time', () => {
  const tl = timeline({
    bloodPressure: [
      { encounterId: 'old', date: '2026-01-05', systolic: 150, diastolic: 95, flag: null },
      { encounterId: 'prev', date: '2026-02-05', systolic: 185, diastolic: 112, flag: 'alarming-high' },
      { encounterId: 'now', date: '2026-03-05', systolic: 138, diastolic: 85, flag: null },
    ],
    glucose: [{ encounterId: 'old', date: '2026-01-05', code: '1558-6', value: 7.2, flag: null }],
    weight: [],
  });

  test('the values before the visit in hand, not its own new ones', () => {
    expect(lastValues(tl, 'now').map((v) => [v.key, v.value, v.flag])).toEqual([
      ['systolic', 185, 'alarming-high'],
      ['diastolic', 112, 'alarming-high'],
      ['glucose-fasting', 7.2, null],
    ]);
  });

  test('on the timeline (no visit in hand): the latest of each', () => {
    expect(lastValues(tl).map((v) => [v.key, v.value])).toEqual([
      ['systolic', 138],
      ['diastolic', 85],
      ['glucose-fasting', 7.2],
    ]);
  });
});
