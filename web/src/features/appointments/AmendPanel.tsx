import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useToday } from '../../api/profile.ts';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Appointment, newId, useAmendAppointment } from './api.ts';
import { bookingProblems, cancelBody, rescheduleBody } from './appointment-form.ts';

/**
 * Cancels an appointment or moves it to another day, with why. The amendment's and the replacement's
 * ids are made once per panel, so a resend after a lost answer is the same amendment.
 */
export function AmendPanel({
  appointment,
  action,
  onDone,
}: {
  appointment: Appointment;
  action: 'cancel' | 'reschedule';
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = useToday();
  const amend = useAmendAppointment();
  const [ids] = useState(() => ({ amendment: newId(), replacement: newId() }));
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState(appointment.time ?? '');
  const [problems, setProblems] = useState<{ date?: string; time?: string; reason?: string }>({});

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const p: { date?: string; time?: string; reason?: string } = {};
    if (reason.trim() === '') p.reason = t('validation.required');
    if (action === 'reschedule') {
      const b = bookingProblems({ date, time, reason: '' }, today);
      if (b.date) p.date = t(b.date.key, b.date.params);
      if (b.time) p.time = t(b.time.key, b.time.params);
    }
    setProblems(p);
    if (Object.keys(p).length > 0) return;
    const body =
      action === 'cancel'
        ? cancelBody(ids.amendment, reason)
        : rescheduleBody(ids.amendment, ids.replacement, { date, time }, reason);
    amend.mutate({ id: appointment.id, body }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate data-testid={`amend-${action}`}>
      <Stack gap="xs" mt="xs">
        {amend.isError && (
          <Alert color="red" role="alert">
            {errorText(amend.error, i18n)}
          </Alert>
        )}
        {action === 'reschedule' && (
          <Group grow>
            <TextInput
              type="date"
              label={t('appointments.field.date')}
              min={today}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={problems.date}
              data-testid="amend-date"
            />
            <TextInput
              type="time"
              label={t('appointments.field.time')}
              value={time}
              onChange={(e) => setTime(e.currentTarget.value)}
              error={problems.time}
            />
          </Group>
        )}
        <TextInput
          label={t('appointments.field.why')}
          required
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={problems.reason}
          data-testid="amend-reason"
        />
        <Group gap="xs">
          <Button type="submit" color={action === 'cancel' ? 'red' : undefined} loading={amend.isPending}>
            {action === 'cancel' ? t('appointments.confirmCancel') : t('appointments.confirmReschedule')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('appointments.close')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
