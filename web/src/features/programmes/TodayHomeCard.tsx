import { Anchor, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PROGRAMME_KINDS, useProgrammes, useWorklist } from './api.ts';
import { kindLabel, programmeNames } from './labels.ts';

/**
 * The home card of station staff, family doctors and village health workers: what is due and
 * overdue today by kind, the first overdue people (call first at the top), and the way to the list.
 */
export function TodayHomeCard() {
  const i18n = useI18n();
  const { t } = i18n;
  const overdue = useWorklist({ state: 'overdue' }, { limit: 3 });
  const all = useWorklist({}, { limit: 1 });
  const programmes = useProgrammes();
  const names = programmeNames(programmes.data?.programmes, i18n.locale);
  const counts = all.data?.pages[0]?.counts;
  const top = overdue.data?.pages[0]?.items ?? [];
  // A server without the worklist yet (404), or a role it is not for (403): no card rather than an error.
  if (all.error instanceof ApiError && (all.error.status === 404 || all.error.status === 403)) return null;
  const kinds = PROGRAMME_KINDS.filter((k) => {
    const c = counts?.byKind[k];
    return c && c.due + c.overdue > 0;
  });
  return (
    <Card withBorder data-testid="programmes-today-card">
      <Text fw={600} mb="xs">
        {t('programmes.today.title')}
      </Text>
      {all.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : all.isError ? (
        <Text size="sm" c="red.9">
          {errorText(all.error, i18n)}
        </Text>
      ) : kinds.length === 0 ? (
        <Text size="sm">{t('programmes.today.nothing')}</Text>
      ) : (
        <Stack gap={4}>
          <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
            {kinds.map((k) => (
              <Group component="li" key={k} gap="xs" justify="space-between" data-testid={`today-${k}`}>
                <Anchor component={Link} to={`/worklist?kind=${k}`} size="sm">
                  {kindLabel(k, i18n)}
                </Anchor>
                <Text size="sm">
                  {t('programmes.today.counts', {
                    due: i18n.number(counts?.byKind[k]?.due ?? 0, 0),
                    overdue: i18n.number(counts?.byKind[k]?.overdue ?? 0, 0),
                  })}
                </Text>
              </Group>
            ))}
          </Stack>
          {top.length > 0 && (
            <>
              <Text size="sm" fw={600} mt="xs">
                {t('programmes.today.topOverdue')}
              </Text>
              <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
                {top.map((row) => (
                  <Text component="li" size="sm" key={row.id} data-testid="today-overdue">
                    <Anchor component={Link} to={`/residents/${row.residentId}`} size="sm" underline="always">
                      {row.fullName}
                    </Anchor>{' '}
                    · {names.item(row.programmeId, row.itemId)} ·{' '}
                    {t('programmes.worklist.daysOverdue', { count: row.daysOverdue })}
                  </Text>
                ))}
              </Stack>
            </>
          )}
        </Stack>
      )}
      <Anchor component={Link} to="/worklist" size="sm" mt="sm" data-testid="today-open">
        {t('programmes.today.open')}
      </Anchor>
    </Card>
  );
}
