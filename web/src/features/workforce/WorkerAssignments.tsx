import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useToday } from '../../api/profile.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Assignment } from './api.ts';

/** Current and past assignments, newest first: where, as what, from when to when. */
export function WorkerAssignments({ assignments }: { assignments: Assignment[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = useToday();
  const sorted = [...assignments].sort((a, b) => b.startDate.localeCompare(a.startDate));

  return (
    <Card withBorder component="section" aria-labelledby="worker-assignments">
      <Title order={2} size="h4" mb="sm" id="worker-assignments">
        {t('workforce.worker.assignments')}
      </Title>
      {sorted.length === 0 ? (
        <Text c="dimmed">{t('workforce.worker.noAssignments')}</Text>
      ) : (
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {sorted.map((a) => {
            const current = a.startDate <= today && (a.endDate === null || a.endDate >= today);
            return (
              <li key={a.id} data-testid="assignment">
                <Group gap="xs">
                  <Text fw={500}>{a.facilityName}</Text>
                  <Text size="xs" c="dimmed">
                    {a.facilityCode}
                  </Text>
                  {current && (
                    <Badge size="sm" variant="light" tt="none">
                      {t('workforce.worker.current')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {a.position ? `${a.position} · ` : ''}
                  {a.endDate
                    ? t('workforce.worker.period', { from: i18n.date(a.startDate), to: i18n.date(a.endDate) })
                    : t('workforce.worker.since', { from: i18n.date(a.startDate) })}
                </Text>
              </li>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
