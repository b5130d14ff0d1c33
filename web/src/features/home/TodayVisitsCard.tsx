import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TodayVisits } from '../../../../src/modules/encounters/today.schema.ts';
import { api } from '../../api/client.ts';
import { errorText } from '../../components/api-errors.ts';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { statusLabel } from '../care/labels.ts';

/** Today's visits at the station, newest first: today as the country's time zone counts it (the server's). */
export function useTodayVisits(facilityId: string) {
  return useQuery({
    queryKey: ['care', 'today', facilityId],
    queryFn: ({ signal }) => api.get<TodayVisits>('/encounters/today', { facility: facilityId }, { signal }),
    refetchInterval: 60_000,
  });
}

/** The station's home card: how many visits today, how many still open, and each one a tap away. */
export function TodayVisitsCard({ facilityId }: { facilityId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = useTodayVisits(facilityId);
  return (
    <Card withBorder component="section" aria-labelledby="today-visits-title" data-testid="today-visits">
      <Title order={2} size="h4" id="today-visits-title">
        {t('home.today.title')}
      </Title>
      {today.isPending ? (
        <Loading />
      ) : today.isError || !today.data ? (
        <Alert color="red" role="alert">
          {errorText(today.error, i18n)}
        </Alert>
      ) : (
        <Stack gap="xs" mt="xs">
          <Text size="sm" c="gray.7" data-testid="today-visits-count">
            {t('home.today.count', {
              date: i18n.date(today.data.date),
              count: today.data.total.count,
              open: today.data.open,
            })}
          </Text>
          {today.data.items.length === 0 ? (
            <Text c="gray.7">{t('home.today.none')}</Text>
          ) : (
            <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {today.data.items.map((v) => (
                <Group component="li" key={v.id} gap="xs" wrap="wrap" data-testid="today-visit">
                  <Text size="sm" c="gray.7" ff="monospace">
                    {i18n.dateTime(v.startedAt).slice(-5)}
                  </Text>
                  <Anchor component={Link} to={`/visits/${v.id}`} fw={600}>
                    {v.residentName}
                  </Anchor>
                  {v.mainDiagnosis && (
                    <Text size="sm" ff="monospace">
                      {v.mainDiagnosis.code}
                    </Text>
                  )}
                  <Badge variant="light" color={v.status === 'open' ? 'orange' : 'teal'}>
                    {statusLabel(v.status, i18n)}
                  </Badge>
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Card>
  );
}
