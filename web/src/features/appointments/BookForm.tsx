import { Alert, Button, Card, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useToday } from '../../api/profile.ts';
import { errorText } from '../../components/api-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { newId, useBookAppointment } from './api.ts';
import {
  type BookingValues,
  bookingBody,
  bookingProblems,
  emptyBooking,
  REASON_MAX,
} from './appointment-form.ts';

/**
 * Books an appointment at the user's facility. The appointment's UUID v7 is made once per booking, so
 * a resend after a lost answer is the same booking; a saved one starts the next under a new id.
 */
export function BookForm({ residentId }: { residentId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = useToday();
  const book = useBookAppointment(residentId);
  const [id, setId] = useState(newId);
  const [values, setValues] = useState<BookingValues>(emptyBooking);
  const [problems, setProblems] = useState<Partial<Record<keyof BookingValues, string>>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const field = (name: keyof BookingValues) => ({
    value: values[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
      setValues({ ...values, [name]: e.currentTarget.value }),
    error: problems[name],
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const found = bookingProblems(values, today);
    setProblems(Object.fromEntries(Object.entries(found).map(([k, p]) => [k, t(p.key, p.params)])));
    if (Object.keys(found).length > 0) return;
    book.mutate(bookingBody(id, values), {
      onSuccess: (a) => {
        setSaved(t('appointments.booked', { date: i18n.date(a.date) }));
        setId(newId());
        setValues(emptyBooking());
      },
    });
  };

  return (
    <Card withBorder component="section" aria-labelledby="book-title">
      <Title order={2} size="h4" mb="sm" id="book-title">
        {t('appointments.book')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="book-form">
        <Stack>
          {saved && (
            <Alert color="green" role="status" data-testid="book-saved">
              {saved}
            </Alert>
          )}
          {book.isError && (
            <Alert color="red" role="alert" data-testid="form-error">
              {errorText(book.error, i18n)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              type="date"
              label={t('appointments.field.date')}
              required
              min={today}
              data-testid="book-date"
              {...field('date')}
            />
            <TextInput
              type="time"
              label={t('appointments.field.time')}
              data-testid="book-time"
              {...field('time')}
            />
          </SimpleGrid>
          <TextInput
            label={t('appointments.field.reason')}
            maxLength={REASON_MAX}
            data-testid="book-reason"
            {...field('reason')}
          />
          <Button type="submit" loading={book.isPending} data-testid="book-submit">
            {t('appointments.book')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
