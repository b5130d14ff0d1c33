import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../components/api-errors.ts';
import { ListTotal } from '../../components/ListTotal.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Facility, type FacilityFilters, useFacilityList } from './api.ts';
import { FacilityFiltersBar } from './FacilityFiltersBar.tsx';
import { useLabels } from './labels.ts';
import { StatusBadge } from './StatusBadge.tsx';

const FILTER_KEYS = ['kind', 'tier', 'status', 'q', 'area'] as const;

/** The filters live in the address, so the back button and a shared link keep them. */
function useFiltersInAddress(): [FacilityFilters, (next: FacilityFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: FacilityFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const set = (next: FacilityFilters) => {
    const out = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = next[key];
      if (value) out.set(key, value);
    }
    setParams(out, { replace: true });
  };
  return [filters, set];
}

/** The facilities of the user's area: a table on a desktop, stacked cards on a phone. */
export function FacilityListPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [filters, setFilters] = useFiltersInAddress();
  const [search, setSearch] = useState(filters.q ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the typed text only
  useEffect(() => {
    if ((filters.q ?? '') !== debounced) setFilters({ ...filters, q: debounced || undefined });
  }, [debounced]);
  const list = useFacilityList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const searchError = list.error instanceof ApiError ? (list.error.fieldMessage('q') ?? null) : null;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('facilities.list.title')}
      </Title>
      <FacilityFiltersBar
        filters={filters}
        search={search}
        onSearch={setSearch}
        onChange={setFilters}
        searchError={searchError}
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError && !searchError ? (
        <Alert color="red" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{errorText(list.error, i18n)}</Text>
            <Button size="xs" variant="light" onClick={() => list.refetch()}>
              {t('common.retry')}
            </Button>
          </Stack>
        </Alert>
      ) : items.length === 0 ? (
        <Text c="gray.7" data-testid="facility-list-empty">
          {t('facilities.list.empty')}
        </Text>
      ) : (
        <>
          <ListTotal shown={items.length} total={list.data!.pages[0]!.total} />
          <FacilityTable items={items} />
          <FacilityCards items={items} />
          {list.hasNextPage && (
            <Button
              variant="light"
              onClick={() => list.fetchNextPage()}
              loading={list.isFetchingNextPage}
              style={{ alignSelf: 'center' }}
            >
              {t('common.more')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}

function FacilityTable({ items }: { items: Facility[] }) {
  const { t, number } = useI18n();
  const labels = useLabels();
  return (
    <Table.ScrollContainer minWidth={640} visibleFrom="sm">
      <Table striped highlightOnHover data-testid="facility-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('facilities.field.name')}</Table.Th>
            <Table.Th>{t('facilities.field.code')}</Table.Th>
            <Table.Th>{t('facilities.field.kind')}</Table.Th>
            <Table.Th>{t('facilities.field.tier')}</Table.Th>
            <Table.Th ta="right">{t('facilities.field.beds')}</Table.Th>
            <Table.Th>{t('facilities.field.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>
                <Anchor component={Link} to={`/facilities/${f.id}`}>
                  {f.name}
                </Anchor>
                <Text size="xs" c="gray.7">
                  {f.areaName}
                </Text>
              </Table.Td>
              <Table.Td>{f.code}</Table.Td>
              <Table.Td>{labels.kind(f.kind)}</Table.Td>
              <Table.Td>{labels.tier(f.tier)}</Table.Td>
              <Table.Td ta="right">{number(f.beds, 0)}</Table.Td>
              <Table.Td>
                <StatusBadge status={f.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function FacilityCards({ items }: { items: Facility[] }) {
  const { t, number } = useI18n();
  const labels = useLabels();
  return (
    <Stack gap="xs" hiddenFrom="sm" data-testid="facility-cards">
      {items.map((f) => (
        <Card key={f.id} withBorder padding="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Anchor component={Link} to={`/facilities/${f.id}`} fw={600}>
              {f.name}
            </Anchor>
            <StatusBadge status={f.status} />
          </Group>
          <Text size="sm">
            {labels.kind(f.kind)} · {labels.tier(f.tier)}
          </Text>
          <Text size="sm" c="gray.7">
            {t('facilities.card.codeBeds', { code: f.code, beds: number(f.beds, 0) })}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
