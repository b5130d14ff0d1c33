import { describe, expect, test } from 'vitest';
import { vaccines } from '../modules/immunizations/vaccines.ts';
import { programmes, programmesOf } from '../modules/programmes/index.ts';
import { addDays, addMonths } from '../platform/dates.ts';
import { loadProfile } from '../platform/profile.ts';
import { afterOffset, demoChildChecksOf } from './child-checks-of-file.ts';
import { agesFor } from './generate-programmes.ts';
import { demoScheduleOf, type ImmunizationFileLike, scheduleOfFile } from './schedule-of-file.ts';

type Duration = { years?: number; months?: number; weeks?: number; days?: number };
const plus = (date: string, d: Duration) =>
  addDays(addMonths(date, (d.years ?? 0) * 12 + (d.months ?? 0)), (d.weeks ?? 0) * 7 + (d.days ?? 0));
// Birth dates on every day of 2023-2024 (a leap year in it).
const births = Array.from({ length: 731 }, (_, i) => addDays('2023-01-01', i));

describe.each([
  ['vn', 'vn-epi'],
  ['cn', 'cn-nip'],
] as const)('the demo schedule of %s, read from %s', (profile, id) => {
  const file = programmes().get(id) as unknown as ImmunizationFileLike;
  const slots = scheduleOfFile(file, vaccines());

  test("is the profile's immunization programme's, under 6 years, one track per series", () => {
    expect(demoScheduleOf(programmesOf(loadProfile(profile)), vaccines())).toEqual(slots);
    expect(slots.length).toBeGreaterThan(12);
    expect(slots.every((s) => s.ageDays < 6 * 365)).toBe(true);
    const items = new Map(file.versions.at(-1)!.items.map((i) => [i.id, i]));
    for (const s of slots) {
      const item = items.get(s.item)!;
      // The vaccine given counts for the item: the one it names, or one covering its antigens.
      const covers = item.vaccines
        ? item.vaccines.includes(s.vaccine)
        : item.antigens.every((a) => vaccines().get(s.vaccine)?.antigens.includes(a));
      expect(covers, s.item).toBe(true);
      expect(s.after).toBe(item.after ?? null);
    }
  });

  test('a punctual dose is never before the calendar age or interval, an early one always under the minimum age', () => {
    const items = new Map(file.versions.at(-1)!.items.map((i) => [i.id, i]));
    for (const s of slots) {
      const item = items.get(s.item)!;
      for (const birth of births) {
        expect(addDays(birth, s.ageDays) >= plus(birth, item.age), s.item).toBe(true);
        expect(addDays(birth, s.minAgeDays) <= plus(birth, item.minAge ?? item.age), s.item).toBe(true);
        if (item.minInterval)
          expect(addDays(birth, s.minIntervalDays) >= plus(birth, item.minInterval), s.item).toBe(true);
      }
    }
  });
});

test("an older version's ages for a dose given before the newer took effect; an item it lacked is not on its schedule", () => {
  const cn = scheduleOfFile(programmes().get('cn-nip') as unknown as ImmunizationFileLike, vaccines());
  const dtap1 = cn.find((s) => s.item === 'dtap-1')!;
  // DTaP at 3 months before 2025, at 2 months from then.
  expect(agesFor(dtap1, '2024-12-31')!.ageDays).toBeGreaterThanOrEqual(89);
  expect(agesFor(dtap1, '2025-01-01')!.ageDays).toBeLessThan(64);
  const vn = scheduleOfFile(programmes().get('vn-epi') as unknown as ImmunizationFileLike, vaccines());
  const ipv2 = vn.find((s) => s.item === 'ipv-2')!;
  expect(agesFor(ipv2, '2024-07-31')).toBeNull();
  expect(agesFor(ipv2, '2024-08-01')).not.toBeNull();
});

test("child health checks' windows from the profile's child-health file, by calendar offsets", () => {
  expect(afterOffset('2024-01-31', '1m')).toBe('2024-02-29');
  expect(afterOffset('2024-01-31', '1m21d')).toBe('2024-03-21');
  expect(afterOffset('2024-01-01', '4y3m')).toBe('2028-04-01');
  for (const profile of ['vn', 'cn'] as const) {
    const checks = demoChildChecksOf(programmesOf(loadProfile(profile)));
    if (!checks) continue; // the profile runs no child-health programme (yet)
    const windows = checks('2025-03-10');
    expect(windows.length).toBeGreaterThan(5);
    expect(windows.every((w) => w.from >= '2025-03-10' && w.until > w.from)).toBe(true);
  }
});
