import type { CsvRecord } from '../platform/csv/import-runner.ts';
import { addDays, addYears, wholeYearsBetween } from '../platform/dates.ts';
import type { ResidentRecord } from './generate-population.ts';
import { Rng, weightedTable } from './random.ts';

/**
 * Health insurance cards for generated residents, deterministically, as records in the columns of the
 * insurance module's `insurance-cards` import. Shaped like seed 003 (92% of the population covered,
 * millions dropping out a year): about 92% of residents hold a card valid today, about 5% let their
 * card lapse (an expired card, no later one), the rest never had one. Groups follow age, occupation
 * and ethnicity (children under 6 TE, pupils HS, ethnic minorities of a mountain district DT, poor and
 * near-poor households HN and CN, pensioners HT, employees DN, civil servants HC, households GD ...);
 * a few cards come from another province (people who moved in and kept their card); some residents
 * have earlier periods on file; most are registered at their commune station for first-point care.
 */

export interface InsuranceCardRecord {
  card_number: string;
  citizen_id: string;
  resident_code: string;
  valid_from: string;
  valid_to: string;
  registered_facility_code: string;
  five_years_on: string;
  copay_exempt_from: string;
  status: 'active' | 'withdrawn';
}

export interface InsuranceCardOptions {
  /** The date coverage is shaped for ('YYYY-MM-DD'). */
  today: string;
  /** The benefit-level digit of a beneficiary group (the country profile's card groups). */
  benefitLevelOf(group: string): number | undefined;
  /** The province the residents live in (the card's province code). */
  provinceCode: string;
  /** Another first-point facility near a station (the district health centre), if any. */
  alternativeFacilityOf?(stationCode: string): string | undefined;
  seed?: string;
  /** Share of residents covered today (default 0.923: with the uncovered duplicates, about 92%). */
  coveredShare?: number;
  /** Share whose last card expired (default 0.052). */
  lapsedShare?: number;
}

/** Provinces a card from elsewhere comes from: Hồ Chí Minh City, Đà Nẵng, Ninh Thuận, Đắk Lắk, Hà Nội. */
const OTHER_PROVINCES = weightedTable([
  ['79', 40],
  ['48', 15],
  ['58', 20],
  ['66', 15],
  ['01', 10],
] as const);

const HOUSEHOLD_GROUPS = weightedTable([
  ['GD', 82],
  ['HN', 7],
  ['CN', 5],
  ['XN', 2],
  ['TC', 1],
  ['BT', 1],
  ['NO', 2],
] as const);

const OFFICE_GROUPS = weightedTable([
  ['HC', 70],
  ['NN', 20],
  ['CA', 5],
  ['QN', 5],
] as const);

const PENSIONER_GROUPS = weightedTable([
  ['HT', 45],
  ['GD', 30],
  ['CC', 8],
  ['BT', 10],
  ['HN', 4],
  ['CN', 3],
] as const);

/** Age in whole years; a birth known by its year only ('1950') counts from that year. */
const ageOn = (birth: string, today: string) =>
  birth.length === 4 ? Number(today.slice(0, 4)) - Number(birth) : wholeYearsBetween(birth, today);

/** The beneficiary group a resident's card carries, by age, occupation and ethnicity. */
function groupOf(rng: Rng, r: ResidentRecord, age: number): string {
  if (age < 6) return 'TE';
  if (r.ethnicity !== 'Kinh' && rng.chance(0.85)) return 'DT';
  if (age < 18) return 'HS';
  if (age <= 22 && rng.chance(0.35)) return 'SV';
  switch (r.occupation) {
    case 'retired':
      return rng.weighted(PENSIONER_GROUPS);
    case 'civil servant':
    case 'teacher':
      return rng.weighted(OFFICE_GROUPS);
    case 'worker':
    case 'tourism':
    case 'driver':
      return rng.chance(0.8) ? 'DN' : 'GD';
    case 'unemployed':
      return rng.chance(0.3) ? 'TN' : rng.weighted(HOUSEHOLD_GROUPS);
    default:
      return rng.weighted(HOUSEHOLD_GROUPS);
  }
}

/**
 * Yields the cards of the residents, oldest period first for each resident. Duplicate registrations
 * (relationship `other`, no identity number) get no card: the person's card is on the first record.
 */
