import { type CountryProfile, careLevelOfKind, tierOfKind } from '../../platform/profile.ts';
import { FACILITY_STATUSES, type FacilityStatus, OWNERSHIPS, type Ownership } from './facilities.enums.ts';

/**
 * The rules of the facility network as pure functions of the profile and plain data: what a valid
 * code, kind and level of care are, which tier a kind sits in, which level of care a facility has, who
 * may manage whom, and how a status may change.
 */

/** A problem with one input field, named without its prefix (`code`, `kind` ...). */
export interface FacilityRuleError {
  field: string;
  message: string;
}

/** Checks the official code against the profile's pattern (VN: the 5-character insurance code). */
export function checkFacilityCode(profile: CountryProfile, code: string): FacilityRuleError[] {
  return new RegExp(profile.facilityCodePattern).test(code)
    ? []
    : [{ field: 'code', message: `must be ${profile.facilityCodeHint} (${profile.facilityCodePattern})` }];
}

/** Checks a facility kind against the profile and returns its tier when known. */
export function checkFacilityKind(
  profile: CountryProfile,
  kind: string,
): { tier: string; errors: [] } | { tier: undefined; errors: FacilityRuleError[] } {
  const tier = tierOfKind(profile, kind);
  if (tier) return { tier, errors: [] };
  const known = profile.facilityKinds.map((k) => k.id).join(', ');
  return {
    tier: undefined,
    errors: [{ field: 'kind', message: `must be one of the profile's kinds: ${known}` }],
  };
}

/** Where a facility's level of care comes from: its own classification, its kind's usual level, or none. */
export type CareLevelSource = 'facility' | 'kind';

/**
 * Checks a level of care against the profile's `careLevels`. A profile without levels of care (CN)
 * refuses every value; the message lists the allowed ids either way.
 */
export function checkCareLevel(profile: CountryProfile, careLevel: string): FacilityRuleError[] {
  const known = (profile.careLevels ?? []).map((l) => l.id);
  if (known.includes(careLevel)) return [];
  return [
    {
      field: 'careLevel',
      message:
        known.length > 0
          ? `must be one of the profile's levels of care: ${known.join(', ')}`
          : `is not allowed: the ${profile.id} profile grades no levels of care (allowed ids: none)`,
    },
  ];
}

/**
 * A facility's level of care: its own classification when it has one, else the level its kind usually
 * has, else none; with where it comes from, so a reader can tell a classification from a default.
 *
 * @example
 * effectiveCareLevel(vn, 'district_health_centre', null) // => { careLevel: 'basic', careLevelSource: 'kind' }
 */
export function effectiveCareLevel(
  profile: CountryProfile,
  kind: string,
  own: string | null,
): { careLevel: string | null; careLevelSource: CareLevelSource | null } {
  if (own !== null) return { careLevel: own, careLevelSource: 'facility' };
  const ofKind = careLevelOfKind(profile, kind);
  return ofKind === undefined
    ? { careLevel: null, careLevelSource: null }
    : { careLevel: ofKind, careLevelSource: 'kind' };
}

/** The profile's facility kinds whose usual level of care is `careLevel`. */
export function kindsWithCareLevel(profile: CountryProfile, careLevel: string): string[] {
  return profile.facilityKinds.filter((k) => k.careLevel === careLevel).map((k) => k.id);
}

export function isOwnership(value: string): value is Ownership {
  return (OWNERSHIPS as readonly string[]).includes(value);
}

export function isStatus(value: string): value is FacilityStatus {
  return (FACILITY_STATUSES as readonly string[]).includes(value);
}

/**
 * Whether making `managerId` the manager of `facilityId` closes a loop. `managerChain` is the chain of
 * management from the proposed manager upwards (the manager first, then its manager, ...).
 *
 * @example
 * createsManagementCycle('chs', ['dhc', 'chs']) // => true: chs would manage dhc which manages chs
 */
export function createsManagementCycle(facilityId: string, managerChain: string[]): boolean {
  return managerChain.includes(facilityId);
}

/**
 * Checks a status change: it must change something, and it cannot take effect before the last
 * recorded change (the history is a timeline). Dates are 'YYYY-MM-DD', which compare as strings.
 */
export function checkStatusChange(change: {
  current: FacilityStatus;
  next: FacilityStatus;
  lastEffectiveOn: string | null;
  effectiveOn: string;
}): { kind: 'same' | 'before_last'; message: string } | null {
  if (change.current === change.next) {
    return { kind: 'same', message: `The facility is already ${change.next.replaceAll('_', ' ')}` };
  }
  if (change.lastEffectiveOn && change.effectiveOn < change.lastEffectiveOn) {
    return {
      kind: 'before_last',
      message: `must not be before the last recorded change (${change.lastEffectiveOn})`,
    };
  }
  return null;
}

/** Splits a services cell (`a; b;c`) into distinct, trimmed, non-empty names, in file order. */
export function parseServices(cell: string | undefined): string[] {
  if (!cell) return [];
  return [...new Set(cell.split(';').map((s) => s.trim()))].filter((s) => s.length > 0);
}
