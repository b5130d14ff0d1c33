import { Select } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Brief, useFacilityOptions, useProfile } from './api.ts';

interface Props {
  value: string | undefined;
  /** The facility on screen, listed even when it is not a commune station (a link from its page). */
  current: Brief | undefined;
  onChange: (id: string | undefined) => void;
}

/** A manager's choice of commune station in their area, or all of them. */
export function StationPicker({ value, current, onChange }: Props) {
  const { t } = useI18n();
  const profile = useProfile();
  const stations = useFacilityOptions(profile.data?.communeStationKinds, Boolean(profile.data));
  const options = (stations.data ?? []).map((f) => ({ value: f.id, label: `${f.name} (${f.code})` }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: `${current.name} (${current.code})` });

  return (
    <Select
      label={t('workforce.rotations.station')}
      placeholder={t('workforce.rotations.allStations')}
      data={options}
      value={value ?? null}
      onChange={(id) => onChange(id ?? undefined)}
      searchable
      clearable
      maw={480}
      nothingFoundMessage={t('common.none')}
      error={stations.isError ? t('error.network') : undefined}
      data-testid="station-picker"
    />
  );
}
