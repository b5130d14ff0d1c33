import fs from 'node:fs';
import path from 'node:path';
import Type, { type Static } from 'typebox';
import { Value } from 'typebox/value';
import { isTimeZone } from './dates.ts';
import { PROJECT_ROOT } from './project-root.ts';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Percent = Type.Number({ minimum: 0, maximum: 100 });

/**
 * How citizen identity numbers are written and checked. `format` picks the checker in
 * residents/identity.rules.ts; `regionCodes` are the leading codes a real number can start with
 * (VN: the 3-digit province-of-birth code; CN: the 2-digit province of the 6-digit area code).
 */
export const CitizenIdSchema = Type.Object({
  format: Type.Union([Type.Literal('vn-cccd'), Type.Literal('cn-resident-id')]),
  label: Type.String(),
  regionCodes: Type.Array(Type.String({ pattern: '^\\d{2,3}$' }), { minItems: 1 }),
});

/** A card-number scheme: beneficiary groups and the benefit digit each one carries (VN BHYT). */
const InsuranceCardSchema = Type.Object({
  pattern: Type.String(),
  label: Type.String(),
  provinceCodes: Type.Array(
    Type.Object({
      code: Type.String({ pattern: '^\\d{2}$' }),
      label: Type.String(),
      keptElsewhere: Type.Optional(
        Type.Object(
          { agencyCode: Type.String({ pattern: '^\\d{3}$' }), note: Type.Optional(Type.String()) },
          {
            description:
              "Cards of this code are kept by another social security body (VN 97 defence, 98 police): the agency's answer for them",
          },
        ),
      ),
    }),
    { minItems: 1 },
  ),
  groups: Type.Array(
    Type.Object({
      code: Type.String({ pattern: '^[A-Z]{2}$' }),
      benefitLevel: Type.Integer(),
      label: Type.String(),
    }),
    { minItems: 1 },
  ),
  /**
   * A child under this age with no card is covered on birth papers or a citizen id, as the named group
   * (VN: under 6, group TE); the agency answers with its own code (130).
   */
  childWithoutCard: Type.Optional(
    Type.Object({
      underAgeYears: Type.Integer({ minimum: 1, maximum: 18 }),
      beneficiaryGroup: Type.String({ pattern: '^[A-Z]{2}$' }),
      agencyCode: Type.String({ pattern: '^\\d{3}$' }),
    }),
  ),
});

/**
 * Off-route rates (percent of the card's rate), in force from a date. A rate names a facility tier
 * (the old law's tuyến), a level of care (the amended law's cấp), or both (a level for facilities that
 * were of that tier before): the rate naming the most that the facility matches applies.
 */
const OffRouteScheduleSchema = Type.Object({
  from: IsoDate,
  note: Type.Optional(Type.String()),
  rates: Type.Array(
    Type.Object({
      tier: Type.Optional(Type.String()),
      careLevel: Type.Optional(Type.String()),
      outpatient: Percent,
      inpatient: Percent,
    }),
    { minItems: 1 },
  ),
});

/** Benefit rules at the point of care (VN): every figure an administrator may have to correct. */
const InsuranceBenefitSchema = Type.Object({
  /** The insurer's share by benefit level; a level may change on a date (`from`), the latest step applies. */
  levels: Type.Array(
    Type.Object({
      level: Type.Integer(),
      percent: Percent,
      from: Type.Optional(IsoDate),
      note: Type.Optional(Type.String()),
    }),
    { minItems: 1 },
  ),
  baseSalary: Type.Array(Type.Object({ from: IsoDate, amount: Type.Number({ exclusiveMinimum: 0 }) }), {
    minItems: 1,
  }),
  lowCostPercentOfBaseSalary: Percent,
  fullBenefitFacilityKinds: Type.Array(Type.String()),
  sameProvinceOnRouteTiers: Type.Array(Type.String()),
  /** The date those tiers opened within the province (VN: 2016-01-01, thông tuyến huyện); always, if absent. */
  sameProvinceOnRouteFrom: Type.Optional(IsoDate),
  offRouteRates: Type.Array(OffRouteScheduleSchema, { minItems: 1 }),
});

/** A basic medical insurance scheme (CN): deductible and reimbursement ratio by facility tier. */
const ReimbursementSchemeSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  levels: Type.Array(
    Type.Object({ tier: Type.String(), deductible: Type.Number({ minimum: 0 }), ratioPercent: Percent }),
    { minItems: 1 },
  ),
});

/**
 * An enrolment in a scheme (CN basic medical insurance): the scheme (one of `reimbursement.schemes`)
 * and the insured area that runs it (an area at one of `insuredAreaLevels`). `number` is given when
 * the scheme has its own member number; without it the citizen id is the key. A visit outside the
 * insured area is refused unless `outsideInsuredArea.covered` or the visit is of an excepted kind.
 */
const InsuranceEnrolmentSchema = Type.Object({
  label: Type.String(),
  insuredAreaLevels: Type.Array(Type.String(), { minItems: 1 }),
  number: Type.Optional(Type.Object({ pattern: Type.String(), label: Type.String() })),
  outsideInsuredArea: Type.Object({
    covered: Type.Boolean(),
    exceptVisitKinds: Type.Array(Type.String()),
    note: Type.Optional(Type.String()),
  }),
});

export const InsuranceProfileSchema = Type.Object({
  coverageTargets: Type.Array(Type.Object({ year: Type.Integer(), percent: Percent })),
  card: Type.Optional(InsuranceCardSchema),
  enrolment: Type.Optional(InsuranceEnrolmentSchema),
  benefit: Type.Optional(InsuranceBenefitSchema),
  reimbursement: Type.Optional(
    Type.Object({
      note: Type.Optional(Type.String()),
      schemes: Type.Array(ReimbursementSchemeSchema, { minItems: 1 }),
    }),
  ),
});

export type InsuranceProfile = Static<typeof InsuranceProfileSchema>;

/**
 * A country profile: what differs between countries is data (area levels, tiers, facility kinds,
 * cadres, qualifications, targets), never `if (country === 'VN')` branches.
 */
export const CountryProfileSchema = Type.Object({
  id: Type.String(),
  country: Type.String({ minLength: 2, maxLength: 2 }),
  name: Type.String(),
  locale: Type.String(),
  /**
   * The IANA time zone the country keeps (Asia/Ho_Chi_Minh, Asia/Shanghai): "today", day boundaries,
   * weeks and quarters are the country's, never UTC's (at 06:30 in Hanoi it is already today).
   */
  timeZone: Type.String({ minLength: 1 }),
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
  /**
   * Levels of care (VN from 2025-07-01: primary, basic, specialised), where the country grades
   * facilities by level as well as by tier. A facility is classified on its own; its kind gives the
   * usual level.
   */
  careLevels: Type.Optional(
    Type.Array(Type.Object({ id: Type.String(), rank: Type.Integer(), label: Type.String() }), {
      minItems: 1,
    }),
  ),
  facilityKinds: Type.Array(
    Type.Object({
      id: Type.String(),
      tier: Type.String(),
      label: Type.String(),
      careLevel: Type.Optional(
        Type.String({ description: 'The level of care a facility of this kind usually has' }),
      ),
    }),
    { minItems: 1 },
  ),
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
  citizenId: CitizenIdSchema,
  insurance: InsuranceProfileSchema,
});

export type CountryProfile = Static<typeof CountryProfileSchema>;

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
  if (!p.facilityKinds.some((k) => k.id === p.communeStationKind)) {
    throw new Error(
      `Country profile ${file}: communeStationKind ${p.communeStationKind} is not a facility kind`,
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
