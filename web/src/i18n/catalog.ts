import { appointmentsMessages } from '../features/appointments/appointments.messages.ts';
import { authMessages } from '../features/auth/auth.messages.ts';
import { capabilitiesMessages } from '../features/capabilities/capabilities.messages.ts';
import { careMessages } from '../features/care/care.messages.ts';
import { catalogMessages } from '../features/catalog/catalog.messages.ts';
import { facilitiesMessages } from '../features/facilities/facilities.messages.ts';
import { homeMessages } from '../features/home/home.messages.ts';
import { programmesMessages } from '../features/programmes/programmes.messages.ts';
import { residentsMessages } from '../features/residents/residents.messages.ts';
import { stockMessages } from '../features/stock/stock.messages.ts';
import { workforceMessages } from '../features/workforce/workforce.messages.ts';
import { commonMessages } from './common.messages.ts';
import type { Locale } from './locales.ts';
import { profileMessages } from './profile.messages.ts';

/** Every feature's catalog. A new feature adds its `*.messages.ts` here. */
export const CATALOGS = [
  commonMessages,
  profileMessages,
  authMessages,
  homeMessages,
  facilitiesMessages,
  workforceMessages,
  residentsMessages,
  careMessages,
  capabilitiesMessages,
  catalogMessages,
  stockMessages,
  programmesMessages,
  appointmentsMessages,
] as const;

type KeysOfEach<T> = T extends unknown ? keyof T & string : never;

/** Every message key of every feature: `t('facilities.title')` is checked by the compiler. */
export type MessageKey = KeysOfEach<(typeof CATALOGS)[number]['en']>;

/** One flat catalog per language, merged from the features' catalogs. */
export const MESSAGES = Object.fromEntries(
  (['vi', 'zh', 'en'] as const).map((locale) => [
    locale,
    Object.assign({}, ...CATALOGS.map((catalog) => catalog[locale])) as Record<MessageKey, string>,
  ]),
) as Record<Locale, Record<MessageKey, string>>;
