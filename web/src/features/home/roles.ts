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

/** The catalog key of a role's name; an unknown role (added on the server later) shows its id. */
export function roleLabelKey(role: string): MessageKey | undefined {
  return ROLE_LABELS[role];
}
