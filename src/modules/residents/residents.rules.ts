import {
  type BirthPrecision,
  RELATIONSHIPS,
  type Relationship,
  type ResidentStatus,
} from './residents.enums.ts';

/** Name similarity (pg_trgm, on the normalised name) from which two records may be the same person. */
export const DUPLICATE_SIMILARITY = 0.8;

/**
 * The normalised name key, as the database computes it (resident_name_key): accents removed (đ -> d),
 * lower case, spaces collapsed. Used for ranking checks in JavaScript and in tests; the database's
 * own function is what queries compare against.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a counter search box holds: an identifier (citizen id, phone, external code) or a name. */
export type SearchTerm =
  | { kind: 'identifier'; value: string; phoneVariants: string[] }
  | {
      kind: 'name';
      /** The name part as typed (without the birth year), for the search's own reading of it. */
      text: string;
      key: string;
      family: string;
      given: string;
      tokens: number;
      birthYear?: number;
    };

/**
 * Reads what a health worker typed: digits (with spaces, dots, dashes or a leading +) are an
 * identifier; a CN identity number ends in X; a trailing 4-digit year after a name is a birth year
 * ("nguyen van an 1985"). Returns undefined when nothing searchable is left.
 */
export function parseSearchTerm(raw: string, today: string): SearchTerm | undefined {
  const text = raw.trim();
  const compact = text.replace(/[\s.\-()]/g, '');
  if (/^\+?\d{3,}[\dXx]?$/.test(compact)) {
    const value = compact.toUpperCase();
    return { kind: 'identifier', value, phoneVariants: phoneVariants(value) };
  }
  let rest = text;
  let birthYear: number | undefined;
  const year = /\s(\d{4})$/.exec(text);
  if (year) {
    const y = Number(year[1]);
    if (y >= 1850 && y <= Number(today.slice(0, 4))) {
      birthYear = y;
      rest = text.slice(0, year.index);
    }
  }
  const key = nameKey(rest.replace(/[^\p{L}\s]/gu, ' '));
  if (!key) return undefined;
  const words = key.split(' ');
  return {
    kind: 'name',
    text: rest.trim(),
    key,
    family: words[0]!,
    given: words[words.length - 1]!,
    tokens: words.length,
    ...(birthYear !== undefined ? { birthYear } : {}),
  };
}

/** The stored forms a typed phone may have: as typed, and without a leading +. */
export function phoneVariants(value: string): string[] {
  return [...new Set([value, value.replace(/^\+/, '')])];
}

/** Normalises an identity number or phone for storage: spaces, dots and dashes removed, X upper-case. */
export function compactIdentifier(value: string): string {
  return value.replace(/[\s.\-()]/g, '').toUpperCase();
}

/**
 * A birth date as typed: 'YYYY-MM-DD' (precision day) or 'YYYY' when only the year is known.
 * Refuses dates in the future and impossible calendar dates.
 */
export function parseBirth(
  value: string,
  today: string,
):
  | { ok: true; date: string | null; year: number; precision: BirthPrecision }
  | { ok: false; reason: string } {
  const v = value.trim();
  if (/^\d{4}$/.test(v)) {
    const year = Number(v);
    if (year < 1850 || year > Number(today.slice(0, 4)))
      return { ok: false, reason: `year ${v} is not plausible` };
    return { ok: true, date: null, year, precision: 'year' };
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return { ok: false, reason: `${v} is not a date (YYYY-MM-DD) or a year (YYYY)` };
  const d = new Date(`${v}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
    return { ok: false, reason: `${v} is not a calendar date` };
  }
  if (v > today) return { ok: false, reason: `${v} is in the future` };
  if (Number(m[1]) < 1850) return { ok: false, reason: `${v} is not plausible` };
  return { ok: true, date: v, year: Number(m[1]), precision: 'day' };
}

/** A household member as the relationship rule sees it. */
export interface Member {
  id: string;
  relationship: Relationship | null;
  active: boolean;
}

/**
 * Whether `relationship` may be given to a resident joining (or changing within) a household:
 * a household has at most one active head. Returns the reason it may not, or null.
 */
export function relationshipProblem(
  relationship: Relationship | null,
  members: Member[],
  residentId?: string,
): string | null {
  if (relationship === null) return null;
  if (!RELATIONSHIPS.includes(relationship)) return `must be one of ${RELATIONSHIPS.join(', ')}`;
  if (relationship === 'head') {
    const head = members.find((m) => m.relationship === 'head' && m.active && m.id !== residentId);
    if (head) return 'the household already has a head (change the head first)';
  }
  return null;
}

/** Two records as the duplicate rule compares them. */
export interface DuplicateFacts {
  citizenIdA: string | null;
  citizenIdB: string | null;
  /** pg_trgm similarity of the normalised names, 0..1. */
  nameSimilarity: number;
  birthA: { date: string | null; year: number | null; precision: BirthPrecision };
  birthB: { date: string | null; year: number | null; precision: BirthPrecision };
  sameCommune: boolean;
}

/**
 * Why two residents are likely the same person, or null: the same identity number; or a similar
 * name (>= 0.8) born the same day (the same year when either only knows the year) in the same commune.
 */
export function duplicateReason(f: DuplicateFacts): string | null {
  if (f.citizenIdA && f.citizenIdA === f.citizenIdB) return 'same citizen identity number';
  if (!f.sameCommune || f.nameSimilarity < DUPLICATE_SIMILARITY) return null;
  const { birthA: a, birthB: b } = f;
  if (a.precision === 'day' && b.precision === 'day') {
    return a.date !== null && a.date === b.date ? 'similar name, same birth date, same commune' : null;
  }
  return a.year !== null && a.year === b.year ? 'similar name, same birth year, same commune' : null;
}

/** Whether a status change is allowed: a deceased person cannot be made to move. */
export function statusChangeProblem(from: ResidentStatus, to: ResidentStatus): string | null {
  if (from === to) return `the resident is already ${to}`;
  if (from === 'deceased' && to === 'moved_away') return 'a deceased resident cannot move away';
  return null;
}

/** The ltree depth of the commune level in the profile (VN: province.district.commune = 3). */
export function communeDepth(levels: { id: string }[], communeLevel: string): number {
  return levels.findIndex((l) => l.id === communeLevel) + 1;
}

/** The languages a resident may be written to in: the profile's `languages`, else its locale alone. */
export function languagesOf(profile: {
  locale: string;
  languages?: readonly string[] | undefined;
}): string[] {
  return [...(profile.languages ?? [profile.locale])];
}

/**
 * A resident's language as the profile spells it (a tag matched whatever its case), null to clear
 * it, or an error naming the profile's languages.
 *
 * @example residentLanguageOf({ locale: 'vi-VN', languages: ['vi-VN', 'en'] }, 'EN') // { language: 'en' }
 */
export function residentLanguageOf(
  profile: { locale: string; languages?: readonly string[] | undefined },
  tag: string | null,
): { language: string | null } | { error: string } {
  if (tag === null) return { language: null };
  const languages = languagesOf(profile);
  const found = languages.find((l) => l.toLowerCase() === tag.toLowerCase());
  return found
    ? { language: found }
    : { error: `is not a language of this profile (${languages.join(', ')})` };
}
