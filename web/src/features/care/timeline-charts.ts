import type { MessageKey } from '../../i18n/catalog.ts';
import type { ObservationFlag, Timeline } from './api.ts';
import type { ChartLine } from './chart-series.ts';
import { observationLabel } from './labels.ts';

/** The glucose kinds the timeline draws, each its own line (HbA1c is in %, so it has its own chart). */
const GLUCOSE = ['1558-6', '2339-0'];
const HBA1C = '4548-4';

/** Thresholds drawn as dashed lines: the hypertension target 140/90 (WHO HEARTS), glucose 7.0 fasting. */
const BP_TARGET = { systolic: 140, diastolic: 90 };

/**
 * The timeline's series as chart lines: blood pressure's systolic and diastolic, glucose by kind,
 * weight. An alarming reading stays marked as the server flagged it at the time.
 */
export function timelineCharts(
  timeline: Timeline,
  i18n: { t: (key: MessageKey, params?: Record<string, string | number>) => string },
) {
  const { series } = timeline;
  const bp: ChartLine[] = [
    {
      id: 'systolic',
      label: observationLabel('systolic', i18n),
      threshold: BP_TARGET.systolic,
      points: series.bloodPressure.flatMap((p) =>
        p.systolic === null ? [] : [{ at: p.date, value: p.systolic, alarming: p.flag !== null }],
      ),
    },
    {
      id: 'diastolic',
      label: observationLabel('diastolic', i18n),
      threshold: BP_TARGET.diastolic,
      points: series.bloodPressure.flatMap((p) =>
        p.diastolic === null ? [] : [{ at: p.date, value: p.diastolic, alarming: p.flag !== null }],
      ),
    },
  ];
  const keyOf: Record<string, string> = { '1558-6': 'glucose-fasting', '2339-0': 'glucose-random' };
  const glucose: ChartLine[] = GLUCOSE.map((code) => ({
    id: code,
    label: observationLabel(keyOf[code] ?? code, i18n),
    points: series.glucose
      .filter((p) => p.code === code)
      .map((p) => ({ at: p.date, value: p.value, alarming: p.flag !== null })),
  })).filter((l) => l.points.length > 0);
  const hba1c: ChartLine[] = [
    {
      id: HBA1C,
      label: observationLabel('hba1c', i18n),
      points: series.glucose
        .filter((p) => p.code === HBA1C)
        .map((p) => ({ at: p.date, value: p.value, alarming: p.flag !== null })),
    },
  ].filter((l) => l.points.length > 0);
  const weight: ChartLine[] = [
    {
      id: 'weight',
      label: observationLabel('weight', i18n),
      points: series.weight.map((p) => ({ at: p.date, value: p.value, alarming: p.flag !== null })),
    },
  ];
  return { bp, glucose, hba1c, weight };
}

/** A value of an earlier visit, for the "last time" panel. */
export interface LastValue {
  key: string;
  value: number;
  unit: string;
  date: string;
  flag: ObservationFlag | null;
}

/**
 * The last values recorded before the visit in hand (from the series, which name their visit): blood
 * pressure, glucose by kind, weight; the visit being recorded is left out, so its own new values do
 * not pose as last time's.
 */
export function lastValues(timeline: Timeline, encounterId?: string): LastValue[] {
  const before = <P extends { encounterId: string; date: string }>(points: readonly P[]) =>
    points
      .filter((p) => p.encounterId !== encounterId)
      .sort((a, b) => a.date.localeCompare(b.date))
      .at(-1);
  const out: LastValue[] = [];
  const bp = before(timeline.series.bloodPressure);
  const bpUnit = timeline.units.bloodPressure;
  if (bp?.systolic != null)
    out.push({
      key: 'systolic',
      value: bp.systolic,
      unit: bpUnit,
      date: bp.date,
      flag: bp.flag,
    });
  if (bp?.diastolic != null)
    out.push({
      key: 'diastolic',
      value: bp.diastolic,
      unit: bpUnit,
      date: bp.date,
      flag: bp.flag,
    });
  const keyOf: Record<string, [string, string]> = {
    '1558-6': ['glucose-fasting', timeline.units.glucose],
    '2339-0': ['glucose-random', timeline.units.glucose],
    '4548-4': ['hba1c', timeline.units.hba1c],
  };
  for (const [code, [key, unit]] of Object.entries(keyOf)) {
    const p = before(timeline.series.glucose.filter((g) => g.code === code));
    if (p) out.push({ key, value: p.value, unit, date: p.date, flag: p.flag });
  }
  const w = before(timeline.series.weight);
  if (w) out.push({ key: 'weight', value: w.value, unit: timeline.units.weight, date: w.date, flag: w.flag });
  return out;
}
