import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

/**
 * Appointments: a resident's (booked, attended, missed, cancelled, rescheduled; book, cancel,
 * reschedule), opened from the resident's page, and the facility's day with the missed ones.
 */
export const appointmentsFeature: Feature = {
  routes: [
    {
      path: 'residents/:id/appointments',
      permission: 'appointments.read',
      Page: page(() => import('./ResidentAppointmentsPage.tsx'), 'ResidentAppointmentsPage'),
    },
    {
      path: 'appointments',
      permission: 'appointments.read',
      Page: page(() => import('./FacilityDayPage.tsx'), 'FacilityDayPage'),
    },
  ],
  nav: [{ to: '/appointments', label: 'appointments.nav', permission: 'appointments.read', order: 6 }],
};
