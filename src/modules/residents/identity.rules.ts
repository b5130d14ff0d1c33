import { isIsoDate } from '../../platform/dates.ts';
import type { Sex } from '../../platform/sex.enums.ts';

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

/** The sex a number encodes: male or female. */
export type EncodedSex = Exclude<Sex, 'other'>;

/** The profile's rule for citizen ids (`citizenId` of the country profile). */
export interface CitizenIdRule {
  format: string;
  regionCodes: readonly string[];
}

/** What the caller knows about the person, to cross-check against the number when given. */
export interface CitizenIdFacts {
  /** Only male and female are checked ('other' or nothing: no check). */
  sex?: string;
  birthYear?: number;
  /** 'YYYY-MM-DD'; also gives the birth year. */
  birthDate?: string;
}

/** The first thing wrong with a number, as data: the server words it, the web app translates it. */
export type CitizenIdProblem =
  | { kind: 'length'; digits: number }
  | { kind: 'region'; code: string }
  | { kind: 'notADate'; digits: string }
  | { kind: 'checkDigit' }
  | { kind: 'sex'; encoded: EncodedSex; given: string }
  | { kind: 'birthYear'; encoded: number; given: number }
  | { kind: 'birthDate'; encoded: string; given: string };

export type CitizenIdResult =
  | { ok: true; normalised: string; sex: EncodedSex; birthYear: number; birthDate?: string }
  | { ok: false; reason: string; problem: CitizenIdProblem };

/** Spaces, dots and dashes dropped; a Chinese check character upper-cased. */
export function normaliseCitizenId(value: string): string {
  return value.replace(/[\s.-]/g, '').toUpperCase();
}

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
  profile: { citizenId: CitizenIdRule },
  value: string,
  facts: CitizenIdFacts = {},
): CitizenIdResult {
  const rule = profile.citizenId;
  const normalised = normaliseCitizenId(value);
  const decoded = decode(rule, normalised);
  if ('kind' in decoded) return refused(rule, decoded);
  const mismatch = crossCheck(decoded, facts);
  if (mismatch) return refused(rule, mismatch);
  return { ok: true, normalised, ...decoded };
}

function refused(rule: CitizenIdRule, problem: CitizenIdProblem): CitizenIdResult {
  return { ok: false, reason: problemText(rule, problem), problem };
}

/** The first problem with a number under the profile's rule, or null when it is well formed and agrees. */
export function citizenIdProblem(
  rule: CitizenIdRule,
  value: string,
  facts: CitizenIdFacts = {},
): CitizenIdProblem | null {
  const checked = validateCitizenId({ citizenId: rule }, value, facts);
  return checked.ok ? null : checked.problem;
}

type Decoded = { sex: EncodedSex; birthYear: number; birthDate?: string };

function decode(rule: CitizenIdRule, id: string): Decoded | CitizenIdProblem {
  return rule.format === 'vn-cccd'
    ? decodeVnCccd(id, rule.regionCodes)
    : decodeCnResidentId(id, rule.regionCodes);
}

/** Century and sex by the 4th digit of a CCCD: digit d means century 1900 + 100 * floor(d / 2). */
function decodeVnCccd(id: string, regionCodes: readonly string[]): Decoded | CitizenIdProblem {
  if (!/^\d{12}$/.test(id)) return { kind: 'length', digits: 12 };
  if (!regionCodes.includes(id.slice(0, 3))) return { kind: 'region', code: id.slice(0, 3) };
  const centuryDigit = Number(id[3]);
  const birthYear = 1900 + 100 * Math.floor(centuryDigit / 2) + Number(id.slice(4, 6));
  return { sex: centuryDigit % 2 === 0 ? 'male' : 'female', birthYear };
}

const MOD11_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const MOD11_CHECK = '10X98765432';

/** The ISO 7064 MOD 11-2 check character of the first 17 digits of a Chinese resident ID. */
export function cnCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (MOD11_WEIGHTS[i] ?? 0);
  return MOD11_CHECK[sum % 11] ?? '';
}

function decodeCnResidentId(id: string, regionCodes: readonly string[]): Decoded | CitizenIdProblem {
  if (!/^\d{17}[\dX]$/.test(id)) return { kind: 'length', digits: 18 };
  if (!regionCodes.includes(id.slice(0, 2))) return { kind: 'region', code: id.slice(0, 6) };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birthDate)) return { kind: 'notADate', digits: id.slice(6, 14) };
  if (cnCheckCharacter(id) !== id[17]) return { kind: 'checkDigit' };
  return { sex: Number(id[16]) % 2 === 1 ? 'male' : 'female', birthYear: Number(id.slice(6, 10)), birthDate };
}

function crossCheck(decoded: Decoded, facts: CitizenIdFacts): CitizenIdProblem | null {
  if ((facts.sex === 'male' || facts.sex === 'female') && facts.sex !== decoded.sex)
    return { kind: 'sex', encoded: decoded.sex, given: facts.sex };
  const year = facts.birthYear ?? (facts.birthDate ? Number(facts.birthDate.slice(0, 4)) : undefined);
  if (year !== undefined && year !== decoded.birthYear)
    return { kind: 'birthYear', encoded: decoded.birthYear, given: year };
  if (facts.birthDate && decoded.birthDate && facts.birthDate !== decoded.birthDate)
    return { kind: 'birthDate', encoded: decoded.birthDate, given: facts.birthDate };
  return null;
}

/** The server's words for a problem (field errors and import rejections). */
function problemText(rule: CitizenIdRule, p: CitizenIdProblem): string {
  const vn = rule.format === 'vn-cccd';
  switch (p.kind) {
    case 'length':
      return vn ? 'must be 12 digits' : 'must be 17 digits and a check digit or X';
    case 'region':
      return vn
        ? `digits 1-3 (${p.code}) are not a province-of-birth code`
        : `area code ${p.code} is not in a known province`;
    case 'notADate':
      return `birth date ${p.digits} is not a real date`;
    case 'checkDigit':
      return 'check digit does not match';
    case 'sex':
      return `encodes sex ${p.encoded}, not ${p.given}`;
    case 'birthYear':
      return `encodes birth year ${p.encoded}, not ${p.given}`;
    case 'birthDate':
      return `encodes birth date ${p.encoded}, not ${p.given}`;
  }
}
