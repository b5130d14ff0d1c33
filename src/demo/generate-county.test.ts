import { describe, expect, test } from 'vitest';
import { checkAreaPlacement } from '../modules/areas/areas.rules.ts';
import { validateCitizenId } from '../modules/residents/index.ts';
import { loadProfile } from '../platform/profile.ts';
import { FAMILY_NAMES } from './chinese-names.ts';
import { demoCountyLogins } from './county-users.ts';
import { BACHELOR_DOCTOR_SHARE, generateDemoCounty } from './generate-county.ts';
import { residentId } from './generate-county-population.ts';
import { demoCountyEnrolments, demoCountyPopulation } from './load-county.ts';
import { DEMO_TOWNSHIP } from './xishui.ts';

const TODAY = '2026-11-25';
const cn = loadProfile('cn');
const county = generateDemoCounty({ today: TODAY });
const rows = [...demoCountyPopulation(county, TODAY)];
const residents = rows.flatMap((r) => ('resident' in r ? [r.resident] : []));
const households = rows.flatMap((r) => ('household' in r ? [r.household] : []));
const enrolments = demoCountyEnrolments(county, TODAY);
const countBy = <T>(items: T[], key: (x: T) => string) => {
  const out: Record<string, number> = {};
  for (const x of items) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
};

