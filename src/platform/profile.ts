import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Type, { type Static } from 'typebox';
import { Value } from 'typebox/value';

/**
 * A country profile: what differs between countries is data (area levels, tiers, facility kinds,
 * cadres, qualifications, targets), never `if (country === 'VN')` branches.
 */
export const CountryProfileSchema = Type.Object({
  id: Type.String(),
  country: Type.String({ minLength: 2, maxLength: 2 }),
  name: Type.String(),
  locale: Type.String(),
  currency: Type.String({ minLength: 3, maxLength: 3 }),
  areaLevels: Type.Array(
    Type.Object({ id: Type.String(), codePattern: Type.String(), label: Type.String() }),
    {
      minItems: 1,
    },
  ),
  communeLevel: Type.String(),
  facilityCodePattern: Type.String(),
  facilityCodeHint: Type.String(),
  tiers: Type.Array(Type.Object({ id: Type.String(), rank: Type.Integer(), label: Type.String() }), {
    minItems: 1,
  }),
  facilityKinds: Type.Array(Type.Object({ id: Type.String(), tier: Type.String(), label: Type.String() }), {
    minItems: 1,
  }),
  communeStationKind: Type.String(),
  cadres: Type.Array(
    Type.Object({ id: Type.String(), label: Type.String(), isDoctor: Type.Optional(Type.Boolean()) }),
    { minItems: 1 },
  ),
  qualifications: Type.Array(
    Type.Object({
      id: Type.String(),
      rank: Type.Integer(),
      label: Type.String(),
      bachelorOrAbove: Type.Boolean(),
    }),
    { minItems: 1 },
  ),
  capacityTargets: Type.Array(
    Type.Object({ year: Type.Integer(), bedsPer10k: Type.Number(), doctorsPer10k: Type.Number() }),
  ),
});

export type CountryProfile = Static<typeof CountryProfileSchema>;

const PROFILE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../protocols/profiles');
const cache = new Map<string, CountryProfile>();

/** Loads and validates a profile; a broken profile file stops the start with the path of the bad value. */
export function loadProfile(id: string): CountryProfile {
  const cached = cache.get(id);
  if (cached) return cached;
  const file = path.join(PROFILE_DIR, `${id}.json`);
  const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Value.Check(CountryProfileSchema, data)) {
    const first = [...Value.Errors(CountryProfileSchema, data)][0];
    throw new Error(`Country profile ${file} is invalid at ${first?.instancePath || '/'}: ${first?.message}`);
  }
  const profile = data as CountryProfile;
  checkReferences(profile, file);
  cache.set(id, profile);
  return profile;
}

function checkReferences(p: CountryProfile, file: string): void {
  const tiers = new Set(p.tiers.map((t) => t.id));
  for (const k of p.facilityKinds) {
    if (!tiers.has(k.tier))
      throw new Error(`Country profile ${file}: kind ${k.id} names unknown tier ${k.tier}`);
  }
  if (!p.areaLevels.some((l) => l.id === p.communeLevel)) {
    throw new Error(`Country profile ${file}: communeLevel ${p.communeLevel} is not an area level`);
  }
  if (!p.facilityKinds.some((k) => k.id === p.communeStationKind)) {
    throw new Error(
      `Country profile ${file}: communeStationKind ${p.communeStationKind} is not a facility kind`,
    );
  }
}

/** The tier a facility kind belongs to, or undefined for a kind the profile does not know. */
export function tierOfKind(profile: CountryProfile, kind: string): string | undefined {
  return profile.facilityKinds.find((k) => k.id === kind)?.tier;
}
