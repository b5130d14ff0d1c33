import fs from 'node:fs';
import path from 'node:path';
import { Value } from 'typebox/value';
import { isTimeZone } from './dates.ts';
import { type CountryProfile, CountryProfileSchema } from './profile.schema.ts';
import { PROJECT_ROOT } from './project-root.ts';

export {
  CitizenIdSchema,
  type CountryProfile,
  CountryProfileSchema,
  type InsuranceProfile,
  InsuranceProfileSchema,
} from './profile.schema.ts';

const PROFILE_DIR = path.join(PROJECT_ROOT, 'protocols/profiles');
const cache = new Map<string, CountryProfile>();

/** Loads and validates a profile; a broken profile file stops the start with the path of the bad value. */
export function loadProfile(id: string): CountryProfile {
  const cached = cache.get(id);
  if (cached) return cached;
  const file = path.join(PROFILE_DIR, `${id}.json`);
  const profile = parseProfile(JSON.parse(fs.readFileSync(file, 'utf8')), file);
  cache.set(id, profile);
  return profile;
}

/** Checks a profile's shape and what its parts name (tiers, levels of care, kinds); errors name `file`. */
export function parseProfile(data: unknown, file: string): CountryProfile {
  if (!Value.Check(CountryProfileSchema, data)) {
    const first = [...Value.Errors(CountryProfileSchema, data)][0];
    throw new Error(`Country profile ${file} is invalid at ${first?.instancePath || '/'}: ${first?.message}`);
  }
  const profile = data as CountryProfile;
  checkReferences(profile, file);
  return profile;
}

function checkReferences(p: CountryProfile, file: string): void {
  if (!isTimeZone(p.timeZone))
    throw new Error(`Country profile ${file}: timeZone ${p.timeZone} is not an IANA time zone`);
  const tiers = new Set(p.tiers.map((t) => t.id));
  const careLevels = new Set((p.careLevels ?? []).map((l) => l.id));
  for (const k of p.facilityKinds) {
    if (!tiers.has(k.tier))
      throw new Error(`Country profile ${file}: kind ${k.id} names unknown tier ${k.tier}`);
    if (k.careLevel !== undefined && !careLevels.has(k.careLevel))
      throw new Error(`Country profile ${file}: kind ${k.id} names unknown level of care ${k.careLevel}`);
  }
  if (!p.areaLevels.some((l) => l.id === p.communeLevel)) {
    throw new Error(`Country profile ${file}: communeLevel ${p.communeLevel} is not an area level`);
  }
  checkInsuranceReferences(p, file, tiers, careLevels);
  if (p.catalogs?.levels === 'careLevels' && careLevels.size === 0)
    throw new Error(
      `Country profile ${file}: catalogs.levels names careLevels, which the profile does not list`,
    );
  if (p.stock) {
    if (p.stock.minMonths >= p.stock.maxMonths)
      throw new Error(`Country profile ${file}: stock.minMonths must be below stock.maxMonths`);
    for (const kind of p.stock.supplierKinds)
      if (!p.facilityKinds.some((k) => k.id === kind))
        throw new Error(
          `Country profile ${file}: stock.supplierKinds names ${kind}, which is not a facility kind`,
        );
  }
  for (const kind of p.communeStationKinds) {
    if (!p.facilityKinds.some((k) => k.id === kind))
      throw new Error(
        `Country profile ${file}: communeStationKinds names ${kind}, which is not a facility kind`,
      );
  }
}

function checkInsuranceReferences(
  p: CountryProfile,
  file: string,
  tiers: Set<string>,
  careLevels: Set<string>,
): void {
  const fail = (what: string) => {
    throw new Error(`Country profile ${file}: insurance ${what}`);
  };
  const { card, benefit, reimbursement, enrolment } = p.insurance;
  if (card && enrolment) fail('has both a card and an enrolment format: keep one');
  if (enrolment) {
    if (!reimbursement) fail('enrolment needs reimbursement schemes');
    for (const level of enrolment.insuredAreaLevels)
      if (!p.areaLevels.some((l) => l.id === level)) fail(`insuredAreaLevels names unknown level ${level}`);
  }
  if (card && benefit) {
    const levels = new Set(benefit.levels.map((l) => l.level));
    for (const g of card.groups)
      if (!levels.has(g.benefitLevel)) fail(`group ${g.code} names unknown level ${g.benefitLevel}`);
  }
  const child = card?.childWithoutCard;
  if (child && !card.groups.some((g) => g.code === child.beneficiaryGroup))
    fail(`childWithoutCard names unknown group ${child.beneficiaryGroup}`);
  if (benefit) {
    for (const kind of benefit.fullBenefitFacilityKinds)
      if (!p.facilityKinds.some((k) => k.id === kind))
        fail(`fullBenefitFacilityKinds names unknown kind ${kind}`);
    for (const tier of benefit.sameProvinceOnRouteTiers)
      if (!tiers.has(tier)) fail(`names unknown tier ${tier}`);
    for (const schedule of benefit.offRouteRates)
      for (const r of schedule.rates) {
        if (r.tier === undefined && r.careLevel === undefined)
          fail(`off-route rates from ${schedule.from}: a rate names neither a tier nor a level of care`);
        if (r.tier !== undefined && !tiers.has(r.tier)) fail(`off-route rates name unknown tier ${r.tier}`);
        if (r.careLevel !== undefined && !careLevels.has(r.careLevel))
          fail(`off-route rates name unknown level of care ${r.careLevel}`);
      }
  }
  for (const scheme of reimbursement?.schemes ?? [])
    for (const l of scheme.levels)
      if (!tiers.has(l.tier)) fail(`scheme ${scheme.id} names unknown tier ${l.tier}`);
}

/** The tier a facility kind belongs to, or undefined for a kind the profile does not know. */
export function tierOfKind(profile: CountryProfile, kind: string): string | undefined {
  return profile.facilityKinds.find((k) => k.id === kind)?.tier;
}

/** The level of care a facility kind usually has, or undefined where the profile grades none. */
export function careLevelOfKind(profile: CountryProfile, kind: string): string | undefined {
  return profile.facilityKinds.find((k) => k.id === kind)?.careLevel;
}