export function* generateInsuranceCards(
  residents: Iterable<ResidentRecord>,
  options: InsuranceCardOptions,
): Generator<InsuranceCardRecord> {
  const rng = new Rng(options.seed ?? 'grassroots-insurance-cards');
  const { today } = options;
  const covered = options.coveredShare ?? 0.923;
  const lapsed = options.lapsedShare ?? 0.052;
  let serial = 0;

  for (const r of residents) {
    if (r.relationship === 'other' && !r.citizen_id) continue;
    serial++;
    const fate = rng.next();
    const age = ageOn(r.birth_date, today);
    if (fate >= covered + lapsed) continue; // never insured
    const isCovered = fate < covered;
    const group = groupOf(rng, r, age);
    const level = options.benefitLevelOf(group);
    if (level === undefined) continue;
    const elsewhere = isCovered && age >= 18 && rng.chance(0.02);
    const province = elsewhere ? rng.weighted(OTHER_PROVINCES) : options.provinceCode;
    const socialNumber = `${province}${String(serial).padStart(8, '0')}`;
    const number = `${group}${level}${province}${socialNumber}`;
    const facility = elsewhere
      ? `${province}${String(rng.int(1, 199)).padStart(3, '0')}`
      : rng.chance(0.85) || !r.facility_code
        ? r.facility_code
        : (options.alternativeFacilityOf?.(r.facility_code) ?? r.facility_code);
    const base = {
      card_number: number,
      citizen_id: r.citizen_id,
      resident_code: r.code,
      registered_facility_code: facility,
      copay_exempt_from: '',
      status: 'active' as const,
    };

    if (group === 'TE') {
      // Children under six: one card from birth to the day before their sixth birthday.
      if (!isCovered || r.birth_date.length !== 10) continue;
      yield {
        ...base,
        valid_from: r.birth_date,
        valid_to: addDays(addYears(r.birth_date, 6), -1),
        five_years_on: '',
      };
      continue;
    }

    // The last card: valid today (started within the past year), or ended within the past 18 months.
    const lastFrom = isCovered
      ? addDays(today, -rng.int(0, 364))
      : addDays(addYears(addDays(today, -rng.int(1, 540)), -1), 1);
    const periods: { from: string; to: string }[] = [
      { from: lastFrom, to: addDays(addYears(lastFrom, 1), -1) },
    ];
    // Earlier periods, back to back, for about a quarter.
    const earlier = rng.chance(0.25) ? rng.int(1, 2) : 0;
    for (let i = 0; i < earlier; i++) {
      const first = periods[0]!.from;
      periods.unshift({ from: addYears(first, -1), to: addDays(first, -1) });
    }
    // Continuous coverage began with the first period on file or some years before.
    const since = addYears(periods[0]!.from, -rng.int(0, 6));
    const fiveYears = age >= 6 ? addYears(since, 5) : '';
    const exempt =
      isCovered && fiveYears && fiveYears <= today && rng.chance(0.01)
        ? `${today.slice(0, 4)}-${String(rng.int(1, Number(today.slice(5, 7)))).padStart(2, '0')}-01`
        : '';
    for (const [i, p] of periods.entries()) {
      const last = i === periods.length - 1;
      yield {
        ...base,
        valid_from: p.from,
        valid_to: p.to,
        five_years_on: fiveYears,
        copay_exempt_from: last ? exempt : '',
      };
    }
    // A few cards were issued twice by mistake and the copy withdrawn (it may overlap the good one).
    if (isCovered && rng.chance(0.003)) {
      const other = group === 'GD' ? 'DN' : 'GD';
      const otherLevel = options.benefitLevelOf(other);
      if (otherLevel !== undefined) {
        yield {
          ...base,
          card_number: `${other}${otherLevel}${province}${socialNumber}`,
          valid_from: lastFrom,
          valid_to: periods.at(-1)!.to,
          five_years_on: '',
          status: 'withdrawn',
        };
      }
    }
  }
}

/** Cards as import records (line numbers as in a file with a header). */
export function* cardRecordsOf(cards: Iterable<InsuranceCardRecord>): Generator<CsvRecord> {
  let line = 1;
  for (const card of cards) yield { line: ++line, values: { ...card } };
}
