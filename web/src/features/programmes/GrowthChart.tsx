import { Box } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { type CurveRow, growthChart, VIEW, type Weighing } from './growth-chart.ts';

const CURVE = '#5c6b63';
const MEDIAN = '#0b5e47';
const POINT = '#1c5fa8';
const OUTSIDE = '#b3261e';

/**
 * A small SVG chart of weight for age: the WHO median and the lines 2 SD above and below, the child's
 * weighings as points (red outside the two lines). Drawn by hand, so a phone gets a few hundred bytes
 * and no chart library; the values are also written out below it by the caller.
 */
export function GrowthChart({
  curves,
  weighings,
  ageMonths,
}: {
  curves: CurveRow[];
  weighings: Weighing[];
  ageMonths: number;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const g = growthChart(curves, weighings, ageMonths);
  const bottom = VIEW.height - VIEW.bottom;
  const right = VIEW.width - VIEW.right;
  return (
    <Box maw={480} data-testid="growth-chart">
      <svg
        viewBox={`0 0 ${VIEW.width} ${VIEW.height}`}
        width="100%"
        role="img"
        aria-label={t('programmes.growth.chart')}
        style={{ display: 'block' }}
      >
        {g.yTicks.map((tick) => (
          <g key={`y${tick.kg}`}>
            <line x1={VIEW.left} x2={right} y1={tick.y} y2={tick.y} stroke="#e3e8e5" />
            <text x={VIEW.left - 4} y={tick.y + 3} fontSize="9" textAnchor="end" fill="#3d4742">
              {i18n.number(tick.kg, 0)}
            </text>
          </g>
        ))}
        {g.xTicks.map((tick) => (
          <text
            key={`x${tick.month}`}
            x={tick.x}
            y={bottom + 11}
            fontSize="9"
            textAnchor="middle"
            fill="#3d4742"
          >
            {i18n.number(tick.month, 0)}
          </text>
        ))}
        <text x={right} y={VIEW.height - 2} fontSize="9" textAnchor="end" fill="#3d4742">
          {t('programmes.growth.axisAge')}
        </text>
        <text x={2} y={VIEW.top + 2} fontSize="9" fill="#3d4742" transform={`rotate(90 2 ${VIEW.top + 2})`}>
          {t('programmes.growth.axisWeight')}
        </text>
        <line x1={VIEW.left} x2={VIEW.left} y1={VIEW.top} y2={bottom} stroke="#8a958f" />
        <line x1={VIEW.left} x2={right} y1={bottom} y2={bottom} stroke="#8a958f" />
        <path d={g.curves.plus2} fill="none" stroke={CURVE} strokeDasharray="4 3" />
        <path d={g.curves.median} fill="none" stroke={MEDIAN} strokeWidth="1.5" />
        <path d={g.curves.minus2} fill="none" stroke={CURVE} strokeDasharray="4 3" />
        {weighings.length > 1 && (
          <path
            d={g.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ')}
            fill="none"
            stroke={POINT}
          />
        )}
        {g.points.map((p) => (
          <circle
            key={`${p.months}-${p.kg}`}
            cx={p.x}
            cy={p.y}
            r="3"
            fill={p.outside ? OUTSIDE : POINT}
            data-testid="growth-point"
          />
        ))}
      </svg>
    </Box>
  );
}
