import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { can, useSignedIn } from '../../api/session.ts';
import { errorText } from '../../components/api-errors.ts';
import { Loading } from '../../components/Loading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useResident } from '../residents/api.ts';
import { AmendPanel } from './AmendPanel.tsx';
import { type Appointment, useResidentAppointments } from './api.ts';
import { BookForm } from './BookForm.tsx';
import { STATE_COLOUR, stateKey, whenOf } from './labels.ts';

/**
 * A resident's appointments, for the station on a phone: each with its state today (booked,
 * attended, missed, cancelled, rescheduled), cancelling or moving a booked one, and booking a new one.
 */
export function ResidentAppointmentsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { id } = useParams();
  const session = useSignedIn();
  const resident = useResident(id);
  const appointments = useResidentAppointments(id);
  const canWrite = can(session, 'appointments.write') && resident.data?.status === 'active';

  if (resident.isPending) return <Loading />;
  if (resident.isError)
    return (
      <Alert color="red" role="alert">
        {errorText(resident.error, i18n)}
      </Alert>
    );
  const r = resident.data;
  return (
    <Stack maw={720}>
      <Anchor component={Link} to={`/residents/${r.id}`} size="sm">
        {t('appointments.back')}
      </Anchor>
      <div>
        <Title order={1} size="h2">
          {t('appointments.title')}
        </Title>
        <Text fw={600} data-testid="appointments-resident">
          {r.fullName}
        </Text>
      </div>
      <QueryState query={appointments}>
        {(list) =>
          list.items.length === 0 ? (
            <Text data-testid="appointments-none">{t('appointments.none')}</Text>
          ) : (
            <Stack
              component="ul"
              gap="xs"
              m={0}
              p={0}
              style={{ listStyle: 'none' }}
              data-testid="appointments"
            >
              {list.items.map((a) => (
                <AppointmentRow key={a.id} appointment={a} all={list.items} canWrite={canWrite} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      {canWrite && <BookForm residentId={r.id} />}
    </Stack>
  );
}

function AppointmentRow({
  appointment: a,
  all,
  canWrite,
}: {
  appointment: Appointment;
  all: readonly Appointment[];
  canWrite: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [action, setAction] = useState<'cancel' | 'reschedule' | null>(null);
  const replaced = a.replacesId ? all.find((x) => x.id === a.replacesId) : undefined;
  return (
    <Card
      withBorder
      component="li"
      padding="sm"
      data-testid="appointment"
      data-state={a.state}
      data-date={a.date}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600}>{whenOf(a, i18n)}</Text>
          <Text size="sm">{a.facility.name}</Text>
          {a.reason && <Text size="sm">{a.reason}</Text>}
          {replaced && (
            <Text size="xs" c="dimmed">
              {t('appointments.replaces', { date: i18n.date(replaced.date) })}
            </Text>
          )}
          {a.endedBy && (
            <Text size="xs" c="dimmed">
              {t('appointments.endedWhy', { reason: a.endedBy.reason })}
            </Text>
          )}
        </div>
        <Badge color={STATE_COLOUR[a.state]} data-testid="appointment-state">
          {t(stateKey(a.state))}
        </Badge>
      </Group>
      {canWrite && a.state === 'booked' && action === null && (
        <Group gap="xs" mt="xs">
          <Button size="xs" variant="light" onClick={() => setAction('reschedule')} data-testid="reschedule">
            {t('appointments.reschedule')}
          </Button>
          <Button
            size="xs"
            variant="light"
            color="red"
            onClick={() => setAction('cancel')}
            data-testid="cancel"
          >
            {t('appointments.cancel')}
          </Button>
        </Group>
      )}
      {action && <AmendPanel appointment={a} action={action} onDone={() => setAction(null)} />}
    </Card>
  );
}
