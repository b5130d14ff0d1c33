import { Alert, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type TrainingRecord, useTraining } from './api.ts';
import { trainingKindLabel } from './labels.ts';

function amount(record: TrainingRecord, i18n: ReturnType<typeof useI18n>): string {
  const parts: string[] = [];
  if (record.hours !== null)
    parts.push(i18n.t('workforce.training.hoursValue', { hours: i18n.number(record.hours) }));
  if (record.credits !== null)
    parts.push(i18n.t('workforce.training.creditsValue', { credits: i18n.number(record.credits) }));
  return parts.join(' · ');
}

/** A worker's training records, most recent first (GET /api/workers/:id/training). */
export function TrainingRecords({ workerId }: { workerId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const training = useTraining(workerId);
  const records = [...(training.data?.items ?? [])].sort((a, b) =>
    b.completedOn.localeCompare(a.completedOn),
  );

  return (
    <Card withBorder component="section" aria-labelledby="worker-training">
      <Title order={2} size="h4" mb="sm" id="worker-training">
        {t('workforce.training.title')}
      </Title>
      {training.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : training.isError ? (
        <Alert color="red">{errorText(training.error, i18n)}</Alert>
      ) : records.length === 0 ? (
        <Text c="dimmed">{t('workforce.training.empty')}</Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="training-list">
          {records.map((r) => (
            <li key={r.id} data-testid="training-record">
              <Text fw={500}>{r.course}</Text>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" c="dimmed">
                  {[i18n.date(r.completedOn), trainingKindLabel(t, r.kind), amount(r, i18n), r.provider]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Group>
              {r.certificateNumber && (
                <Text size="xs" c="dimmed">
                  {t('workforce.training.certificate')}: {r.certificateNumber}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
