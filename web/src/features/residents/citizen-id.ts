import { isIsoDate } from '../../calendar.ts';

/**
 * Citizen identity numbers checked in the browser as the server checks them
 * (src/modules/residents/identity.rules.ts), from the country profile's format and region codes, so a
 * mistyped number is marked before the form is sent. The server keeps the last word.
 */

export interface CitizenIdRule {
  format: string;
  regionCodes: readonly string[];
}

export type CitizenIdProblem =
  | { kind: 'length'; digits: number }
  | { kind: 'region'; code: string }
  | { kind: 'checkDigit' }
  | { kind: 'birthDate' }
  | { kind: 'sex'; encoded: 'male' | 'female' }
  | { kind: 'birthYear'; encoded: number };

export interface CitizenIdFacts {
  sex?: string;
  /** `YYYY` or `YYYY-MM-DD`, as the form holds it. */
  birth?: string;
}

/** Spaces, dots and dashes dropped; a Chinese check character upper-cased. */
export function normaliseCitizenId(value: string): string {
  return value.replace(/[\s.-]/g, '').toUpperCase();
}

const MOD11_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const MOD11_CHECK = '10X98765432';

function cnCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (MOD11_WEIGHTS[i] ?? 0);
  return MOD11_CHECK[sum % 11] ?? '';
}

type Decoded = { sex: 'male' | 'female'; birthYear: number; birthDate?: string } | CitizenIdProblem;

function decode(rule: CitizenIdRule, id: string): Decoded {
  if (rule.format === 'cn-resident-id') {
    if (!/^\d{17}[\dX]$/.test(id)) return { kind: 'length', digits: 18 };
    if (!rule.regionCodes.includes(id.slice(0, 2))) return { kind: 'region', code: id.slice(0, 6) };
    const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
    if (!isIsoDate(birthDate)) return { kind: 'birthDate' };
    if (cnCheckCharacter(id) !== id[17]) return { kind: 'checkDigit' };
    return {
      sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
      birthYear: Number(id.slice(6, 10)),
      birthDate,
    };
  }
  // vn-cccd: 12 digits, the province of birth, then century and sex, then the year of birth.
  if (!/^\d{12}$/.test(id)) return { kind: 'length', digits: 12 };
  if (!rule.regionCodes.includes(id.slice(0, 3))) return { kind: 'region', code: id.slice(0, 3) };
  const centuryDigit = Number(id[3]);
  return {
    sex: centuryDigit % 2 === 0 ? 'male' : 'female',
    birthYear: 1900 + 100 * Math.floor(centuryDigit / 2) + Number(id.slice(4, 6)),
  };
}

/** The first problem with a citizen id under the profile's rule, or null when it is well formed and agrees. */
export function citizenIdProblem(
  rule: CitizenIdRule,
  value: string,
  facts: CitizenIdFacts = {},
): CitizenIdProblem | null {
  const decoded = decode(rule, normaliseCitizenId(value));
  if ('kind' in decoded) return decoded;
  if ((facts.sex === 'male' || facts.sex === 'female') && facts.sex !== decoded.sex)
    return { kind: 'sex', encoded: decoded.sex };
  const year = facts.birth && /^\d{4}/.test(facts.birth) ? Number(facts.birth.slice(0, 4)) : undefined;
  if (year !== undefined && year !== decoded.birthYear)
    return { kind: 'birthYear', encoded: decoded.birthYear };
  if (facts.birth?.length === 10 && decoded.birthDate && decoded.birthDate !== facts.birth)
    return { kind: 'birthDate' };
  return null;
}
