import { addDays, addMonths } from '../../platform/dates.ts';
import type { VisitFact } from './facts.ts';
import type { ReadingLevel, VisitCounts } from './visits.protocol.ts';

/**
 * The pure helpers of the visit-schedule family: spans from a date, what a visit counts for, which
 * version of a schedule applies. No IO, no clock.
 */

const OFFSET = /^(?:(\d+)y)?(?:(\d+)m)?(?:(\d+)w)?(?:(\d+)d)?$/;

/** The parts of an offset ('1y2m3w4d'), or null when it is not one (or empty). */
export function parseOffset(offset: string): { months: number; days: number } | null {
  const m = OFFSET.exec(offset);
  if (!m || offset === '') return null;
  const [, y, mo, w, d] = m.map((x) => Number(x ?? 0));
  return { months: (y ?? 0) * 12 + (mo ?? 0), days: (w ?? 0) * 7 + (d ?? 0) };
}

// The programme files' offsets, parsed once: a recompute adds them millions of times. Bounded (the
// files hold a few hundred), so an odd caller cannot grow it without end.
const parsed = new Map<string, { months: number; days: number }>();

function offsetParts(offset: string): { months: number; days: number } {
  let parts = parsed.get(offset);
  if (!parts) {
    const p = parseOffset(offset);
    if (!p) throw new Error(`not an offset: ${offset}`);
    parts = p;
    if (parsed.size < 10_000) parsed.set(offset, parts);
  }
  return parts;
}

/**
 * The date an offset after `date`: calendar months first, then days.
 *
 * @example addOffset('2024-01-31', '1m') // '2024-02-29'
 * @example addOffset('2026-01-01', '13w') // '2026-04-02'
 */
export function addOffset(date: string, offset: string): string {
  const parts = offsetParts(offset);
  const monthsOn = parts.months === 0 ? date : addMonths(date, parts.months);
  return parts.days === 0 ? monthsOn : addDays(monthsOn, parts.days);
}

/**
 * A day no offset reaches from `date`: at least the date the longest of `offsets` gives (a month
 * counted as 31 days, a year as 12 of them). A schedule whose every item ends before a day can be
 * skipped by this without adding each item's offset.
 */
export function beyondOffsets(date: string, offsets: readonly string[]): string {
  let most = 0;
  for (const o of offsets) {
    const parts = offsetParts(o);
    most = Math.max(most, parts.months * 31 + parts.days);
  }
  return addDays(date, most);
}

/** True when an ICD-10 code is the prefix's code or one below it ('Z34' matches 'Z34.9', not 'Z340'). */
export function codeMatches(code: string, prefix: string): boolean {
  return (
    code === prefix || code.startsWith(`${prefix}.`) || (prefix.includes('.') && code.startsWith(prefix))
  );
}

/** True when the visit counts for the programme by the file's `counts`. */
export function visitCounts(rule: VisitCounts, visit: VisitFact): boolean {
  if (rule.anyVisit) return true;
  if (rule.anyDiagnosis?.some((p) => visit.diagnoses.some((d) => codeMatches(d, p)))) return true;
  if (rule.anyObservation?.some((c) => visit.observations[c] !== undefined)) return true;
  if (rule.allObservations?.every((c) => visit.observations[c] !== undefined)) return true;
  return false;
}

/** The first level whose bounds a visit's readings reach, or null (controlled, or no reading of theirs). */
export function levelOf(levels: readonly ReadingLevel[], visit: VisitFact): ReadingLevel | null {
  for (const level of levels) {
    const high = Object.entries(level.atLeast ?? {}).some(
      ([code, bound]) =>
        visit.observations[code] !== undefined && (visit.observations[code] as number) >= bound,
    );
    const low = Object.entries(level.atMost ?? {}).some(
      ([code, bound]) =>
        visit.observations[code] !== undefined && (visit.observations[code] as number) <= bound,
    );
    if (high || low) return level;
  }
  return null;
}

/**
 * The version in effect on a date: the last one whose effectiveFrom is on or before it, else the
 * first (a date before the programme existed follows its first version; windows that ended before it
 * are left out by the callers).
 */
export function versionOn<V extends { effectiveFrom: string }>(versions: readonly V[], date: string): V {
  // check() keeps the versions in ascending effectiveFrom order.
  let found = versions[0] as V;
  for (const v of versions) if (v.effectiveFrom <= date) found = v;
  return found;
}

/** The effectiveFrom of a file's first version: the day the programme began. */
export function firstEffective(versions: readonly { effectiveFrom: string }[]): string {
  return versions[0]?.effectiveFrom ?? '';
}
