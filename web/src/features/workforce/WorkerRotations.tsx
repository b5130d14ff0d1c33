import { Alert, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { useToday } from '../../api/profile.ts';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRotations } from './api.ts';
import { sessionLabel } from './labels.ts';
import { addYears, mondayOf, weekDates, weekdayName } from './week.ts';

/** The worker's rotations from this week on: where, which weekdays, which session, for how long. */
export function WorkerRotations({ workerId }: { workerId: string }) {
  const today = useToday();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const from = mondayOf(today);
  const rotations = useRotations({ worker: workerId, from, to: addYears(from, 1) });
  const names = weekDates(from).map((d) => weekdayName(locale, d, 'short'));

  return (
    <Card withBorder component="section" aria-labelledby="worker-rotations">
      <Title order={2} size="h4" mb="sm" id="worker-rotations">
        {t('workforce.worker.rotations')}
      </Title>
      {rotations.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : rotations.isError ? (
        <Alert color="red">{errorText(rotations.error, i18n)}</Alert>
      ) : rotations.data.length === 0 ? (
        <Text c="dimmed">{t('workforce.worker.noRotations')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {rotations.data.map((r) => (
            <li key={r.id}>
              <Text fw={500}>{t('workforce.rotations.atStation', { facility: r.hostFacility.name })}</Text>
              <Text size="sm" c="dimmed">
                {[
                  r.weekdays.map((d) => names[d - 1]).join(', '),
                  sessionLabel(t, r.session),
                  t('workforce.worker.period', { from: i18n.date(r.startDate), to: i18n.date(r.endDate) }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
