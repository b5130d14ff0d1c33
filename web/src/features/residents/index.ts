import { createElement, lazy, Suspense } from 'react';
import type { Feature } from '../../app/feature.ts';
import { insuranceRecordOf, insuranceWord } from './insurance-words.ts';

const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const ResidentsHomeCard = page(() => import('./ResidentsHomeCard.tsx'), 'ResidentsHomeCard');

/** The population registry's screens: search, registration, a resident's page, imports and exports. */
export const residentsFeature: Feature = {
  routes: [
    {
      path: 'residents',
      permission: 'residents.read',
      Page: page(() => import('./SearchPage.tsx'), 'SearchPage'),
    },
    {
      path: 'residents/new',
      permission: 'residents.write',
      Page: page(() => import('./RegisterPage.tsx'), 'RegisterPage'),
    },
    {
      path: 'residents/import',
      permission: 'registry.import',
      Page: page(() => import('./ImportPage.tsx'), 'ImportPage'),
    },
    {
      path: 'residents/expiring',
      permission: 'insurance.read',
      Page: page(() => import('./ExpiringPage.tsx'), 'ExpiringPage'),
    },
    {
      path: 'insurance/check',
      permission: 'insurance.read',
      Page: page(() => import('./CardCheckPage.tsx'), 'CardCheckPage'),
    },
    {
      path: 'residents/:id',
      permission: 'residents.read',
      Page: page(() => import('./ResidentPage.tsx'), 'ResidentPage'),
    },
  ],
  nav: [
    { to: '/residents', label: 'residents.nav.search', permission: 'residents.read', order: 10 },
    { to: '/residents/new', label: 'residents.nav.register', permission: 'residents.write', order: 11 },
    { to: '/residents/import', label: 'residents.nav.import', permission: 'registry.import', order: 12 },
    {
      to: '/insurance/check',
      label: (profile) => insuranceWord(insuranceRecordOf(profile), 'residents.nav.check'),
      permission: 'insurance.read',
      order: 13,
    },
  ],
  homeCards: [
    {
      id: 'residents-search',
      permission: 'residents.read',
      roles: ['station', 'doctor', 'vhw'],
      order: 0,
      render: () => createElement(Suspense, { fallback: null }, createElement(ResidentsHomeCard)),
    },
  ],
};
