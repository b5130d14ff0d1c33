import { Anchor, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useToday } from '../../api/profile.ts';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCapacity, useHomeArea } from './api.ts';

/** A manager's home card: the area's beds and doctors per 10,000 against the plan's target. */
export function CapacityHomeCard() {
  const today = useToday();
  const i18n = useI18n();
  const { t, number } = i18n;
  const home = useHomeArea();
  const year = Number(today.slice(0, 4));
  const report = useCapacity(home.area?.code, year);
  const line = (label: string, value: number | null, target: number | undefined) => (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size="sm">{label}</Text>
      <Text
        size="sm"
        fw={600}
        c={target !== undefined && value !== null && value < target ? 'red.9' : 'teal.9'}
      >
        {t('facilities.home.valueOfTarget', {
          value: value === null ? '–' : number(value, 1),
          target: target === undefined ? '–' : number(target, 1),
        })}
      </Text>
    </Group>
  );

  return (
    <Card withBorder data-testid="capacity-home-card">
      <Text fw={600} mb="xs">
        {home.area ? t('facilities.home.title', { area: home.area.name }) : t('facilities.capacity.title')}
      </Text>
      {report.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : report.isError ? (
        <Text size="sm" c="red.9">
          {errorText(report.error, i18n)}
        </Text>
      ) : (
        <Stack gap={4}>
          {line(t('facilities.capacity.bedsPer10k'), report.data.bedsPer10k, report.data.target?.bedsPer10k)}
          {line(
            t('facilities.capacity.doctorsPer10k'),
            report.data.doctorsPer10k,
            report.data.target?.doctorsPer10k,
          )}
          {report.data.target && (
            <Text size="xs" c="gray.7">
              {t('facilities.home.targetYear', { year: report.data.target.year })}
            </Text>
          )}
        </Stack>
      )}
      <Anchor component={Link} to="/capacity" size="sm" mt="sm">
        {t('facilities.home.open')}
      </Anchor>
    </Card>
  );
}
