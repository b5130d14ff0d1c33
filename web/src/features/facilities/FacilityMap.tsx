import { ActionIcon, Box, Group } from '@mantine/core';
import { useElementSize, useViewportSize } from '@mantine/hooks';
import { type KeyboardEvent, type PointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Facility } from './api.ts';
import { useLabels } from './labels.ts';
import type { AreaBoundaryCollection, AreaBoundaryFeature } from './map-api.ts';
import { clusterPoints, panBy, placeLabels, type View, WHOLE_MAP, zoomAt, zoomOnto } from './map-view.ts';
import { boundaryPath, fitProjection, fittedHeight, type GeoPoint } from './projection.ts';
import { drawingOrder, type TierStyle, UNKNOWN_TIER } from './tier-style.ts';

const MARGIN = 18;
/** A finger needs about 24 px to hit a point, whatever its drawn size. */
const HIT_RADIUS = 12;
/** Points closer than this on screen are one numbered bubble. */
const CLUSTER_DISTANCE = 22;
/** A drag shorter than this is a tap. */
const TAP_SLOP = 5;
const LABEL_SIZE = 11;

/** The corners of a boundary box, to fit the map around it. */
const corners = (bbox: readonly number[] | null | undefined): GeoPoint[] =>
  bbox
    ? [
        { longitude: bbox[0]!, latitude: bbox[1]! },
        { longitude: bbox[2]!, latitude: bbox[3]! },
      ]
    : [];

/**
 * The facilities on an SVG map of their area's boundaries (no tiles, nothing from the network), fitted
 * to the container's width. The child areas are drawn with their names where they fit; facilities that
 * would overlap at the current zoom are one numbered bubble, which zooms in when chosen. Drag or pinch
 * to move and zoom; the buttons above it do the same from a keyboard. Each point is a focusable button named
 * after its facility; choosing one tells the page. `areaFill` colours an area (an indicator, later).
 */
