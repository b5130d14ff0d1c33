import { Grid, NativeSelect, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { FACILITY_STATUSES, type FacilityFilters, useChildAreas, useHomeArea, useProfile } from './api.ts';
import { useLabels } from './labels.ts';

/** Search by name or code, and narrow by kind, tier, status and (for a manager) a part of the area. */
export function FacilityFiltersBar({
  filters,
  search,
  onSearch,
  onChange,
  searchError,
}: {
  filters: FacilityFilters;
  /** The text as typed (the list follows it after a short pause). */
  search: string;
  onSearch: (text: string) => void;
  onChange: (next: FacilityFilters) => void;
  searchError?: string | null;
}) {
  const { t } = useI18n();
  const labels = useLabels();
  const { data: profile } = useProfile();
  const home = useHomeArea();
  const children = useChildAreas(home.area?.id, undefined);
  const any = { value: '', label: t('facilities.filter.any') };
  const set = (key: keyof FacilityFilters) => (event: { currentTarget: { value: string } }) =>
    onChange({ ...filters, [key]: event.currentTarget.value || undefined });

  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <TextInput
          label={t('facilities.filter.search')}
          placeholder={t('facilities.filter.searchHint')}
          type="search"
          value={search}
          maxLength={100}
          error={searchError}
          onChange={(e) => onSearch(e.currentTarget.value)}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 2 }}>
        <NativeSelect
          label={t('facilities.field.kind')}
          value={filters.kind ?? ''}
          onChange={set('kind')}
          data={[
            any,
            ...(profile?.facilityKinds ?? []).map((k) => ({ value: k.id, label: labels.kind(k.id) })),
          ]}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 2 }}>
        <NativeSelect
          label={t('facilities.field.tier')}
          value={filters.tier ?? ''}
          onChange={set('tier')}
          data={[
            any,
            ...[...(profile?.tiers ?? [])]
              .sort((a, b) => a.rank - b.rank)
              .map((x) => ({ value: x.id, label: labels.tier(x.id) })),
          ]}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 2 }}>
        <NativeSelect
          label={t('facilities.field.status')}
          value={filters.status ?? ''}
          onChange={set('status')}
          data={[any, ...FACILITY_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))]}
        />
      </Grid.Col>
      {(children.data?.length ?? 0) > 0 && (
        <Grid.Col span={{ base: 6, md: 2 }}>
          <NativeSelect
            label={t('facilities.field.area')}
            value={filters.area ?? ''}
            onChange={set('area')}
            data={[
              { value: '', label: home.area?.name ?? t('facilities.filter.any') },
              ...(children.data ?? []).map((a) => ({ value: a.code, label: a.name })),
            ]}
          />
        </Grid.Col>
      )}
    </Grid>
  );
}
