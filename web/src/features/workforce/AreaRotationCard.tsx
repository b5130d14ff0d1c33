import { Alert, Anchor, Card, Loader, Progress, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useToday } from '../../api/profile.ts';
import { useSignedIn } from '../../api/session.ts';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRotationCoverage } from './api.ts';

/** Home card of district and province managers: how many commune stations have a rotating doctor this week. */
export function AreaRotationCard() {
  const today = useToday();
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSignedIn();
  const area = session.roles.find((r) => r.area)?.area?.id;
  const coverage = useRotationCoverage(area, today);
  const figures = coverage.data?.rotation;

  return (
    <Card withBorder component="section" aria-labelledby="home-area-rotations" data-testid="home-rotations">
      <Title order={2} size="h4" id="home-area-rotations" mb="xs">
        {t('workforce.home.districtTitle')}
      </Title>
      {coverage.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : coverage.isError ? (
        <Alert color="red">{errorText(coverage.error, i18n)}</Alert>
      ) : figures ? (
        <>
          <Text size="xl" fw={700} data-testid="rotation-coverage">
            {t('workforce.home.coverage', {
              count: figures.withRotatingDoctor,
              total: figures.communeStations,
            })}
          </Text>
          <Progress
            mt="xs"
            value={figures.communeStations ? (100 * figures.withRotatingDoctor) / figures.communeStations : 0}
            aria-label={t('workforce.home.districtTitle')}
          />
        </>
      ) : null}
      <Anchor component={Link} to="/workforce/rotations" size="sm" mt="sm" display="block">
        {t('workforce.home.openCalendar')}
      </Anchor>
    </Card>
  );
}
