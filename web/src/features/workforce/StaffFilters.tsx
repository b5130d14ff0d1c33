import {
  Button,
  Checkbox,
  Collapse,
  Group,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Profile, useFacilityOptions, type WorkerFilters } from './api.ts';
import { profileLabel } from './labels.ts';

interface Props {
  filters: WorkerFilters;
  profile: Profile | undefined;
  onChange: (next: WorkerFilters) => void;
}

/** The staff list's filters, as the API takes them (workforce.schema.ts WorkerListQuery). */
export function StaffFilters({ filters, profile, onChange }: Props) {
  const { t } = useI18n();
  const facilities = useFacilityOptions();
  const [text, setText] = useState(filters.q ?? '');
  // The API takes 1 to 100 characters; search as the person types, not at every key.
  const search = useDebouncedCallback((value: string) => {
    const q = value.trim().slice(0, 100);
    onChange({ ...filters, q: q || undefined });
  }, 350);
  const set = (patch: Partial<WorkerFilters>) => onChange({ ...filters, ...patch });
  const all = { value: '', label: t('workforce.staff.all') };
  // On a phone the search box comes first and the other filters fold away, so the list is in view.
  // Read at the first render (no server rendering here): a phone never draws them open, then folds.
  const wide = useMediaQuery('(min-width: 36em)', true, { getInitialValueInEffect: false });
  const [open, { toggle }] = useDisclosure(false);
  const active = ['cadre', 'qualification', 'facility', 'on', 'includeInactive', 'sort'].filter(
    (k) => filters[k as keyof WorkerFilters] !== undefined,
  ).length;

  return (
    <Stack gap="xs" role="search" aria-label={t('workforce.staff.filters')}>
      <Group align="flex-end" wrap="nowrap" gap="xs">
        <TextInput
          type="search"
          label={t('workforce.staff.search')}
          value={text}
          maxLength={100}
          style={{ flex: 1 }}
          onChange={(e) => {
            setText(e.currentTarget.value);
            search(e.currentTarget.value);
          }}
        />
        {!wide && (
          <Button variant="default" onClick={toggle} aria-expanded={open} data-testid="staff-filters-toggle">
            {t('workforce.staff.filters')}
            {active > 0 ? ` (${active})` : ''}
          </Button>
        )}
      </Group>
      <Collapse expanded={wide || open}>
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="sm">
          <NativeSelect
            label={t('workforce.staff.cadre')}
            value={filters.cadre ?? ''}
            onChange={(e) => set({ cadre: e.currentTarget.value || undefined })}
            data={[
              all,
              ...(profile?.cadres ?? []).map((c) => ({
                value: c.id,
                label: profileLabel(t, 'cadre', c.id, profile),
              })),
            ]}
          />
          <NativeSelect
            label={t('workforce.staff.qualification')}
            value={filters.qualification ?? ''}
            onChange={(e) => set({ qualification: e.currentTarget.value || undefined })}
            data={[
              all,
              ...(profile?.qualifications ?? []).map((q) => ({
                value: q.id,
                label: profileLabel(t, 'qualification', q.id, profile),
              })),
            ]}
          />
          <Select
            label={t('workforce.staff.facility')}
            placeholder={t('workforce.staff.all')}
            searchable
            clearable
            value={filters.facility ?? null}
            onChange={(value) => set({ facility: value ?? undefined })}
            data={(facilities.data ?? []).map((f) => ({ value: f.id, label: `${f.name} (${f.code})` }))}
            nothingFoundMessage={t('common.none')}
            error={facilities.isError ? t('error.network') : undefined}
          />
          <TextInput
            type="date"
            label={t('workforce.staff.on')}
            value={filters.on ?? ''}
            onChange={(e) => set({ on: e.currentTarget.value || undefined })}
          />
          <NativeSelect
            label={t('workforce.staff.sort')}
            value={filters.sort ?? 'code'}
            onChange={(e) => set({ sort: e.currentTarget.value === 'name' ? 'name' : undefined })}
            data={[
              { value: 'code', label: t('workforce.staff.code') },
              { value: 'name', label: t('workforce.staff.name') },
            ]}
          />
          <Checkbox
            mt={{ base: 0, xs: 'xl' }}
            label={t('workforce.staff.includeInactive')}
            checked={filters.includeInactive ?? false}
            onChange={(e) => set({ includeInactive: e.currentTarget.checked || undefined })}
          />
          <Button
            variant="subtle"
            mt={{ base: 0, xs: 'lg' }}
            onClick={() => {
              setText('');
              onChange({});
            }}
          >
            {t('workforce.staff.clear')}
          </Button>
        </SimpleGrid>
      </Collapse>
    </Stack>
  );
}
