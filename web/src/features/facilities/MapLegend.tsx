import { Group, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Facility } from './api.ts';
import { useLabels } from './labels.ts';
import type { TierStyle } from './tier-style.ts';

/** Which colour and size is which tier, with how many facilities of each are on the map. */
export function MapLegend({
  styles,
  facilities,
}: {
  styles: Map<string, TierStyle>;
  facilities: Facility[];
}) {
  const { t, number } = useI18n();
  const labels = useLabels();
  const counts = new Map<string, number>();
  for (const f of facilities) counts.set(f.tier, (counts.get(f.tier) ?? 0) + 1);
  return (
    <Group
      gap="md"
      component="ul"
      aria-label={t('facilities.map.legend')}
      data-testid="map-legend"
      p={0}
      m={0}
    >
      {[...styles.values()].map((s) => (
        <Group key={s.tier} gap={6} component="li" wrap="nowrap" style={{ listStyle: 'none' }}>
          <svg width={24} height={24} aria-hidden="true">
            <circle cx={12} cy={12} r={s.radius} fill={s.colour} fillOpacity={0.85} stroke="#fff" />
          </svg>
          <Text size="sm">
            {t('facilities.map.legendItem', {
              tier: labels.tier(s.tier),
              count: number(counts.get(s.tier) ?? 0, 0),
            })}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
