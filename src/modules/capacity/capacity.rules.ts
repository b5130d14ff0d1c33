import type { CountryProfile } from '../../platform/profile.ts';

/** Workers counted in one (tier, cadre, qualification) cell. */
export interface StaffCell {
  tier: string;
  cadre: string;
  qualification: string;
  count: number;
}

export interface TierQualification {
  tier: string;
  staff: number;
  bachelorOrAbove: number;
  /** Share of the tier's staff with a bachelor's degree or more, 0-1; null without staff. */
  share: number | null;
}

export interface StaffSummary {
  staff: number;
  doctors: number;
  doctorsPostgraduate: number;
  bachelorOrAbove: number;
  byTier: TierQualification[];
}

/** A rate per 10,000 people, rounded to one decimal; null when the population is unknown or zero. */
export function per10k(count: number, population: number): number | null {
  if (!(population > 0)) return null;
  return Math.round((count / population) * 100_000) / 10;
}

/** A share between 0 and 1 rounded to 4 decimals; null when there is nothing to share. */
export function share(part: number, whole: number): number | null {
  if (!(whole > 0)) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

/**
 * Sums staff cells into the figures the plan and seed 002 talk about: doctors (cadres the profile marks
 * as doctors), postgraduate doctors, and the share with a bachelor's degree or more by facility tier
 * (tiers in the profile's order, top first).
 */
export function summariseStaff(cells: StaffCell[], profile: CountryProfile): StaffSummary {
  const doctorCadres = new Set(profile.cadres.filter((c) => c.isDoctor).map((c) => c.id));
  const degree = new Set(profile.qualifications.filter((q) => q.bachelorOrAbove).map((q) => q.id));
  const topQualification = [...profile.qualifications].sort((a, b) => a.rank - b.rank)[0]?.id;
  const tiers = new Map<string, { staff: number; bachelorOrAbove: number }>();
  const summary: StaffSummary = {
    staff: 0,
    doctors: 0,
    doctorsPostgraduate: 0,
    bachelorOrAbove: 0,
    byTier: [],
  };

  for (const cell of cells) {
    summary.staff += cell.count;
    const tier = tiers.get(cell.tier) ?? { staff: 0, bachelorOrAbove: 0 };
    tier.staff += cell.count;
    if (degree.has(cell.qualification)) {
      summary.bachelorOrAbove += cell.count;
      tier.bachelorOrAbove += cell.count;
    }
    tiers.set(cell.tier, tier);
    if (doctorCadres.has(cell.cadre)) {
      summary.doctors += cell.count;
      if (cell.qualification === topQualification) summary.doctorsPostgraduate += cell.count;
    }
  }

  const order = [...profile.tiers].sort((a, b) => a.rank - b.rank).map((t) => t.id);
  summary.byTier = order
    .filter((t) => tiers.has(t))
    .map((t) => {
      const v = tiers.get(t)!;
      return {
        tier: t,
        staff: v.staff,
        bachelorOrAbove: v.bachelorOrAbove,
        share: share(v.bachelorOrAbove, v.staff),
      };
    });
  return summary;
}

/** The plan's target that applies to a year: the first target year at or after it, else the last one. */
export function targetFor(profile: CountryProfile, year: number) {
  const sorted = [...profile.capacityTargets].sort((a, b) => a.year - b.year);
  return sorted.find((t) => t.year >= year) ?? sorted[sorted.length - 1] ?? null;
}

/**
 * The date staffing is counted on for a year: 31 December for a past year, today for the current
 * year (the year is not over), and for a future year today too (a plan is measured against today's staff).
 */
export function staffingDate(year: number, today: string): string {
  const currentYear = Number(today.slice(0, 4));
  return year < currentYear ? `${year}-12-31` : today;
}
