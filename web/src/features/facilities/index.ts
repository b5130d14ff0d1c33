import { createElement, lazy } from 'react';
import type { Feature } from '../../app/feature.ts';
import { CapacityHomeCard } from './CapacityHomeCard.tsx';

const read = 'facilities.read';

/** The facility network: list, map, a facility's page, and the area's capacity against the plan. */
export const facilitiesFeature: Feature = {
  routes: [
    {
      path: 'facilities',
      permission: read,
      Page: lazy(() => import('./FacilityListPage.tsx').then((m) => ({ default: m.FacilityListPage }))),
    },
    {
      path: 'facilities/:id',
      permission: read,
      Page: lazy(() => import('./FacilityPage.tsx').then((m) => ({ default: m.FacilityPage }))),
    },
    {
      path: 'facility-map',
      permission: read,
      Page: lazy(() => import('./FacilityMapPage.tsx').then((m) => ({ default: m.FacilityMapPage }))),
    },
    {
      path: 'capacity',
      permission: 'capacity.read',
      Page: lazy(() => import('./CapacityPage.tsx').then((m) => ({ default: m.CapacityPage }))),
    },
  ],
  nav: [
    { to: '/facilities', label: 'facilities.nav.list', permission: read, order: 20 },
    { to: '/facility-map', label: 'facilities.nav.map', permission: read, order: 21 },
    { to: '/capacity', label: 'facilities.nav.capacity', permission: 'capacity.read', order: 22 },
  ],
  homeCards: [
    {
      id: 'facilities.capacity',
      permission: 'capacity.read',
      roles: ['province', 'district', 'insurance', 'admin'],
      order: 10,
      render: () => createElement(CapacityHomeCard),
    },
  ],
};
