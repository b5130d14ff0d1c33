import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

/**
 * The medicines shelf: a station's stock and alerts with its receive, adjust and count forms; the
 * requisition flow (station: suggested order, send, receive; district: approve, ship); the district's
 * roll-up of every station's alerts.
 */
export const stockFeature: Feature = {
  routes: [
    {
      path: 'stock',
      permission: 'stock.read',
      Page: lazy(() => import('./ShelfPage.tsx').then((m) => ({ default: m.ShelfPage }))),
    },
    {
      path: 'stock/district',
      permission: 'stock.read',
      Page: lazy(() => import('./DistrictStockPage.tsx').then((m) => ({ default: m.DistrictStockPage }))),
    },
    {
      path: 'requisitions',
      permission: 'stock.read',
      Page: lazy(() => import('./RequisitionsPage.tsx').then((m) => ({ default: m.RequisitionsPage }))),
    },
  ],
  nav: [
    { to: '/stock', label: 'stock.nav.shelf', permission: 'stock.dispense', order: 25 },
    { to: '/stock/district', label: 'stock.nav.district', permission: 'requisitions.approve', order: 26 },
    { to: '/requisitions', label: 'stock.nav.requisitions', permission: 'stock.read', order: 27 },
  ],
};
