import { createElement, lazy } from 'react';
import type { Feature } from '../../app/feature.ts';
import { GapsHomeCard } from './GapsHomeCard.tsx';

/**
 * What the station can do: its services and equipment against the standard (the station ticks what
 * it offers and counts its equipment), and the area's gap table for districts and provinces.
 */
export const capabilitiesFeature: Feature = {
  routes: [
    {
      path: 'station-capabilities',
      permission: 'services.read',
      Page: lazy(() =>
        import('./StationCapabilitiesPage.tsx').then((m) => ({ default: m.StationCapabilitiesPage })),
      ),
    },
    {
      path: 'capabilities',
      permission: 'services.read',
      Page: lazy(() => import('./GapsPage.tsx').then((m) => ({ default: m.GapsPage }))),
    },
  ],
  nav: [
    {
      to: '/station-capabilities',
      label: 'capabilities.nav.station',
      permission: 'services.write',
      order: 24,
    },
    { to: '/capabilities', label: 'capabilities.nav.gaps', permission: 'services.read', order: 23 },
  ],
  homeCards: [
    {
      id: 'capabilities.gaps',
      permission: 'services.read',
      roles: ['province', 'district'],
      order: 12,
      render: () => createElement(GapsHomeCard),
    },
  ],
};
