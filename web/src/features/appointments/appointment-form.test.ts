import { describe, expect, test } from 'vitest';
import {
  type BookingValues,
  bookingBody,
  bookingProblems,
  cancelBody,
  rescheduleBody,
} from './appointment-form.ts';

const TODAY = '2026-12-07';
const v = (over: Partial<BookingValues>): BookingValues => ({
  date: '2026-12-14',
  time: '',
  reason: '',
  ...over,
});

describe('the booking checks (those of BookAppointmentBody)', () => {
  test.each([
    ['a week ahead', {}, {}],
    ['today', { date: TODAY }, {}],
    ['366 days ahead', { date: '2027-12-08' }, {}],
    ['367 days ahead', { date: '2027-12-09' }, { date: 'appointments.form.dateFar' }],
    ['yesterday', { date: '2026-12-06' }, { date: 'appointments.form.datePast' }],
    ['no day', { date: '' }, { date: 'validation.required' }],
    ['not a day', { date: '2026-02-30' }, { date: 'appointments.form.dateFormat' }],
    ['a time', { time: '08:30' }, {}],
    ['a time past 23:59', { time: '24:00' }, { time: 'appointments.form.timeFormat' }],
    ['a time without its colon', { time: '0830' }, { time: 'appointments.form.timeFormat' }],
    ['a reason of 500', { reason: 'x'.repeat(500) }, {}],
    ['a reason of 501', { reason: 'x'.repeat(501) }, { reason: 'validation.tooLong' }],
  ] as const)('%s', (_what, over, want) => {
    const found = bookingProblems(v(over), TODAY);
    expect(Object.fromEntries(Object.entries(found).map(([k, p]) => [k, p.key]))).toEqual(want);
  });
});

describe('the bodies', () => {
  test.each([
    [v({}), { id: 'a', date: '2026-12-14' }],
    [
      v({ time: ' 08:30 ', reason: ' Đo huyết áp ' }),
      { id: 'a', date: '2026-12-14', time: '08:30', reason: 'Đo huyết áp' },
    ],
  ])('booking %j', (values, body) => expect(bookingBody('a', values)).toEqual(body));

  test('a cancellation and a reschedule, each with why', () => {
    expect(cancelBody('m', ' Đã chuyển đi ')).toEqual({ id: 'm', reason: 'Đã chuyển đi', cancel: true });
    expect(rescheduleBody('m', 'r', { date: '2026-12-21', time: '' }, 'Bận')).toEqual({
      id: 'm',
      reason: 'Bận',
      rescheduleTo: { id: 'r', date: '2026-12-21' },
    });
  });
});