export function FacilityMap({
  facilities,
  boundaries,
  styles,
  selectedId,
  onSelect,
  areaFill,
}: {
  facilities: Facility[];
  boundaries?: AreaBoundaryCollection;
  styles: Map<string, TierStyle>;
  selectedId: string | null;
  onSelect: (facility: Facility) => void;
  areaFill?: (area: AreaBoundaryFeature) => string | undefined;
}) {
  const { t } = useI18n();
  const labels = useLabels();
  const { ref, width } = useElementSize();
  const viewport = useViewportSize();
  const [view, setView] = useState<View>(WHOLE_MAP);
  const svgRef = useRef<SVGSVGElement>(null);

  const areas = boundaries?.features ?? [];
  const parent = boundaries?.parent ?? null;
  const fitItems = useMemo(() => [...facilities, ...corners(boundaries?.bbox)], [facilities, boundaries]);
  // As tall as the area's shape asks, but a desktop map should fit the window (the projection centres it).
  const cap = Math.max(360, Math.round((viewport.height || 800) * 0.85));
  const height = width > 0 ? Math.min(cap, fittedHeight(fitItems, width, MARGIN)) : 0;
  const to = useMemo(
    () => fitProjection(fitItems, { width, height, margin: MARGIN }),
    [fitItems, width, height],
  );
  // A new size or a new area starts from the whole map.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the view resets when what is drawn changes
  useEffect(() => setView(WHOLE_MAP), [to]);

  const shapes = useMemo(
    () =>
      to
        ? [...(parent ? [parent] : []), ...areas].map((f) => ({
            feature: f,
            d: boundaryPath(f.geometry, to),
          }))
        : [],
    [to, parent, areas],
  );
  const base = useMemo(
    () =>
      to
        ? drawingOrder(facilities, styles)
            .filter((f) => f.latitude !== null && f.longitude !== null)
            .map((item) => {
              const [x, y] = to(item.longitude!, item.latitude!);
              return { item, x, y };
            })
        : [],
    [to, facilities, styles],
  );

  const onScreen = (x: number, y: number) =>
    x >= -HIT_RADIUS && y >= -HIT_RADIUS && x <= width + HIT_RADIUS && y <= height + HIT_RADIUS;
  const screen = (x: number, y: number): [number, number] => [
    x * view.scale + view.x,
    y * view.scale + view.y,
  ];
  const clusters = clusterPoints(
    base
      .map((p) => {
        const [x, y] = screen(p.x, p.y);
        return { item: p.item, x, y };
      })
      .filter((p) => onScreen(p.x, p.y)),
    CLUSTER_DISTANCE,
  );
  const named = to
    ? placeLabels(
        (areas.length > 0 ? areas : parent ? [parent] : []).map((f) => {
          const [lon, lat] = f.properties.labelPoint;
          const [x, y] = screen(...to(lon!, lat!));
          const [w, s, e, n] = f.bbox;
          return { id: f.id, text: f.properties.name, x, y, priority: (e! - w!) * (n! - s!) };
        }),
        { width, height },
        LABEL_SIZE * 0.6,
        LABEL_SIZE + 3,
      )
    : [];

  // Pan with one finger or the mouse, pinch with two; a short touch stays a tap on what is under it.
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const moved = useRef(0);
  const local = (e: PointerEvent) => {
    const rect = svgRef.current!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (pointers.current.size === 0) moved.current = 0;
    pointers.current.set(e.pointerId, local(e));
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const before = pointers.current.get(e.pointerId);
    if (!before) return;
    const now = local(e);
    const others = [...pointers.current].filter(([id]) => id !== e.pointerId).map(([, p]) => p);
    pointers.current.set(e.pointerId, now);
    moved.current += Math.hypot(now.x - before.x, now.y - before.y);
    if (moved.current < TAP_SLOP) return;
    if (!e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.setPointerCapture(e.pointerId);
    const other = others[0];
    if (other) {
      const factor =
        Math.hypot(now.x - other.x, now.y - other.y) /
        (Math.hypot(before.x - other.x, before.y - other.y) || 1);
      setView((v) => zoomAt(v, factor, (now.x + other.x) / 2, (now.y + other.y) / 2, width, height));
    } else {
      setView((v) => panBy(v, now.x - before.x, now.y - before.y, width, height));
    }
  };
  const onPointerEnd = (e: PointerEvent<SVGSVGElement>) => {
    pointers.current.delete(e.pointerId);
  };
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    // React's wheel listener is passive: this one may keep the page from scrolling while zooming.
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = svg.getBoundingClientRect();
      setView((v) =>
        zoomAt(v, Math.exp(-e.deltaY * 0.002), e.clientX - rect.left, e.clientY - rect.top, width, height),
      );
    };
    svg.addEventListener('wheel', wheel, { passive: false });
    return () => svg.removeEventListener('wheel', wheel);
  }, [width, height]);

  const choose = (action: () => void) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      action();
    }
  };
  const zoomButton = (label: string, onClick: () => void, icon: string, testId: string) => (
    <ActionIcon
      variant="default"
      size="lg"
      aria-label={label}
      title={label}
      onClick={onClick}
      data-testid={testId}
    >
      <svg width={18} height={18} viewBox="0 0 18 18" aria-hidden="true">
        <path d={icon} stroke="currentColor" strokeWidth={2} fill="none" strokeLinecap="round" />
      </svg>
    </ActionIcon>
  );
  const selected = clusters.find((c) => c.members.length === 1 && c.members[0]!.id === selectedId);

  return (
    <Box ref={ref} w="100%" data-testid="facility-map">
      {width > 0 && (
        <>
          <Group gap={4} justify="flex-end" mb={6}>
            {zoomButton(
              t('facilities.map.zoomIn'),
              () => setView((v) => zoomAt(v, 2, width / 2, height / 2, width, height)),
              'M4 9h10M9 4v10',
              'map-zoom-in',
            )}
            {zoomButton(
              t('facilities.map.zoomOut'),
              () => setView((v) => zoomAt(v, 0.5, width / 2, height / 2, width, height)),
              'M4 9h10',
              'map-zoom-out',
            )}
            {zoomButton(
              t('facilities.map.zoomAll'),
              () => setView(WHOLE_MAP),
              'M3 7V3h4M11 3h4v4M15 11v4h-4M7 15H3v-4',
              'map-zoom-all',
            )}
          </Group>
          {/* biome-ignore lint/a11y/useSemanticElements: the map is an SVG, its points are the group's buttons */}
          <svg
            ref={svgRef}
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            role="group"
            aria-label={t('facilities.map.svgLabel', { count: base.length })}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerEnd}
            onPointerCancel={onPointerEnd}
            onClickCapture={(e) => {
              // The end of a drag is not a tap on the point under the finger.
              if (moved.current >= TAP_SLOP) e.stopPropagation();
            }}
            style={{
              display: 'block',
              background: '#f4f8f7',
              borderRadius: 8,
              border: '1px solid #d0dcd9',
              touchAction: 'none',
              userSelect: 'none',
            }}
          >
            <g
              transform={`translate(${view.x} ${view.y}) scale(${view.scale})`}
              data-testid="map-view"
              data-scale={view.scale}
            >
              {shapes.map(({ feature, d }) => {
                const isParent = feature === parent;
                return (
                  <path
                    key={feature.id}
                    d={d}
                    data-testid={isParent ? 'map-outline' : 'map-area'}
                    data-code={feature.properties.code}
                    fill={isParent ? '#ffffff' : (areaFill?.(feature) ?? '#e8efed')}
                    fillRule="evenodd"
                    stroke={isParent ? '#3d4f4a' : '#7d918b'}
                    strokeWidth={isParent ? 1.5 : 1}
                    vectorEffect="non-scaling-stroke"
                    strokeLinejoin="round"
                  />
                );
              })}
            </g>
            {named.map((l) => (
              <text
                key={l.id}
                x={l.x}
                y={l.y}
                textAnchor="middle"
                dominantBaseline="central"
                fontSize={LABEL_SIZE}
                fill="#2b3a36"
                stroke="#ffffff"
                strokeWidth={3}
                paintOrder="stroke"
                pointerEvents="none"
                data-testid="map-area-label"
              >
                {l.text}
              </text>
            ))}
            {clusters.map((c) => {
              if (c.members.length > 1) {
                const label = t('facilities.map.clusterLabel', { count: c.members.length });
                const zoom = () => setView((v) => zoomOnto(v, c.x, c.y, 2.5, width, height));
                const r = 11 + Math.min(7, Math.log2(c.members.length) * 1.5);
                return (
                  // biome-ignore lint/a11y/useSemanticElements: an SVG bubble cannot be an HTML button
                  <g
                    key={`cluster-${c.members[0]!.id}`}
                    role="button"
                    tabIndex={0}
                    aria-label={label}
                    data-testid="map-cluster"
                    data-count={c.members.length}
                    data-members={c.members.map((m) => m.id).join(' ')}
                    className="facility-map-point"
                    onClick={zoom}
                    onKeyDown={choose(zoom)}
                    style={{ cursor: 'zoom-in', outline: 'none' }}
                  >
                    <title>{label}</title>
                    <circle cx={c.x} cy={c.y} r={r} fill="#1d4e5c" stroke="#ffffff" strokeWidth={2} />
                    <text
                      x={c.x}
                      y={c.y}
                      textAnchor="middle"
                      dominantBaseline="central"
                      fontSize={11}
                      fontWeight={700}
                      fill="#ffffff"
                      pointerEvents="none"
                    >
                      {c.members.length}
                    </text>
                  </g>
                );
              }
              const item = c.members[0]!;
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
                  data-id={item.id}
                  className="facility-map-point"
                  onClick={() => onSelect(item)}
                  onFocus={() => onSelect(item)}
                  onKeyDown={choose(() => onSelect(item))}
                  style={{ cursor: 'pointer', outline: 'none' }}
                >
                  <title>{item.name}</title>
                  <circle cx={c.x} cy={c.y} r={Math.max(HIT_RADIUS, style.radius)} fill="transparent" />
                  <circle
                    cx={c.x}
                    cy={c.y}
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
                r={(styles.get(selected.members[0]!.tier) ?? UNKNOWN_TIER).radius + 5}
                fill="none"
                stroke="#111"
                strokeWidth={2.5}
                pointerEvents="none"
                data-testid="map-selection"
              />
            )}
          </svg>
        </>
      )}
    </Box>
  );
}
