import type { CountryProfile } from '../../api/profile.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { CatalogDiagnosis, CatalogMedicine, CatalogService } from './api.ts';

/** A diagnosis's name in the reader's language (English when that one is empty). */
export function diagnosisName(d: Pick<CatalogDiagnosis, 'names'>, locale: Locale): string {
  return d.names[locale] || d.names.en;
}

/** What a picker shows for one result: code, name and, for a medicine, strength, form and unit. */
export function diagnosisLabel(d: CatalogDiagnosis, locale: Locale): string {
  return `${d.code} · ${diagnosisName(d, locale)}`;
}

export function medicineLabel(m: CatalogMedicine): string {
  return `${m.name} ${m.strength} · ${m.dosageForm} · ${m.unit} (${m.code})`;
}

export function serviceLabel(s: CatalogService): string {
  return `${s.name} · ${s.unit} (${s.code})`;
}

/** The label of a level id the catalogue names (the profile's careLevels, or its tiers: `catalogs.levels`). */
export function levelLabel(profile: CountryProfile | undefined, id: string): string {
  const list =
    profile?.catalogs?.levels === 'tiers' ? profile.tiers : (profile?.careLevels ?? profile?.tiers ?? []);
  return list.find((l) => l.id === id)?.label ?? id;
}

const ROUTES = [
  'oral',
  'intravenous',
  'intramuscular',
  'subcutaneous',
  'inhalation',
  'sublingual',
  'rectal',
  'vaginal',
  'topical',
  'ophthalmic',
  'otic',
  'nasal',
  'local',
] as const;

/** The message key of a route of administration the catalogue names, or null for one it does not know. */
export function routeKey(route: string): `catalog.route.${(typeof ROUTES)[number]}` | null {
  return (ROUTES as readonly string[]).includes(route)
    ? (`catalog.route.${route}` as `catalog.route.${(typeof ROUTES)[number]}`)
    : null;
}
