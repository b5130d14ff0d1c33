import { describe, expect, test } from 'vitest';
import { parseCardNumber } from '../modules/insurance/index.ts';
import { addDays } from '../platform/dates.ts';
import { loadProfile } from '../platform/profile.ts';
import { generateDemoProvince } from './generate.ts';
import { generateInsuranceCards, type InsuranceCardRecord } from './generate-insurance-cards.ts';
import { generatePopulation, type ResidentRecord } from './generate-population.ts';

const TODAY = '2026-11-25';
const vn = loadProfile('vn');
const demo = generateDemoProvince({ today: TODAY });
const communes = demo.areas.communes.filter((c) => c.district.code === '575');
const stationOf = (code: string) =>
  demo.facilities.find((f) => f.kind === 'commune_health_station' && f.areaCode === code)?.code;
const residents: ResidentRecord[] = [];
for (const r of generatePopulation({ communes, year: 2026, stationOf, today: TODAY, duplicateShare: 0.003 }))
  if ('resident' in r) residents.push(r.resident);
const options = {
  today: TODAY,
  provinceCode: '56',
  benefitLevelOf: (g: string) => vn.insurance.card?.groups.find((x) => x.code === g)?.benefitLevel,
  alternativeFacilityOf: () => '56575',
};
const cards = [...generateInsuranceCards(residents, options)];
const byResident = new Map<string, InsuranceCardRecord[]>();
for (const c of cards) byResident.set(c.resident_code, [...(byResident.get(c.resident_code) ?? []), c]);
const people = residents.filter((r) => !(r.relationship === 'other' && !r.citizen_id));
const validToday = (c: InsuranceCardRecord) =>
  c.status === 'active' && c.valid_from <= TODAY && c.valid_to >= TODAY;
const share = (n: number) => n / people.length;

describe('generateInsuranceCards', () => {
  test('is deterministic', () => {
    expect([...generateInsuranceCards(residents, options)].slice(0, 200)).toEqual(cards.slice(0, 200));
  });

  test('every number is a valid card under the profile, carrying its group’s benefit digit', () => {
    for (const c of cards)
      expect(parseCardNumber(vn, c.card_number), c.card_number).toMatchObject({ ok: true });
  });

  test('about 92% of residents hold a card valid today, about 5% let theirs lapse', () => {
    const covered = people.filter((r) => byResident.get(r.code)?.some(validToday)).length;
    expect(share(covered)).toBeGreaterThan(0.91);
    expect(share(covered)).toBeLessThan(0.935);
    const lapsed = people.filter((r) => {
      const own = byResident.get(r.code) ?? [];
      return own.length > 0 && own.every((c) => c.valid_to < TODAY);
    }).length;
    expect(share(lapsed)).toBeGreaterThan(0.03);
    expect(share(lapsed)).toBeLessThan(0.07);
  });

  test('a resident’s active cards never overlap, and a history is on file for some', () => {
    let withHistory = 0;
    for (const own of byResident.values()) {
      const active = own
        .filter((c) => c.status === 'active')
        .sort((a, b) => a.valid_from.localeCompare(b.valid_from));
      for (let i = 1; i < active.length; i++)
        expect(active[i]!.valid_from > active[i - 1]!.valid_to).toBe(true);
      if (active.length > 1) withHistory++;
    }
    expect(withHistory / byResident.size).toBeGreaterThan(0.2);
    expect(cards.some((c) => c.status === 'withdrawn')).toBe(true);
  });

  test('some cards come from another province, registered at a facility of that province', () => {
    const elsewhere = cards.filter((c) => c.card_number.slice(3, 5) !== '56');
    expect(elsewhere.length).toBeGreaterThan(people.length * 0.005);
    expect(elsewhere.length).toBeLessThan(people.length * 0.03);
    for (const c of elsewhere) expect(c.registered_facility_code.slice(0, 2)).toBe(c.card_number.slice(3, 5));
  });

  test('some cards end within 30 days with no later card', () => {
    const soon = [...byResident.values()].filter((own) => {
      const last = own.filter((c) => c.status === 'active').at(-1)!;
      return last.valid_to >= TODAY && last.valid_to <= addDays(TODAY, 30);
    });
    expect(soon.length / people.length).toBeGreaterThan(0.03);
    expect(soon.length / people.length).toBeLessThan(0.15);
  });

  test('most are registered at their commune station for first-point care', () => {
    const station = new Map(residents.map((r) => [r.code, r.facility_code]));
    const domestic = cards.filter((c) => c.card_number.slice(3, 5) === '56');
    const atStation = domestic.filter((c) => c.registered_facility_code === station.get(c.resident_code));
    expect(atStation.length / domestic.length).toBeGreaterThan(0.8);
    expect(atStation.length / domestic.length).toBeLessThan(0.9);
  });

  test('the groups mix as in a mountain district: minorities DT, children TE, pupils HS, households GD', () => {
    const latest = [...byResident.values()].map((own) => own.filter((c) => c.status === 'active').at(-1)!);
    const groups: Record<string, number> = {};
    for (const c of latest) groups[c.card_number.slice(0, 2)] = (groups[c.card_number.slice(0, 2)] ?? 0) + 1;
    for (const g of ['TE', 'HS', 'DT', 'GD', 'DN', 'HT', 'HN', 'CN', 'HC'])
      expect(groups[g], g).toBeGreaterThan(0);
    expect(groups.DT! / latest.length).toBeGreaterThan(0.3);
    const levels = new Set(latest.map((c) => c.card_number[2]));
    expect([...levels].sort()).toEqual(['1', '2', '3', '4', '5']);
  });

  test('the five-year date is set on adults’ cards and a few hold a co-payment exemption', () => {
    expect(
      cards
        .filter((c) => !c.card_number.startsWith('TE') && c.status === 'active')
        .every((c) => c.five_years_on),
    ).toBe(true);
    expect(cards.some((c) => c.copay_exempt_from)).toBe(true);
  });
});
