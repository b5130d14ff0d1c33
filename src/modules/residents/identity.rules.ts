import { isIsoDate } from '../../platform/dates.ts';
import type { CountryProfile } from '../../platform/profile.ts';

/**
 * Citizen identity numbers as pure functions of the country profile. The profile names the format
 * (`citizenId.format`) and the region codes a real number can start with; this file holds the
 * arithmetic of each format.
 *
 * - `vn-cccd`: the 12-digit chip citizen ID (Circular 59/2021/TT-BCA art. 7): digits 1-3 the
 *   province of birth (0 + the 2-digit province code), digit 4 century and sex (0/1 born 1900-1999
 *   male/female, 2/3 2000-2099, 4/5 2100-2199, 6/7 2200-2299, 8/9 2300-2399), digits 5-6 the last
 *   two digits of the birth year, digits 7-12 a random number.
 * - `cn-resident-id`: the 18-character resident ID (GB 11643-1999): a 6-digit area code, the birth
 *   date YYYYMMDD, a 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check
 *   character (0-9 or X).
 */

export type Sex = 'male' | 'female';

/** What the caller knows about the person, to cross-check against the number when given. */
export interface CitizenIdFacts {
  sex?: Sex;
  birthYear?: number;
  /** 'YYYY-MM-DD'; also gives the birth year. */
  birthDate?: string;
}

export type CitizenIdResult =
  | { ok: true; normalised: string; sex: Sex; birthYear: number; birthDate?: string }
  | { ok: false; reason: string };

/**
 * Validates a citizen identity number for the profile's country and returns it normalised (spaces,
 * dots and dashes removed; a Chinese check character x upper-cased) with the sex and birth year it
 * encodes; optionally cross-checks them against what is known of the person.
 *
 * @example
 * validateCitizenId(vn, '056 0 90 123456') // => { ok: true, normalised: '056090123456', sex: 'male', birthYear: 1990 }
 * validateCitizenId(cn, '11010519491231002x') // => { ok: true, normalised: '11010519491231002X', ... }
 */
export function validateCitizenId(
  profile: CountryProfile,
  value: string,
  facts: CitizenIdFacts = {},
): CitizenIdResult {
  const normalised = value.replace(/[\s.-]/g, '').toUpperCase();
  const decoded =
    profile.citizenId.format === 'vn-cccd'
      ? decodeVnCccd(normalised, profile.citizenId.regionCodes)
      : decodeCnResidentId(normalised, profile.citizenId.regionCodes);
  if (!decoded.ok) return decoded;
  const mismatch = crossCheck(decoded, facts);
  return mismatch ? { ok: false, reason: mismatch } : { ...decoded, normalised };
}

type Decoded = { ok: true; sex: Sex; birthYear: number; birthDate?: string } | { ok: false; reason: string };

/** Century and sex by the 4th digit of a CCCD: digit d means century 1900 + 100 * floor(d / 2). */
function decodeVnCccd(id: string, regionCodes: readonly string[]): Decoded {
  if (!/^\d{12}$/.test(id)) return { ok: false, reason: 'must be 12 digits' };
  if (!regionCodes.includes(id.slice(0, 3))) {
    return { ok: false, reason: `digits 1-3 (${id.slice(0, 3)}) are not a province-of-birth code` };
  }
  const centuryDigit = Number(id[3]);
  const birthYear = 1900 + 100 * Math.floor(centuryDigit / 2) + Number(id.slice(4, 6));
  return { ok: true, sex: centuryDigit % 2 === 0 ? 'male' : 'female', birthYear };
}

const MOD11_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const MOD11_CHECK = '10X98765432';

/** The ISO 7064 MOD 11-2 check character of the first 17 digits of a Chinese resident ID. */
export function cnCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (MOD11_WEIGHTS[i] ?? 0);
  return MOD11_CHECK[sum % 11] ?? '';
}

function decodeCnResidentId(id: string, regionCodes: readonly string[]): Decoded {
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'must be 17 digits and a check digit or X' };
  if (!regionCodes.includes(id.slice(0, 2))) {
    return { ok: false, reason: `area code ${id.slice(0, 6)} is not in a known province` };
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birthDate)) return { ok: false, reason: `birth date ${id.slice(6, 14)} is not a real date` };
  if (cnCheckCharacter(id) !== id[17]) return { ok: false, reason: 'check digit does not match' };
  return {
    ok: true,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    birthYear: Number(id.slice(6, 10)),
    birthDate,
  };
}

function crossCheck(decoded: { sex: Sex; birthYear: number; birthDate?: string }, facts: CitizenIdFacts) {
  if (facts.sex && facts.sex !== decoded.sex) return `encodes sex ${decoded.sex}, not ${facts.sex}`;
  const year = facts.birthYear ?? (facts.birthDate ? Number(facts.birthDate.slice(0, 4)) : undefined);
  if (year !== undefined && year !== decoded.birthYear) {
    return `encodes birth year ${decoded.birthYear}, not ${year}`;
  }
  if (facts.birthDate && decoded.birthDate && facts.birthDate !== decoded.birthDate) {
    return `encodes birth date ${decoded.birthDate}, not ${facts.birthDate}`;
  }
  return undefined;
}
