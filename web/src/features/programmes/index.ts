import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

/**
 * Care programmes: a child's vaccinations (what is due, a dose, the doses not counted and why), opened
 * from the resident's page, and the programme figures of an area for managers.
 */
export const programmesFeature: Feature = {
  routes: [
    {
      path: 'programmes/figures',
      permission: 'programmes.read',
      Page: page(() => import('./FiguresPage.tsx'), 'FiguresPage'),
    },
    {
      path: 'residents/:id/vaccinations',
      permission: 'care.read',
      Page: page(() => import('./VaccinationsPage.tsx'), 'VaccinationsPage'),
    },
  ],
  nav: [
    { to: '/programmes/figures', label: 'programmes.nav.figures', permission: 'programmes.read', order: 22 },
  ],
};
