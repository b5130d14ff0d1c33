import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useToday } from '../../api/profile.ts';
import { useSignedIn } from '../../api/session.ts';
import { addDays, isIsoDate } from '../../calendar.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useFacilityAppointments } from './api.ts';
import { STATE_COLOUR, stateKey, whenOf } from './labels.ts';

/** How far back the missed ones are looked for. */
const MISSED_DAYS = 30;

/**
 * The appointments at the user's facility: a day's (today by default), or the missed ones of the 30
 * days before it, each leading to the resident.
 */
export function FacilityDayPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const today = useToday();
  const session = useSignedIn();
  const facility = session.roles.find((r) => r.facility)?.facility;
  const [day, setDay] = useState(today);
  const [show, setShow] = useState<'day' | 'missed'>('day');
  const on = isIsoDate(day) ? day : today;
  const query =
    show === 'day'
      ? { from: on, to: on }
      : { from: addDays(on, -MISSED_DAYS), to: addDays(on, -1), state: 'missed' as const };
  const list = useFacilityAppointments(facility?.id, query);

  if (!facility)
    return (
      <Alert color="yellow" role="status">
        {t('appointments.day.noFacility')}
      </Alert>
    );
  return (
    <Stack maw={720}>
      <div>
        <Title order={1} size="h2">
          {t('appointments.day.title')}
        </Title>
        <Text fw={600}>{facility.name}</Text>
      </div>
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t('appointments.day.day')}
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
          data-testid="day-date"
        />
        <SegmentedControl
          aria-label={t('appointments.day.show')}
          value={show}
          onChange={(v) => setShow(v as 'day' | 'missed')}
          data={[
            { value: 'day', label: t('appointments.day.all') },
            { value: 'missed', label: t('appointments.day.missed') },
          ]}
          data-testid="day-show"
        />
      </Group>
      <QueryState query={list}>
        {(answer) => (
          <>
            <Text size="sm" data-testid="day-counts">
              {t('appointments.day.counts', {
                booked: answer.counts.booked ?? 0,
                attended: answer.counts.attended ?? 0,
                missed: answer.counts.missed ?? 0,
              })}
            </Text>
            {answer.items.length === 0 ? (
              <Text data-testid="appointments-none">{t('appointments.none')}</Text>
            ) : (
              <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} data-testid="day-list">
                {answer.items.map((a) => (
                  <Card
                    key={a.id}
                    withBorder
                    component="li"
                    padding="sm"
                    data-testid="day-appointment"
                    data-state={a.state}
                  >
                    <Group justify="space-between" wrap="nowrap">
                      <div>
                        <Anchor component={Link} to={`/residents/${a.residentId}/appointments`} fw={600}>
                          {a.residentName ?? a.residentId}
                        </Anchor>
                        <Text size="sm">{whenOf(a, i18n)}</Text>
                        {a.reason && <Text size="sm">{a.reason}</Text>}
                      </div>
                      <Badge color={STATE_COLOUR[a.state]}>{t(stateKey(a.state))}</Badge>
                    </Group>
                  </Card>
                ))}
              </Stack>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
