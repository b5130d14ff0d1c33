import { Box } from '@mantine/core';
import { useElementSize, useViewportSize } from '@mantine/hooks';
import type { KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Facility } from './api.ts';
import { useLabels } from './labels.ts';
import { fittedHeight, project } from './projection.ts';
import { drawingOrder, type TierStyle, UNKNOWN_TIER } from './tier-style.ts';

const MARGIN = 18;
/** A finger needs about 24 px to hit a point, whatever its drawn size. */
const HIT_RADIUS = 12;

/**
 * The facilities as points on an SVG fitted to the container's width: no tiles, nothing from the
 * network. Each point is a focusable button named after its facility; choosing one (click, tap, Enter,
 * or moving the keyboard focus onto it) tells the page, which shows its name and a link.
 */
export function FacilityMap({
  facilities,
  styles,
  selectedId,
  onSelect,
}: {
  facilities: Facility[];
  styles: Map<string, TierStyle>;
  selectedId: string | null;
  onSelect: (facility: Facility) => void;
}) {
  const { t } = useI18n();
  const labels = useLabels();
  const { ref, width } = useElementSize();
  const viewport = useViewportSize();
  // As tall as the area's shape asks, but a desktop map should fit the window (the projection centres it).
  const cap = Math.max(360, Math.round((viewport.height || 800) * 0.85));
  const height = width > 0 ? Math.min(cap, fittedHeight(facilities, width, MARGIN)) : 0;
  const { points } = project(drawingOrder(facilities, styles), { width, height, margin: MARGIN });
  const selected = points.find((p) => p.item.id === selectedId);
  const keyDown = (facility: Facility) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(facility);
    }
  };

  return (
    <Box ref={ref} w="100%" data-testid="facility-map">
      {width > 0 && (
        // biome-ignore lint/a11y/useSemanticElements: the map is an SVG, its points are the group's buttons
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-label={t('facilities.map.svgLabel', { count: points.length })}
          style={{ display: 'block', background: '#f4f8f7', borderRadius: 8, border: '1px solid #d0dcd9' }}
        >
          {points.map(({ item, x, y }) => {
            const style = styles.get(item.tier) ?? UNKNOWN_TIER;
            const name = t('facilities.map.pointLabel', { name: item.name, tier: labels.tier(item.tier) });
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG point cannot be an HTML button
              <g
                key={item.id}
                role="button"
                tabIndex={0}
                aria-label={name}
                aria-pressed={item.id === selectedId}
                data-testid="map-point"
                className="facility-map-point"
                onClick={() => onSelect(item)}
                onFocus={() => onSelect(item)}
                onKeyDown={keyDown(item)}
                style={{ cursor: 'pointer', outline: 'none' }}
              >
                <title>{item.name}</title>
                <circle cx={x} cy={y} r={Math.max(HIT_RADIUS, style.radius)} fill="transparent" />
                <circle
                  cx={x}
                  cy={y}
                  r={style.radius}
                  fill={style.colour}
                  fillOpacity={0.85}
                  stroke="#ffffff"
                  strokeWidth={1}
                />
              </g>
            );
          })}
          {selected && (
            <circle
              cx={selected.x}
              cy={selected.y}
              r={(styles.get(selected.item.tier) ?? UNKNOWN_TIER).radius + 5}
              fill="none"
              stroke="#111"
              strokeWidth={2.5}
              pointerEvents="none"
              data-testid="map-selection"
            />
          )}
        </svg>
      )}
    </Box>
  );
}
