import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { useResidentSearch } from './api.ts';
import { birthLabel } from './labels.ts';
import { birthValue, type ResidentFormValues } from './resident-form.ts';

/**
 * Before a person is registered twice: residents with this name (accents aside) born the same year,
 * found by the counter search as the form is filled in.
 */
export function PossibleDuplicates({ values }: { values: ResidentFormValues }) {
  const i18n = useI18n();
  const { t } = i18n;
  const name = values.fullName.trim();
  const year = birthValue(values).slice(0, 4);
  const q = name.length >= 5 && /^\d{4}$/.test(year) ? `${name} ${year}` : '';
  const [debounced] = useDebouncedValue(q, 400);
  const search = useResidentSearch(debounced);
  const fold = (s: string) =>
    s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
  const same = debounced
    ? (search.data?.pages[0]?.items ?? []).filter(
        (r) => fold(r.fullName) === fold(name) && String(r.birthYear) === year,
      )
    : [];
  if (same.length === 0) return null;
  return (
    <Alert color="orange" role="status" data-testid="possible-duplicates">
      <Text size="sm" fw={600}>
        {t('residents.register.possibleDuplicates', { count: same.length })}
      </Text>
      <Stack gap={2} mt={4}>
        {same.slice(0, 5).map((r) => (
          <Anchor key={r.id} component={Link} to={`/residents/${r.id}`} size="sm" target="_blank">
            {r.fullName} · {birthLabel(r, i18n)} · {r.area.name}
          </Anchor>
        ))}
      </Stack>
    </Alert>
  );
}
