import { MESSAGES, type MessageKey } from '../../i18n/catalog.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type CountryProfile, useProfile } from './api.ts';

type Group =
  | 'kind'
  | 'tier'
  | 'careLevel'
  | 'status'
  | 'ownership'
  | 'service'
  | 'cadre'
  | 'qualification'
  | 'level';

/** `facilities.kind.commune_health_station`, `profile.cadre.nurse` and the like, if the catalog has that id. */
function keyFor(group: Group, id: string): MessageKey | undefined {
  // Cadres and qualifications are named once for every screen, in the profile catalog.
  const prefix = group === 'cadre' || group === 'qualification' ? 'profile' : 'facilities';
  const key = `${prefix}.${group}.${id}`;
  return key in MESSAGES.en ? (key as MessageKey) : undefined;
}

/** The profile's own label for an id we have no translation of (it is in the country's language). */
function profileLabel(profile: CountryProfile | undefined, group: Group, id: string): string | undefined {
  if (!profile) return undefined;
  const lists: Partial<Record<Group, readonly { id: string; label: string }[]>> = {
    kind: profile.facilityKinds,
    tier: profile.tiers,
    careLevel: profile.careLevels,
    cadre: profile.cadres,
    qualification: profile.qualifications,
    level: profile.areaLevels,
  };
  const list = lists[group] ?? [];
  return list.find((x) => x.id === id)?.label;
}

/** Labels of profile ids in the reader's language, falling back to the profile's label, then the id. */
export function useLabels() {
  const { t } = useI18n();
  const { data: profile } = useProfile();
  const label = (group: Group) => (id: string) => {
    const key = keyFor(group, id);
    if (key) return t(key);
    return profileLabel(profile, group, id) ?? id.replaceAll('_', ' ');
  };
  return {
    kind: label('kind'),
    tier: label('tier'),
    careLevel: label('careLevel'),
    status: label('status'),
    ownership: label('ownership'),
    service: label('service'),
    cadre: label('cadre'),
    qualification: label('qualification'),
    level: label('level'),
  };
}

export type Labels = ReturnType<typeof useLabels>;
