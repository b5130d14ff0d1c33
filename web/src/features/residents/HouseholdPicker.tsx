import { Alert, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Household, useHouseholdSearch } from './api.ts';

interface Props {
  area: string | undefined;
  value: string;
  /** A household chosen earlier (or just created) that the current search may not list. */
  chosen: Household | null;
  onChange: (household: Household) => void;
  error?: string;
}

/** Find an existing household by address or book number, and choose it from the results. */
export function HouseholdPicker({ area, value, chosen, onChange, error }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const found = useHouseholdSearch(debounced, area);
  const items = found.data?.items ?? [];
  const options = chosen && !items.some((h) => h.id === chosen.id) ? [chosen, ...items] : items;
  const label = (h: Household) => [h.code, h.address, h.area.name].filter(Boolean).join(' · ');
  return (
    <Stack gap="xs">
      <TextInput
        type="search"
        label={t('residents.household.find')}
        description={t('residents.household.findHint')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        autoComplete="off"
        data-testid="household-search"
      />
      {found.isError && <Alert color="red">{errorText(found.error, i18n)}</Alert>}
      {debounced.trim() !== '' && found.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('residents.household.noneFound')}
        </Text>
      )}
      <Radio.Group
        label={t('residents.field.household')}
        value={value}
        onChange={(id) => {
          const h = options.find((o) => o.id === id);
          if (h) onChange(h);
        }}
        error={error}
        required
      >
        <Stack gap={6} mt={4}>
          {options.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('residents.household.searchFirst')}
            </Text>
          )}
          {options.map((h) => (
            <Radio key={h.id} value={h.id} label={label(h)} data-testid="household-option" />
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
