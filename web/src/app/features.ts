import { appointmentsFeature } from '../features/appointments/index.ts';
import { authFeature } from '../features/auth/index.ts';
import { capabilitiesFeature } from '../features/capabilities/index.ts';
import { careFeature } from '../features/care/index.ts';
import { catalogFeature } from '../features/catalog/index.ts';
import { facilitiesFeature } from '../features/facilities/index.ts';
import { programmesFeature } from '../features/programmes/index.ts';
import { residentsFeature } from '../features/residents/index.ts';
import { stockFeature } from '../features/stock/index.ts';
import { workforceFeature } from '../features/workforce/index.ts';
import type { Feature } from './feature.ts';

/** Every feature of the web app. A new feature folder adds itself here. */
export const FEATURES: Feature[] = [
  authFeature,
  facilitiesFeature,
  residentsFeature,
  workforceFeature,
  careFeature,
  capabilitiesFeature,
  catalogFeature,
  stockFeature,
  programmesFeature,
  appointmentsFeature,
];
