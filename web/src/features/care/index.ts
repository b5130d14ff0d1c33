import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

/**
 * Care at the station: opening a visit from the resident's page, the visit screen (measurements,
 * diagnoses, prescriptions, the close with its bill and dispensing, corrections), and the resident's
 * health timeline. No menu entry: a visit starts from a resident.
 */
export const careFeature: Feature = {
  routes: [
    {
      path: 'residents/:id/visit',
      permission: 'care.write',
      Page: page(() => import('./OpenVisitPage.tsx'), 'OpenVisitPage'),
    },
    {
      path: 'residents/:id/timeline',
      permission: 'care.read',
      Page: page(() => import('./TimelinePage.tsx'), 'TimelinePage'),
    },
    {
      path: 'visits/:id',
      permission: 'care.read',
      Page: page(() => import('./VisitPage.tsx'), 'VisitPage'),
    },
  ],
  nav: [],
};
