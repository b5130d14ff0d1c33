import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Timeline } from './api.ts';
import { flagLabel, frequencyLabel, medicineName, nameIn, observationLabel, unitLabel } from './labels.ts';
import { lastValues } from './timeline-charts.ts';

/**
 * What the worker needs in view while recording: the last values, the medicines the resident takes
 * now, and the problem list. Leaves out the visit being recorded.
 */
export function LastTimePanel({ timeline, encounterId }: { timeline: Timeline; encounterId?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  // The last visit seen through: another open one (a visit begun elsewhere today) is not last time.
  const last = timeline.visits.find((v) => v.id !== encounterId && v.status !== 'open');
  const values = lastValues(timeline, encounterId);
  const problems = timeline.problems.filter((p) => p.status === 'active');
  return (
    <Card withBorder component="section" aria-labelledby="last-title" data-testid="last-time">
      <Title order={2} size="h4" id="last-title" mb="xs">
        {t('care.last.title')}
        {last ? ` · ${i18n.date(last.date)}` : ''}
      </Title>
      <Stack gap="sm">
        {!last && <Text c="dimmed">{t('care.last.none')}</Text>}
        {values.length > 0 && (
          <Group gap="xs" data-testid="last-values">
            {values.map((v) => (
              <Badge
                key={v.key}
                size="lg"
                variant={v.flag ? 'filled' : 'light'}
                color={v.flag ? 'red' : 'gray'}
                style={{ textTransform: 'none' }}
                title={i18n.date(v.date)}
              >
                {observationLabel(v.key, i18n)} {i18n.number(v.value, 1)} {unitLabel(v.unit, i18n)}
                {v.flag ? ` · ${flagLabel(v.flag, i18n)}` : ''}
              </Badge>
            ))}
          </Group>
        )}
        <div>
          <Text size="sm" fw={600}>
            {t('care.problems.title')}
          </Text>
          {problems.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('care.problems.none')}
            </Text>
          ) : (
            <Group gap="xs" data-testid="problems">
              {problems.map((p) => (
                <Badge
                  key={p.id}
                  variant="light"
                  size="lg"
                  h="auto"
                  py={4}
                  style={{ textTransform: 'none' }}
                  styles={{ label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } }}
                >
                  {p.code} {nameIn(p.names, i18n)}
                </Badge>
              ))}
            </Group>
          )}
        </div>
        <div>
          <Text size="sm" fw={600}>
            {t('care.current.title')}
          </Text>
          {timeline.currentMedicines.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('care.current.none')}
            </Text>
          ) : (
            <Stack
              gap={2}
              component="ul"
              style={{ margin: 0, paddingLeft: 18 }}
              data-testid="current-medicines"
            >
              {timeline.currentMedicines.map((m) => (
                <Text component="li" size="sm" key={m.prescriptionId}>
                  {medicineName(m.medicine)}:{' '}
                  {t('care.current.until', {
                    dose: i18n.number(m.dose, 2),
                    unit: m.medicine.unit,
                    frequency: frequencyLabel(m.frequency, i18n),
                    date: i18n.date(m.endsOn),
                  })}
                </Text>
              ))}
            </Stack>
          )}
        </div>
      </Stack>
    </Card>
  );
}
