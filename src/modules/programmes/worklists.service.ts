import type { CountryProfile } from '../../platform/profile.ts';
import type { ProgrammeList } from './programmes.schema.ts';
import { familyOf, programmesOf } from './protocols.ts';

/** GET /api/programmes: the profile's programmes in its order, each with every version's items. */
export function programmeList(profile: CountryProfile): ProgrammeList {
  return {
    programmes: programmesOf(profile).map((p) => ({
      id: p.id,
      kind: p.kind,
      names: p.names,
      source: p.source,
      items: familyOf(p).items(p),
    })),
  };
}
