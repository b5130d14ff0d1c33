import type { MessageKey } from '../../i18n/catalog.ts';

const ROLE_LABELS: Record<string, MessageKey> = {
  admin: 'role.admin',
  province: 'role.province',
  district: 'role.district',
  station: 'role.station',
  doctor: 'role.doctor',
  vhw: 'role.vhw',
  insurance: 'role.insurance',
};

/**
 * A role's name where the area it is held in is of another level than the role's name says: the
 * role ids are the same in every country (`province`, `district`), while a CN login for `province`
 * works at the prefecture (地级市) and one for `district` at the county; the profile's level id of the
 * user's area picks the name.
 */
const ROLE_AT_LEVEL: Record<string, Record<string, MessageKey>> = {
  province: { prefecture: 'role.province.prefecture' },
  district: { county: 'role.district.county' },
};

/**
 * The catalog key of a role's name, by the level of the area it is held in when the catalog names
 * the role at that level; an unknown role (added on the server later) has none and shows its id.
 */
export function roleLabelKey(role: string, areaLevel?: string | null): MessageKey | undefined {
  return (areaLevel ? ROLE_AT_LEVEL[role]?.[areaLevel] : undefined) ?? ROLE_LABELS[role];
}
