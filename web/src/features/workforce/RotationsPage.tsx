import { Alert, Button, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import { useToday } from '../../api/profile.ts';
import { can, useSignedIn } from '../../api/session.ts';
import { errorText } from '../../components/api-errors.ts';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useFacilityCalendar, useRotations } from './api.ts';
import { ownFacility, picksStations } from './own-facility.ts';
import { ScheduleRotationForm } from './ScheduleRotationForm.tsx';
import { StationPicker } from './StationPicker.tsx';
import { WeekGrid } from './WeekGrid.tsx';
import { addDays, weekDates, weekFromParam, weekRange } from './week.ts';
import { entriesFromCalendar, entriesFromRotations, type WeekEntry } from './week-entries.ts';

/**
 * The week calendar of rotating district doctors: one station's (as host, and as home of doctors who go
 * out), or every station of the manager's area. `?facility=<id>&week=<any day of the week>`.
 */
export function RotationsPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const session = useSignedIn();
  const [params, setParams] = useSearchParams();
  const [scheduling, { toggle: toggleScheduling }] = useDisclosure(false);
  const today = useToday();
  const monday = weekFromParam(params.get('week'), today);
  const sunday = addDays(monday, 6);
  const dates = weekDates(monday);
  const pickable = picksStations(session);
  const facility = params.get('facility') || (pickable ? undefined : ownFacility(session));

  const calendar = useFacilityCalendar(facility, monday, sunday);
  const area = useRotations({ from: monday, to: sunday }, !facility);
  const query = facility ? calendar : area;
  const entries: WeekEntry[] = facility
    ? calendar.data
      ? entriesFromCalendar(calendar.data)
      : []
    : area.data
      ? entriesFromRotations(area.data, monday, sunday)
      : [];

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: name === 'facility' });
  };
  const goToWeek = (day: string | undefined) => setParam('week', day);

  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          {t('workforce.rotations.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('workforce.rotations.intro')}
        </Text>
      </div>
      {pickable && (
        <StationPicker
          value={facility}
          current={calendar.data?.facility}
          onChange={(id) => setParam('facility', id)}
        />
      )}
      {!pickable && calendar.data && (
        <Text fw={500} data-testid="calendar-facility">
          {calendar.data.facility.name}
        </Text>
      )}
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h4" data-testid="week-range" aria-live="polite">
          {t('workforce.rotations.weekOf', { range: weekRange(locale, monday) })}
        </Title>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" size="xs" onClick={() => goToWeek(addDays(monday, -7))}>
            {t('workforce.rotations.previousWeek')}
          </Button>
          <Button
            variant="default"
            size="xs"
            onClick={() => goToWeek(undefined)}
            disabled={monday === weekFromParam(null, today)}
          >
            {t('workforce.rotations.thisWeek')}
          </Button>
          <Button variant="default" size="xs" onClick={() => goToWeek(addDays(monday, 7))}>
            {t('workforce.rotations.nextWeek')}
          </Button>
        </Group>
      </Group>
      {query.isPending && query.fetchStatus !== 'idle' ? (
        <Loading />
      ) : query.isError ? (
        <Alert color="red" role="alert">
          {errorText(query.error, i18n)}
        </Alert>
      ) : (
        <>
          {entries.length === 0 && (
            <Text c="dimmed" data-testid="week-empty">
              {t('workforce.rotations.emptyWeek')}
            </Text>
          )}
          <WeekGrid dates={dates} entries={entries} today={today} />
        </>
      )}
      {can(session, 'rotations.write') && (
        <Stack gap="xs">
          <Button
            variant="light"
            onClick={toggleScheduling}
            aria-expanded={scheduling}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('workforce.rotations.schedule')}
          </Button>
          <Collapse expanded={scheduling}>
            <ScheduleRotationForm key={facility ?? 'all'} hostFacilityId={facility} monday={monday} />
          </Collapse>
        </Stack>
      )}
    </Stack>
  );
}
