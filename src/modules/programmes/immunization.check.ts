import { addDays, addMonths } from '../../platform/dates.ts';
import type { Vaccine } from '../immunizations/index.ts';
import type { DurationT, ImmunizationItemT, ImmunizationProgramme } from './immunization.protocol.ts';

/**
 * The immunization files' checks beyond the schema, and the schedule arithmetic the rules share.
 */

export type VaccineCatalogue = ReadonlyMap<string, Pick<Vaccine, 'antigens' | 'live'>>;

/** A date `d` after `date` (years and months on the calendar, then weeks and days). */
export function addDuration(date: string, d: DurationT): string {
  const months = (d.years ?? 0) * 12 + (d.months ?? 0);
  return addDays(addMonths(date, months), (d.weeks ?? 0) * 7 + (d.days ?? 0));
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
