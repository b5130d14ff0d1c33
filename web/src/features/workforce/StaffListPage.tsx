import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { isIsoDate } from '../../calendar.ts';
import { errorText } from '../../components/api-errors.ts';
import { ListTotal } from '../../components/ListTotal.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useProfile, useWorkers, type WorkerFilters } from './api.ts';
import { StaffFilters } from './StaffFilters.tsx';
import { StaffResults } from './StaffResults.tsx';

/** The filters live in the address, so a list can be shared, reloaded, and returned to with Back. */
function filtersFrom(params: URLSearchParams): WorkerFilters {
  const text = (name: string) => params.get(name) || undefined;
  const on = text('on');
  return {
    q: text('q'),
    cadre: text('cadre'),
    qualification: text('qualification'),
    facility: text('facility'),
    on: on && isIsoDate(on) ? on : undefined,
    includeInactive: params.get('includeInactive') === 'true' || undefined,
    sort: params.get('sort') === 'name' ? 'name' : undefined,
  };
}

function toParams(filters: WorkerFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  return params;
}

export function StaffListPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const profile = useProfile();
  const workers = useWorkers(filters);
  const items = workers.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('workforce.staff.title')}
      </Title>
      <StaffFilters
        filters={filters}
        profile={profile.data}
        onChange={(next) => setParams(toParams(next), { replace: true })}
      />
      {workers.isPending ? (
        <Loading />
      ) : workers.isError ? (
        <Alert color="red" role="alert">
          {errorText(workers.error, i18n)}
          <Button variant="light" size="xs" ml="sm" onClick={() => workers.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : items.length === 0 ? (
        <Text c="dimmed" data-testid="staff-empty">
          {t('workforce.staff.empty')}
        </Text>
      ) : (
        <>
          <ListTotal shown={items.length} total={workers.data.pages[0]!.total} />
          <StaffResults workers={items} profile={profile.data} />
          {workers.hasNextPage && (
            <Button
              variant="light"
              onClick={() => workers.fetchNextPage()}
              loading={workers.isFetchingNextPage}
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
