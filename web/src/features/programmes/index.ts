import { createElement, lazy, Suspense } from 'react';
import type { Feature } from '../../app/feature.ts';

const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const TodayHomeCard = page(() => import('./TodayHomeCard.tsx'), 'TodayHomeCard');

/**
 * Care programmes: today's list (call, record the outcome) with its home card for the people who do
 * the calling (the card stays away when the server does not answer the worklist), a child's vaccinations (what is due, a dose, the doses not counted and why)
 * opened from the resident's page or a row of the list, and the programme figures for managers.
 */
export const programmesFeature: Feature = {
  routes: [
    {
      path: 'worklist',
      permission: 'care.read',
      Page: page(() => import('./WorklistPage.tsx'), 'WorklistPage'),
    },
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
    { to: '/worklist', label: 'programmes.nav.worklist', permission: 'care.read', order: 5 },
    { to: '/programmes/figures', label: 'programmes.nav.figures', permission: 'programmes.read', order: 22 },
  ],
  homeCards: [
    {
      id: 'programmes-today',
      permission: 'care.read',
      roles: ['station', 'doctor', 'vhw'],
      order: 1,
      render: () => createElement(Suspense, { fallback: null }, createElement(TodayHomeCard)),
    },
  ],
};
