import type { Vaccine } from '../immunizations/index.ts';
import type { DurationT, ImmunizationItemT, ImmunizationProgramme } from './immunization.protocol.ts';

/**
 * The immunization files' checks beyond the schema, and the schedule arithmetic the rules share.
 */

export type VaccineCatalogue = ReadonlyMap<string, Pick<Vaccine, 'antigens' | 'live'>>;

const durationMemo = new WeakMap<DurationT, Map<string, string>>();
const MEMO_DATES = 20_000;

/**
 * A date `d` after `date` (years and months on the calendar, then weeks and days). Remembered per
 * duration of the files: a district's recompute asks the same birth dates and ages again and again.
 */
export function addDuration(date: string, d: DurationT): string {
  let memo = durationMemo.get(d);
  if (!memo) {
    memo = new Map();
    durationMemo.set(d, memo);
  }
  let out = memo.get(date);
  if (out === undefined) {
    out = shiftDate(date, (d.years ?? 0) * 12 + (d.months ?? 0), (d.weeks ?? 0) * 7 + (d.days ?? 0));
    if (memo.size >= MEMO_DATES) memo.clear();
    memo.set(date, out);
  }
  return out;
}

/**
 * addDays(addMonths(date, months), days) of platform/dates.ts (the same calendar: a day the month
 * lacks goes to its last day), in integer arithmetic: a recompute does it thousands of times a child.
 */
export function shiftDate(date: string, months: number, days: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
  return days === 0 ? isoOf(y, m, d) : civilOf(dayNumber(y, m, d) + days);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoOf = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
function dayNumber(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (H. Hinnant's civil_from_days). */
function civilOf(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return isoOf(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** The vaccines that count for an item: its list, or every vaccine covering all its antigens. */
export function acceptedVaccines(item: ImmunizationItemT, catalogue: VaccineCatalogue): Set<string> {
  if (item.vaccines) return new Set(item.vaccines);
  const out = new Set<string>();
  for (const [code, v] of catalogue) if (item.antigens.every((a) => v.antigens.includes(a))) out.add(code);
  return out;
}

/** Durations compared on a reference day (months vary in length: a day's slack either way). */
const REFERENCE_DAY = '2001-01-01';
const longer = (a: DurationT, b: DurationT) => addDuration(REFERENCE_DAY, a) > addDuration(REFERENCE_DAY, b);

/**
 * What the file schema cannot see: versions out of order, item ids twice, unknown vaccines or
 * antigens, a vaccine that does not protect against its item's antigens, an unknown or later
 * prerequisite, a minimum age above the age, an expiry before the minimum age.
 */
export function checkImmunization(p: ImmunizationProgramme, catalogue: VaccineCatalogue): string[] {
  const problems: string[] = [];
  const antigens = new Set([...catalogue.values()].flatMap((v) => v.antigens));
  const seriesOf = new Map<string, string>();
  p.versions.forEach((v, k) => {
    const at = `at /versions/${k}`;
    const previous = p.versions[k - 1];
    if (previous && v.effectiveFrom <= previous.effectiveFrom)
      problems.push(
        `${at}/effectiveFrom: ${v.effectiveFrom} overlaps the previous version's ${previous.effectiveFrom} (versions oldest first, each from a later day)`,
      );
    v.items.forEach((item, n) => {
      const here = `${at}/items/${n}`;
      if (v.items.findIndex((i) => i.id === item.id) !== n)
        problems.push(`${here}/id: item ${item.id} twice`);
      const series = seriesOf.get(item.id);
      if (series !== undefined && series !== item.series)
        problems.push(`${here}/series: item ${item.id} is in series ${series} in another version`);
      seriesOf.set(item.id, item.series);
      item.antigens.forEach((a, j) => {
        if (!antigens.has(a)) problems.push(`${here}/antigens/${j}: unknown antigen ${a}`);
      });
      item.vaccines?.forEach((code, j) => {
        const vaccine = catalogue.get(code);
        if (!vaccine) problems.push(`${here}/vaccines/${j}: unknown vaccine ${code}`);
        else {
          const missing = item.antigens.filter((a) => !vaccine.antigens.includes(a));
          if (missing.length)
            problems.push(`${here}/vaccines/${j}: ${code} does not protect against ${missing.join(', ')}`);
        }
      });
      if (acceptedVaccines(item, catalogue).size === 0)
        problems.push(
          `${here}/antigens: no vaccine of protocols/vaccines.json covers ${item.antigens.join(', ')}`,
        );
      if (item.after !== undefined) {
        const j = v.items.findIndex((i) => i.id === item.after);
        const prior = v.items[j];
        if (!prior) problems.push(`${here}/after: unknown item ${item.after}`);
        else if (j >= n) problems.push(`${here}/after: ${item.after} is listed after it`);
        else if (prior.series !== item.series)
          problems.push(`${here}/after: ${item.after} is in series ${prior.series}, not ${item.series}`);
        else if (prior.track && item.track && prior.track !== item.track)
          problems.push(`${here}/after: ${item.after} is on track ${prior.track}, not ${item.track}`);
        if (!item.minInterval)
          problems.push(`${here}/minInterval: an item after another needs a minimum interval`);
      } else if (item.minInterval || item.interval)
        problems.push(
          `${here}/${item.minInterval ? 'minInterval' : 'interval'}: an interval needs an item it follows (after)`,
        );
      if (item.minAge && longer(item.minAge, item.age)) problems.push(`${here}/minAge: above the age`);
      if (item.interval && item.minInterval && longer(item.minInterval, item.interval))
        problems.push(`${here}/minInterval: above the interval`);
      if (item.overdueFrom && !longer(item.overdueFrom, item.minAge ?? item.age))
        problems.push(`${here}/overdueFrom: not after the minimum age`);
      if (!item.expiresAt && v.catchUpUntil && !longer(v.catchUpUntil, item.age))
        problems.push(`${here}/age: not before the version's catchUpUntil (give the item its own expiresAt)`);
      if (item.expiresAt && !longer(item.expiresAt, item.minAge ?? item.age))
        problems.push(`${here}/expiresAt: not after the minimum age`);
    });
  });
  return problems;
}

/**
 * Every version's items once (the newest version's names), each with the vaccines that count for it,
 * so a screen recording a dose for an item can offer them.
 */
export function immunizationItems(p: ImmunizationProgramme, catalogue: VaccineCatalogue) {
  const seen = new Map<string, { id: string; names: ImmunizationItemT['names']; vaccines: string[] }>();
  for (const v of [...p.versions].reverse())
    for (const i of v.items)
      if (!seen.has(i.id))
        seen.set(i.id, { id: i.id, names: i.names, vaccines: [...acceptedVaccines(i, catalogue)].sort() });
  return [...seen.values()];
}
