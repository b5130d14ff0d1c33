import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

/**
 * The catalogues (diagnoses, medicines, services with their prices) and the pickers other screens
 * use to choose from them (the visit screen: DiagnosisPicker, MedicinePicker, ServicePicker).
 */
export const catalogFeature: Feature = {
  routes: [
    {
      path: 'catalog',
      permission: 'catalog.read',
      Page: lazy(() => import('./CataloguePage.tsx').then((m) => ({ default: m.CataloguePage }))),
    },
  ],
  nav: [{ to: '/catalog', label: 'catalog.nav', permission: 'catalog.read', order: 60 }],
};

export type { CatalogDiagnosis, CatalogMedicine, CatalogService } from './api.ts';
export { DiagnosisPicker, MedicinePicker, ServicePicker } from './Pickers.tsx';
