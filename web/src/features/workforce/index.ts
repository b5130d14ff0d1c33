import { createElement, lazy } from 'react';
import type { Feature } from '../../app/feature.ts';
import { AreaRotationCard } from './AreaRotationCard.tsx';
import { StationRotationCard } from './StationRotationCard.tsx';

/** Staff lists, a worker's page with training records, and the week calendar of rotating doctors. */
export const workforceFeature: Feature = {
  routes: [
    {
      path: 'workforce/workers',
      permission: 'workers.read',
      Page: lazy(() => import('./StaffListPage.tsx').then((m) => ({ default: m.StaffListPage }))),
    },
    {
      path: 'workforce/workers/:id',
      permission: 'workers.read',
      Page: lazy(() => import('./WorkerPage.tsx').then((m) => ({ default: m.WorkerPage }))),
    },
    {
      path: 'workforce/rotations',
      permission: 'rotations.read',
      Page: lazy(() => import('./RotationsPage.tsx').then((m) => ({ default: m.RotationsPage }))),
    },
  ],
  nav: [
    { to: '/workforce/workers', label: 'workforce.nav.staff', permission: 'workers.read', order: 30 },
    {
      to: '/workforce/rotations',
      label: 'workforce.nav.rotations',
      permission: 'rotations.read',
      order: 31,
    },
  ],
  homeCards: [
    {
      id: 'workforce.station-rotations',
      permission: 'rotations.read',
      roles: ['station', 'doctor'],
      order: 20,
      render: () => createElement(StationRotationCard),
    },
    {
      id: 'workforce.area-rotations',
      permission: 'capacity.read',
      roles: ['district', 'province'],
      order: 20,
      render: () => createElement(AreaRotationCard),
    },
  ],
};
