import type { MessageKey } from '../../i18n/catalog.ts';
import type { Appointment, AppointmentState } from './api.ts';

/** A state's words and colour. */
export const stateKey = (s: AppointmentState): MessageKey => `appointments.state.${s}`;
export const STATE_COLOUR: Record<AppointmentState, string> = {
  booked: 'blue',
  attended: 'green',
  missed: 'red',
  cancelled: 'gray',
  rescheduled: 'gray',
};

/** The day and time of an appointment in words. */
export function whenOf(
  a: Pick<Appointment, 'date' | 'time'>,
  i18n: { t: (k: MessageKey, p?: Record<string, string | number>) => string; date: (d: string) => string },
): string {
  const date = i18n.date(a.date);
  return a.time ? i18n.t('appointments.at', { date, time: a.time }) : date;
}
