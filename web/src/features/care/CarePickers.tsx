import { Button, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type {
  Diagnosis as CatalogDiagnosis,
  Medicine as CatalogMedicine,
  Service as CatalogService,
} from '../../../../src/modules/catalog/catalog.schema.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { nameIn } from './labels.ts';

/**
 * Searches of the catalogues for the visit screen (GET /api/catalog/diagnoses, /medicines, /services:
 * by code or words in vi/zh/en, accents optional): type, then tap a result; each result a big target.
 * features/catalog is to give the shared pickers (CONTRACTS.md); until it does, these are the visit's.
 */
export type { CatalogDiagnosis, CatalogMedicine, CatalogService };

const MIN = 2;

function useCatalogSearch<T>(path: string, q: string, date?: string) {
  const [term] = useDebouncedValue(q.trim(), 250);
  return useQuery({
    queryKey: ['care', 'catalog', path, term, date],
    queryFn: ({ signal }) => api.get<{ items: T[] }>(path, { q: term, limit: 8, date }, { signal }),
    enabled: term.length >= MIN,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

function Search<T>({
  label,
  path,
  testId,
  date,
  render,
  keyOf,
  onPick,
}: {
  label: string;
  path: string;
  testId: string;
  date?: string;
  render: (item: T) => string;
  keyOf: (item: T) => string;
  onPick: (item: T) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const search = useCatalogSearch<T>(path, q, date);
  const listId = useId();
  const items = q.trim().length >= MIN ? (search.data?.items ?? []) : [];
  return (
    <Stack gap={4}>
      <TextInput
        label={label}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        size="md"
        autoComplete="off"
        aria-controls={listId}
        rightSection={search.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
        data-testid={testId}
      />
      <Stack gap={2} id={listId} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => (
          <li key={keyOf(item)}>
            <Button
              variant="subtle"
              size="md"
              fullWidth
              justify="flex-start"
              styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
              h="auto"
              py={6}
              onClick={() => {
                onPick(item);
                setQ('');
              }}
              data-testid={`${testId}-result`}
            >
              {render(item)}
            </Button>
          </li>
        ))}
        {q.trim().length >= MIN && search.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('care.pick.none')}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}

function Diagnosis({ onPick }: { onPick: (d: CatalogDiagnosis) => void }) {
  const i18n = useI18n();
  return (
    <Search<CatalogDiagnosis>
      label={i18n.t('care.pick.diagnosis')}
      path="/catalog/diagnoses"
      testId="pick-diagnosis"
      keyOf={(d) => d.code}
      render={(d) => `${d.code} · ${nameIn(d.names, i18n)}`}
      onPick={onPick}
    />
  );
}

function Medicine({ onPick, date }: { onPick: (m: CatalogMedicine) => void; date?: string }) {
  const i18n = useI18n();
  return (
    <Search<CatalogMedicine>
      label={i18n.t('care.pick.medicine')}
      path="/catalog/medicines"
      testId="pick-medicine"
      date={date}
      keyOf={(m) => m.id}
      render={(m) => `${m.name} ${m.strength} · ${m.dosageForm} · ${m.unit}`}
      onPick={onPick}
    />
  );
}

function Service({ onPick, date }: { onPick: (s: CatalogService) => void; date?: string }) {
  const i18n = useI18n();
  return (
    <Search<CatalogService>
      label={i18n.t('care.pick.service')}
      path="/catalog/services"
      testId="pick-service"
      date={date}
      keyOf={(s) => s.id}
      render={(s) => `${s.code} · ${s.name}`}
      onPick={onPick}
    />
  );
}

export const CarePickers = { Diagnosis, Medicine, Service };
