import type { MessageKey } from '../../i18n/catalog.ts';
import type { Timeline } from './api.ts';
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
