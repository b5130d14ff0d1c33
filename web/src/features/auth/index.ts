import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

export const authFeature: Feature = {
  routes: [
    {
      path: 'account/password',
      Page: lazy(() => import('./ChangePasswordPage.tsx').then((m) => ({ default: m.ChangePasswordPage }))),
    },
  ],
  nav: [],
};
