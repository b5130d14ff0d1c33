import { Anchor, Card, Loader, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useHomeArea } from '../facilities/api.ts';
import { useCapabilities } from './api.ts';

/** A manager's home card: the share of the standard's services the area's stations offer (seed 000). */
export function GapsHomeCard() {
  const i18n = useI18n();
  const { t } = i18n;
  const home = useHomeArea();
  const report = useCapabilities(home.area?.code);
  const r = report.data?.rollUp;
  return (
    <Card withBorder data-testid="capabilities-home-card">
      <Text fw={600} mb="xs">
        {t('capabilities.gaps.title')}
      </Text>
      {report.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : report.isError || !r ? (
        <Text size="sm" c="red.9">
          {errorText(report.error, i18n)}
        </Text>
      ) : (
        <Stack gap={4}>
          <Text size="sm">
            {t('capabilities.home.services', {
              share: r.services.share === null ? '–' : i18n.percent(r.services.share),
              stations: r.stations,
            })}
          </Text>
          <Text size="sm">
            {t('capabilities.home.equipment', {
              share: r.equipment.share === null ? '–' : i18n.percent(r.equipment.share),
            })}
          </Text>
        </Stack>
      )}
      <Anchor component={Link} to="/capabilities" size="sm" mt="sm">
        {t('capabilities.home.open')}
      </Anchor>
    </Card>
  );
}
