import { describe, expect, test } from 'vitest';
import { appointmentState, checkBooking } from './appointments.rules.ts';

const TODAY = '2026-12-02';

describe('booking a day', () => {
  test.each([
    { date: TODAY, time: undefined, fields: [] },
    { date: '2026-12-09', time: '08:30', fields: [] },
    { date: '2027-12-03', time: undefined, fields: [] }, // 366 days ahead
    { date: '2027-12-04', time: undefined, fields: ['b.date'] },
    { date: '2026-12-01', time: undefined, fields: ['b.date'] },
    { date: '2026-12-03', time: '24:00', fields: ['b.time'] },
    { date: '2026-12-03', time: '8:30', fields: ['b.time'] },
    { date: '2026-11-30', time: 'noon', fields: ['b.date', 'b.time'] },
  ])('$date $time: $fields', ({ date, time, fields }) =>
    expect(checkBooking({ date, time }, TODAY, 'b').map((e) => e.field)).toEqual(fields),
  );
});

describe("an appointment's state", () => {
  test.each([
    { date: '2026-12-05', endedBy: null, visited: false, want: 'booked' },
    { date: TODAY, endedBy: null, visited: false, want: 'booked' },
    { date: TODAY, endedBy: null, visited: true, want: 'attended' },
    { date: '2026-12-01', endedBy: null, visited: false, want: 'missed' },
    { date: '2026-12-01', endedBy: null, visited: true, want: 'attended' },
    { date: '2026-12-01', endedBy: 'cancel', visited: false, want: 'cancelled' },
    { date: '2026-12-05', endedBy: 'reschedule', visited: false, want: 'rescheduled' },
    { date: '2026-12-01', endedBy: 'reschedule', visited: true, want: 'rescheduled' },
  ] as const)('on $date, ended by $endedBy, visited $visited: $want', ({ date, endedBy, visited, want }) =>
    expect(appointmentState({ date, endedBy }, visited, TODAY)).toBe(want),
  );
});
