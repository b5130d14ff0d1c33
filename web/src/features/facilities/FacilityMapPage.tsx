import './facilities.css';
import { Alert, Anchor, Button, Card, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorText } from '../../components/api-errors.ts';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Facility, useAllFacilities, useChildAreas, useHomeArea, useProfile } from './api.ts';
import { FacilityMap } from './FacilityMap.tsx';
import { useLabels } from './labels.ts';
import { MapLegend } from './MapLegend.tsx';
import { useAreaBoundaries } from './map-api.ts';
import { tierStyles } from './tier-style.ts';

/** The area's facilities on a map, by tier; choosing a point names it and links to its page. */
export function FacilityMapPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { data: profile } = useProfile();
  const home = useHomeArea();
  const children = useChildAreas(home.area?.id, undefined);
  const [area, setArea] = useState('');
  const facilities = useAllFacilities(area || undefined);
  // The chosen area's parts, or the home area's: a map without them still shows the facilities.
  const boundaries = useAreaBoundaries(area || home.area?.id);
  const [selected, setSelected] = useState<Facility | null>(null);
  const styles = tierStyles(profile?.tiers ?? []);
  const items = facilities.data ?? [];
  const missing = items.filter((f) => f.latitude === null || f.longitude === null).length;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('facilities.map.title')}
      </Title>
      {(children.data?.length ?? 0) > 0 && (
        <NativeSelect
          label={t('facilities.field.area')}
          value={area}
          maw={360}
          onChange={(e) => {
            setArea(e.currentTarget.value);
            setSelected(null);
          }}
          data={[
            { value: '', label: home.area?.name ?? t('facilities.filter.any') },
            ...(children.data ?? []).map((a) => ({ value: a.code, label: a.name })),
          ]}
        />
      )}
      {facilities.isPending ? (
        <Loading />
      ) : facilities.isError ? (
        <Alert color="red" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{errorText(facilities.error, i18n)}</Text>
            <Button size="xs" variant="light" onClick={() => facilities.refetch()}>
              {t('common.retry')}
            </Button>
          </Stack>
        </Alert>
      ) : items.length === 0 ? (
        <Text c="gray.7">{t('facilities.list.empty')}</Text>
      ) : (
        <>
          <Text size="sm" c="gray.7">
            {t('facilities.map.hint')}
          </Text>
          <MapLegend styles={styles} facilities={items} />
          <SelectedFacility facility={selected} />
          <FacilityMap
            facilities={items}
            boundaries={boundaries.data}
            styles={styles}
            selectedId={selected?.id ?? null}
            onSelect={setSelected}
          />
          {missing > 0 && (
            <Text size="sm" c="gray.7" data-testid="map-missing">
              {t('facilities.map.missing', { count: missing })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

/** The chosen point, above the map so a phone shows it without scrolling past the map. */
function SelectedFacility({ facility }: { facility: Facility | null }) {
  const { t, number } = useI18n();
  const labels = useLabels();
  return (
    <Card withBorder padding="sm" aria-live="polite" data-testid="map-selected" mih={84}>
      {facility ? (
        <Stack gap={2}>
          <Text fw={600}>{facility.name}</Text>
          <Text size="sm">
            {labels.kind(facility.kind)} · {labels.tier(facility.tier)} ·{' '}
            {t('facilities.card.beds', { beds: number(facility.beds, 0) })}
          </Text>
          <Anchor component={Link} to={`/facilities/${facility.id}`} size="sm">
            {t('facilities.map.open', { name: facility.name })}
          </Anchor>
        </Stack>
      ) : (
        <Text size="sm" c="gray.7">
          {t('facilities.map.choose')}
        </Text>
      )}
    </Card>
  );
}