describe('the CN demo county (Xishui, seed 001)', () => {
  test('is deterministic: the same seed and date give the same county and people', () => {
    const again = generateDemoCounty({ today: TODAY });
    expect(JSON.stringify(again)).toBe(JSON.stringify(county));
    expect(JSON.stringify([...demoCountyPopulation(again, TODAY)])).toBe(JSON.stringify(rows));
    expect(JSON.stringify(generateDemoCounty({ seed: 'another', today: TODAY }).workers)).not.toBe(
      JSON.stringify(county.workers),
    );
  });

  test('its areas sit at the CN profile levels: 贵州省 > 遵义市 > 习水县 > 26 townships > their villages', () => {
    expect(countBy(county.areas, (a) => a.level)).toEqual({
      province: 1,
      prefecture: 1,
      county: 1,
      township: 26,
      village: county.areas.length - 29,
    });
    expect(county.areas.slice(0, 3).map((a) => `${a.code} ${a.name}`)).toEqual([
      '52 贵州省',
      '5203 遵义市',
      '520330 习水县',
    ]);
    const levelOf = new Map(county.areas.map((a) => [a.code, a.level]));
    for (const a of county.areas) {
      const parent = a.parentCode
        ? { code: a.parentCode, level: levelOf.get(a.parentCode)!, active: true }
        : null;
      expect(checkAreaPlacement(cn, { code: a.code, level: a.level, parent }), a.code).toEqual([]);
    }
  });

  test('the townships add up to about 500,000 people (exactly in 2023)', () => {
    const sum = (year: number) =>
      county.townships.reduce((s, t) => s + t.population.find((p) => p.year === year)!.population, 0);
    expect(sum(2023)).toBe(500_000);
    expect(sum(2026)).toBeGreaterThan(490_000);
    expect(sum(2026)).toBeLessThan(510_000);
  });

  test('has the facilities of the CN kinds: county hospitals, a centre per township, clinics in most villages', () => {
    const kinds = countBy(county.facilities, (f) => f.kind);
    expect(kinds).toMatchObject({
      county_hospital: 1,
      tcm_hospital: 1,
      maternal_child_health_hospital: 1,
      disease_control_centre: 1,
      community_health_centre: 4,
      community_health_station: 8,
      township_health_centre: 22,
      private_hospital: 2,
      private_clinic: 12,
    });
    for (const kind of Object.keys(kinds)) expect(cn.facilityKinds.map((k) => k.id)).toContain(kind);
    const villages = county.areas.filter((a) => a.level === 'village' && a.name.endsWith('村')).length;
    expect(kinds.village_clinic! / villages).toBeGreaterThan(0.85);
    expect(kinds.village_clinic! / villages).toBeLessThan(1);
    for (const f of county.facilities) expect(f.code).toMatch(new RegExp(cn.facilityCodePattern));
    expect(new Set(county.facilities.map((f) => f.code)).size).toBe(county.facilities.length);
  });

  test('staff by the CN cadres, village doctors among them, with the qualification shares of seed 002', () => {
    const cadres = countBy(county.workers, (w) => w.cadre);
    for (const c of Object.keys(cadres)) expect(cn.cadres.map((x) => x.id)).toContain(c);
    expect(cadres.village_health_worker).toBeGreaterThan(180);
    const kindOf = new Map(county.facilities.map((f) => [f.code, f.kind]));
    const degree = new Set(cn.qualifications.filter((q) => q.bachelorOrAbove).map((q) => q.id));
    const doctorShare = (kinds: string[]) => {
      const ds = county.workers.filter(
        (w) => w.cadre === 'doctor' && kinds.includes(kindOf.get(w.facilityCode)!),
      );
      return ds.filter((w) => degree.has(w.qualification)).length / ds.length;
    };
    const county3 = [
      'county_hospital',
      'tcm_hospital',
      'maternal_child_health_hospital',
      'disease_control_centre',
    ];
    const grassroots = ['community_health_centre', 'community_health_station', 'township_health_centre'];
    expect(doctorShare(county3)).toBeCloseTo(BACHELOR_DOCTOR_SHARE.county, 2);
    expect(doctorShare(county3)).toBeGreaterThan(0.7);
    expect(doctorShare(grassroots)).toBeCloseTo(BACHELOR_DOCTOR_SHARE.grassroots, 2);
    expect(doctorShare(grassroots)).toBeLessThan(0.15);
    for (const w of county.workers) expect(cn.qualifications.map((q) => q.id)).toContain(w.qualification);
  });

  test('registers one whole township, 程寨镇, with Chinese names by their real frequency', () => {
    const target = county.townships
      .find((t) => t.code === DEMO_TOWNSHIP)!
      .population.find((p) => p.year === 2026)!;
    expect(residents.length).toBeGreaterThanOrEqual(target.population);
    expect(residents.length).toBeLessThan(target.population + 8);
    expect(households.every((h) => h.area_code.startsWith(DEMO_TOWNSHIP))).toBe(true);
    for (const r of residents) expect(r.full_name).toMatch(/^\p{Script=Han}{2,3}$/u);
    const family = countBy(residents, (r) => r.full_name[0]!);
    const top = Object.entries(family)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([n]) => n);
    expect(top.sort()).toEqual(['张', '李', '王'].sort());
    // 王 is about 7% of the population (7.1% nationally), 赵 about 2%.
    const share = (n: string) => (family[n] ?? 0) / residents.length;
    expect(share('王')).toBeGreaterThan(0.04);
    expect(share('赵')).toBeLessThan(0.04);
    expect(FAMILY_NAMES.items.slice(0, 5)).toEqual(['王', '李', '张', '刘', '陈']);
  });

  test('every resident id is an 18-character number of a known region with a valid check character', () => {
    const withId = residents.filter((r) => r.citizen_id);
    expect(withId.length / residents.length).toBeGreaterThan(0.98);
    expect(new Set(withId.map((r) => r.citizen_id)).size).toBe(withId.length);
    for (const r of withId) {
      const v = validateCitizenId(cn, r.citizen_id, { sex: r.sex, birthDate: r.birth_date });
      expect(v.ok, `${r.citizen_id}: ${v.ok ? '' : v.reason}`).toBe(true);
    }
    const local = withId.filter((r) => r.citizen_id.startsWith('520330')).length;
    expect(local / withId.length).toBeGreaterThan(0.9);
    // GB 11643's own example: 11010519491231002X.
    expect(residentId('110105', '1949-12-31', 'female', 1)).toBe('11010519491231002X');
  });

  test('enrolments: the residents scheme of the county for most, the employees scheme of the city for some', () => {
    const thisYear = enrolments.filter((e) => e.valid_to === '2026-12-31');
    const schemes = countBy(thisYear, (e) => `${e.scheme} ${e.insured_area_code}`);
    expect(Object.keys(schemes).sort()).toEqual(['employee 5203', 'resident 520330']);
    expect(schemes['resident 520330']! / thisYear.length).toBeGreaterThan(0.85);
    expect(schemes['employee 5203']).toBeGreaterThan(50);
    const covered = thisYear.length / residents.length;
    expect(covered).toBeGreaterThan(0.93);
    expect(covered).toBeLessThan(0.97);
    for (const s of new Set(enrolments.map((e) => e.scheme)))
      expect(cn.insurance.reimbursement?.schemes.map((x) => x.id)).toContain(s);
  });

  test('the logins keep the role names, around the township health centre of 程寨镇', () => {
    const logins = demoCountyLogins(county);
    expect(logins.map((l) => `${l.username} ${l.displayName} ${JSON.stringify(l.scope)}`)).toEqual([
      'admin 系统管理员 null',
      `station 习水县程寨镇卫生院 {"facility":"T${DEMO_TOWNSHIP}"}`,
      expect.stringMatching(/^doctor \p{Script=Han}+医生 \{"facility":"T520330104"\}$/u),
      expect.stringMatching(/^vhw 程寨镇\p{Script=Han}+村乡村医生 \{"area":"520330104\d{3}"\}$/u),
      'district 习水县卫生健康局 {"area":"520330"}',
      'province 遵义市卫生健康局 {"area":"5203"}',
      'insurance 遵义市医疗保障局 {"area":"5203"}',
    ]);
    // A county doctor rotates to the demo station, so its calendar is not empty on day one.
    expect(county.rotations.some((r) => r.hostFacilityCode === `T${DEMO_TOWNSHIP}`)).toBe(true);
  });
});
