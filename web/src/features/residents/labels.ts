import type { MessageKey } from '../../i18n/catalog.ts';
import type { I18n } from '../../i18n/i18n.tsx';
import type { Relationship, Resident, ResidentStatus, Sex } from './api.ts';

/** Catalog keys of the registry's ids; an id the server adds later shows as itself. */
const SEX: Record<Sex, MessageKey> = {
  male: 'residents.sex.male',
  female: 'residents.sex.female',
  other: 'residents.sex.other',
};
const RELATIONSHIP: Record<Relationship, MessageKey> = {
  head: 'residents.relationship.head',
  spouse: 'residents.relationship.spouse',
  child: 'residents.relationship.child',
  parent: 'residents.relationship.parent',
  grandchild: 'residents.relationship.grandchild',
  sibling: 'residents.relationship.sibling',
  other: 'residents.relationship.other',
};
const STATUS: Record<ResidentStatus, MessageKey> = {
  active: 'residents.status.active',
  moved_away: 'residents.status.moved_away',
  deceased: 'residents.status.deceased',
};

function label<K extends string>(
  table: Record<K, MessageKey>,
  id: string | null,
  i18n: Pick<I18n, 't'>,
): string {
  if (!id) return '';
  const key = (table as Record<string, MessageKey | undefined>)[id];
  return key ? i18n.t(key) : id;
}

export const sexLabel = (sex: string | null, i18n: Pick<I18n, 't'>) => label(SEX, sex, i18n);
export const relationshipLabel = (r: string | null, i18n: Pick<I18n, 't'>) => label(RELATIONSHIP, r, i18n);
export const statusLabel = (s: string | null, i18n: Pick<I18n, 't'>) => label(STATUS, s, i18n);

/** "12 Apr 1990", or "born 1990" when only the year is known, or "" when nothing is. */
export function birthLabel(
  r: Pick<Resident, 'birthDate' | 'birthYear' | 'birthDatePrecision'>,
  i18n: Pick<I18n, 't' | 'date'>,
): string {
  if (r.birthDatePrecision === 'day' && r.birthDate) return i18n.date(r.birthDate);
  if (r.birthYear) return i18n.t('residents.bornIn', { year: r.birthYear });
  return '';
}
