import { Alert, Anchor, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useToday } from '../../api/profile.ts';
import { useSignedIn } from '../../api/session.ts';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useFacilityCalendar } from './api.ts';
import { sessionLabel } from './labels.ts';
import { ownFacility } from './own-facility.ts';
import { addDays, dayMonth, mondayOf, weekdayName } from './week.ts';
import { entriesFromCalendar, placeName } from './week-entries.ts';

/** Home card of station staff and doctors: the district doctors who come to their station this week. */
export function StationRotationCard() {
  const today = useToday();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const session = useSignedIn();
  const facility = ownFacility(session);
  const monday = mondayOf(today);
  const calendar = useFacilityCalendar(facility, monday, addDays(monday, 6));
  const coming = calendar.data ? entriesFromCalendar(calendar.data).filter((e) => e.role === 'host') : [];

  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="home-station-rotations"
      data-testid="home-rotations"
    >
      <Title order={2} size="h4" id="home-station-rotations">
        {t('workforce.home.stationTitle')}
      </Title>
      {calendar.data && (
        <Text size="sm" c="dimmed" mb="xs">
          {calendar.data.facility.name}
        </Text>
      )}
      {calendar.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : calendar.isError ? (
        <Alert color="red">{errorText(calendar.error, i18n)}</Alert>
      ) : coming.length === 0 ? (
        <Text c="dimmed">{t('workforce.home.none')}</Text>
      ) : (
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {coming.map((e) => (
            <li key={`${e.rotationId}-${e.date}`} data-testid="home-rotation">
              <Text size="sm">
                <Text span fw={600}>
                  {weekdayName(locale, e.date)} {dayMonth(locale, e.date)}
                </Text>
                {[
                  '',
                  e.workerName,
                  sessionLabel(t, e.session),
                  placeName(e) && t('workforce.rotations.comesFrom', { facility: placeName(e) ?? '' }),
                ]
                  .filter((part) => part !== null)
                  .join(' · ')}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      <Anchor component={Link} to="/workforce/rotations" size="sm" mt="sm" display="block">
        {t('workforce.home.openCalendar')}
      </Anchor>
    </Card>
  );
}
