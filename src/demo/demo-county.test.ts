import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { describeOnBothEngines } from '../../test/support/engines.ts';
import { loadProfile } from '../platform/profile.ts';
import { demoCountyStation } from './county-users.ts';
import { expectBilledByTheirAnswer } from './demo-bills.fixtures.ts';
import { describeSharedDemoExpectations } from './demo-shared.suite.ts';
import { DEMO_PASSWORD, DEMO_USERNAMES } from './demo-users.ts';
import { generateDemoCounty } from './generate-county.ts';
import type { ResidentRecord } from './generate-population.ts';
import { hasDemoData, loadDemo, printDemoLogins } from './index.ts';
import { demoCountyEnrolments, demoCountyPopulation } from './load-county.ts';
import { COUNTY, DEMO_TOWNSHIP } from './xishui.ts';

/**
 * The CN demo county loaded as `GRASSROOTS_PROFILE=cn npm start` loads it (through the CSV imports),
 * on both engines, and checked against counts made by hand from the generated county: capacity
 * figures, the counter search in characters, eligibility and reimbursement under the CN schemes at
 * the township health centre, the logins printed in Chinese and English.
 */

const TODAY = '2026-11-25';
const cn = loadProfile('cn');
const county = generateDemoCounty({ today: TODAY });
const { station } = demoCountyStation(county);
const residents = [...demoCountyPopulation(county, TODAY)].flatMap((r) =>
  'resident' in r ? [r.resident as ResidentRecord] : [],
);
const enrolments = demoCountyEnrolments(county, TODAY);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A resident whose full name no one else in the township has, with an enrolment of `scheme` this year. */
function enrolledIn(scheme: 'resident' | 'employee') {
  const names = new Map<string, number>();
  for (const r of residents) names.set(r.full_name, (names.get(r.full_name) ?? 0) + 1);
  const e = enrolments.find(
    (x) =>
      x.scheme === scheme &&
      x.citizen_id &&
      x.valid_to === '2026-12-31' &&
      names.get(residents.find((r) => r.code === x.resident_code)!.full_name) === 1,
  )!;
  return { enrolment: e, resident: residents.find((r) => r.code === e.resident_code)! };
}

describeOnBothEngines(
  'the CN demo county',
  (t) => {
    afterEach(() => vi.restoreAllMocks());

    // Generous: on a busy 2-core machine the embedded load of the whole demo takes minutes.
    beforeAll(async () => {
      expect(await hasDemoData(t().ctx.db)).toBe(false);
      // Through the modules' CSV imports under the CN profile; a rejected row would throw here.
      expect(await loadDemo(t().ctx, { today: TODAY, output: false })).toBe(true);
    }, 600_000);

    describeSharedDemoExpectations(t, {
      today: TODAY,
      stationArea: DEMO_TOWNSHIP,
      stationCode: station.code,
      childrenOf: "the township's",
      children: 500,
      early: 2,
      stockArea: COUNTY.code,
      stockFacilities: 20,
      shelves:
        "the county's shelves: the county hospital supplies the township centres; stock-outs, near expiry, requisitions",
    });

    test("a year of visits at 程寨镇's centre, priced in CNY; a chronic patient's timeline charted", async () => {
      const list = await t().inject({ url: '/api/encounters?limit=200' });
      expect(list.statusCode, list.body).toBe(200);
      const visits = list.json().items;
      expect(visits.length).toBe(200);
      const followUp = visits.find(
        (v: { mainDiagnosis: { code: string } | null }) => v.mainDiagnosis?.code === 'I10',
      );
      const visit = (await t().inject({ url: `/api/encounters/${followUp.id}` })).json();
      expect(visit.bill).toMatchObject({
        currency: 'CNY',
        method: visit.eligibility?.valid ? 'deductible-ratio' : 'uninsured',
      });
      expect(visit.prescriptions[0].medicine.code).toMatch(/^CNY/);
      const tl = (await t().inject({ url: `/api/residents/${followUp.residentId}/timeline` })).json();
      expect(tl.series.bloodPressure.length).toBeGreaterThanOrEqual(6);
      expect(tl.problems.map((p: { code: string }) => p.code)).toContain('I10');
      // Each visit carries the answer the insurance rules gave the resident's cards on its date.
      await expectBilledByTheirAnswer(t().ctx.db, 'deductible-ratio');
    });

    test("the centres' capabilities: about half the standard offered across the county, some equipment not working", async () => {
      const res = await t().inject({ url: `/api/capabilities?area=${COUNTY.code}&date=${TODAY}` });
      expect(res.statusCode, res.body).toBe(200);
      const { rollUp, standards } = res.json();
      expect(standards.map((s: { id: string }) => s.id)).toEqual(['cn-township-health-centre']);
      expect(rollUp.stations).toBe(26);
      expect(rollUp.services.share).toBeGreaterThan(0.4);
      expect(rollUp.services.share).toBeLessThan(0.65);
      expect(rollUp.equipment.unitsBroken + rollUp.equipment.unitsNeedingRepair).toBeGreaterThan(0);
    });

    test('every demo login signs in, with the same role names as in Vietnam', async () => {
      for (const username of DEMO_USERNAMES)
        expect(await t().signIn(username, DEMO_PASSWORD)).toMatch(/\S{20,}/);
    });

    test('the logins are printed in Chinese and English at start', async () => {
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      await printDemoLogins(t().ctx, 'http://127.0.0.1:3000/');
      const out = log.mock.calls.map((c) => String(c[0])).join('\n');
      expect(out).toContain('演示账号（http://127.0.0.1:3000/），密码均为 "demo"');
      expect(out).toContain('Demo logins at http://127.0.0.1:3000/, all with the password "demo"');
      expect(out).toMatch(/station +station +area 520330104 +习水县程寨镇卫生院 +\(township health centre/);
      expect(out).toMatch(
        /district +district +area 520330 +习水县卫生健康局 +\(Xishui county health commission\)/,
      );
      expect(out).toMatch(
        /insurance +insurance +area 5203 +遵义市医疗保障局 +\(Zunyi medical security bureau\)/,
      );
    });

    test("the county's capacity figures match counts by hand of the generated county", async () => {
      const res = await t().inject({
        url: `/api/capacity?area=${COUNTY.code}&year=2026&date=${TODAY}`,
        headers: bearer(await t().signIn('district', DEMO_PASSWORD)),
      });
      expect(res.statusCode, res.body).toBe(200);
      const c = res.json();
      const population = county.townships.reduce(
        (s, x) => s + x.population.find((p) => p.year === 2026)!.population,
        0,
      );
      const beds = county.facilities.reduce((s, f) => s + f.beds, 0);
      const doctors = county.workers.filter((w) => w.cadre === 'doctor').length;
      expect(c.population).toBe(population);
      expect(c.facilities.total).toBe(county.facilities.length);
      expect(c.facilities.beds).toBe(beds);
      expect(c.staff).toBe(county.workers.length);
      expect(c.doctors).toBe(doctors);
      expect(c.bedsPer10k).toBe(Math.round((beds / population) * 100_000) / 10);
      expect(c.doctorsPer10k).toBe(Math.round((doctors / population) * 100_000) / 10);
      // The degree shares by tier, counted from the workers and their facilities' kinds.
      const tierOf = new Map(
        county.facilities.map((f) => [f.code, cn.facilityKinds.find((k) => k.id === f.kind)!.tier]),
      );
      const degree = new Set(cn.qualifications.filter((q) => q.bachelorOrAbove).map((q) => q.id));
      const byTier = new Map<string, { staff: number; bachelorOrAbove: number }>();
      for (const w of county.workers) {
        const cell = byTier.get(tierOf.get(w.facilityCode)!) ?? { staff: 0, bachelorOrAbove: 0 };
        cell.staff++;
        if (degree.has(w.qualification)) cell.bachelorOrAbove++;
        byTier.set(tierOf.get(w.facilityCode)!, cell);
      }
      for (const row of c.bachelorOrAboveByTier as { tier: string; staff: number; bachelorOrAbove: number }[])
        expect(row, row.tier).toMatchObject(byTier.get(row.tier)!);
      expect(c.bachelorOrAboveByTier).toHaveLength(byTier.size);
      // A township is served by its township health centre, a subdistrict (街道) by its community health
      // service centre: counted by hand, the townships holding one of those, and one with a doctor.
      const stationKinds = ['township_health_centre', 'community_health_centre'];
      expect(cn.communeStationKinds).toEqual(stationKinds);
      const stations = county.facilities.filter((f) => stationKinds.includes(f.kind));
      const withDoctor = new Set(
        county.workers.filter((w) => w.cadre === 'doctor').map((w) => w.facilityCode),
      );
      const townshipOf = (areaCode: string) => county.townships.find((x) => areaCode.startsWith(x.code))!;
      const served = new Set(stations.map((f) => townshipOf(f.areaCode).code));
      const servedWithDoctor = new Set(
        stations.filter((f) => withDoctor.has(f.code)).map((f) => townshipOf(f.areaCode).code),
      );
      expect(county.townships).toHaveLength(26);
      expect([served.size, servedWithDoctor.size]).toEqual([26, 26]);
      expect(c.communes).toMatchObject({ total: 26, withStation: 26, stationHasDoctor: 26 });
      expect(c.rotation.communeStations).toBe(stations.length);
      expect(c.rotation.withRotatingDoctor).toBe(county.rotations.length);
    });

    test('the station finds a resident by typing the full name in characters, and by the id', async () => {
      const headers = bearer(await t().signIn('station', DEMO_PASSWORD));
      const { resident } = enrolledIn('resident');
      const search = async (q: string) => {
        const res = await t().inject({ url: `/api/residents?q=${encodeURIComponent(q)}`, headers });
        expect(res.statusCode, res.body).toBe(200);
        return (res.json().items as { code: string; fullName: string }[]).map((r) => r.code);
      };
      expect((await search(resident.full_name))[0]).toBe(resident.code);
      // The family name apart from the given name, as some type it.
      expect(await search(`${resident.full_name.slice(0, 1)} ${resident.full_name.slice(1)}`)).toContain(
        resident.code,
      );
      expect(await search(resident.citizen_id)).toEqual([resident.code]);
    });

    test('the station finds a resident by the given name alone, as a name written without a space', async () => {
      const headers = bearer(await t().signIn('station', DEMO_PASSWORD));
      const { resident } = enrolledIn('resident');
      const given = resident.full_name.slice(1);
      const res = await t().inject({
        url: `/api/residents?q=${encodeURIComponent(given)}&limit=100`,
        headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json().items as { code: string }[]).map((r) => r.code)).toContain(resident.code);
    });

    test.each([
      {
        scheme: 'resident' as const,
        facility: () => station.code,
        login: 'station',
        expected: { areaRule: 'inside-insured-area', deductible: 300, ratioPercent: 85 },
        split: { deductibleApplied: 300, reimbursed: 850, selfPaid: 450 },
      },
      {
        scheme: 'employee' as const,
        facility: () => station.code,
        login: 'station',
        expected: { areaRule: 'inside-insured-area', deductible: 200, ratioPercent: 95 },
        split: { deductibleApplied: 200, reimbursed: 1045, selfPaid: 255 },
      },
      {
        scheme: 'resident' as const,
        // The county hospital is outside the station's scope: the county's manager checks there.
        facility: () => 'C520330001',
        login: 'district',
        expected: { areaRule: 'inside-insured-area', deductible: 600, ratioPercent: 75 },
        split: { deductibleApplied: 600, reimbursed: 525, selfPaid: 775 },
      },
    ])(
      'a demo enrolment in the $scheme scheme is reimbursed by the CN rules (as $login)',
      async ({ scheme, facility, login, expected, split }) => {
        const { resident, enrolment } = enrolledIn(scheme);
        const res = await t().inject({
          url: `/api/eligibility?citizenId=${resident.citizen_id}&facility=${facility()}&date=${TODAY}&cost=1300`,
          headers: bearer(await t().signIn(login, DEMO_PASSWORD)),
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({
          valid: true,
          scheme,
          rule: 'facility-level',
          ...expected,
          card: { scheme, insuredAreaCode: enrolment.insured_area_code, validTo: '2026-12-31' },
          reimbursement: { cost: 1300, ...split },
        });
      },
    );

    test('a lapsed demo enrolment (last year only) is refused as expired', async () => {
      const thisYear = new Set(
        enrolments.filter((e) => e.valid_to === '2026-12-31').map((e) => e.resident_code),
      );
      const lapsed = enrolments.find(
        (e) => e.citizen_id && e.valid_to === '2025-12-31' && !thisYear.has(e.resident_code),
      )!;
      const res = await t().inject({
        url: `/api/eligibility?citizenId=${lapsed.citizen_id}&facility=${station.code}&date=${TODAY}`,
        headers: bearer(await t().signIn('station', DEMO_PASSWORD)),
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ valid: false, reason: { code: 'expired' } });
    });

    test('the station sees the residents of its township, registered with it', async () => {
      const res = await t().inject({
        url: `/api/residents?area=${DEMO_TOWNSHIP}&limit=5`,
        headers: bearer(await t().signIn('station', DEMO_PASSWORD)),
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().total).toMatchObject({ count: 1000, exact: false });
    });
    test('the township centre reads the CN catalogues every install ships, priced in yuan', async () => {
      const headers = bearer(await t().signIn('station', DEMO_PASSWORD));
      const res = await t().inject({
        url: `/api/catalog/medicines?q=${encodeURIComponent('二甲双胍')}`,
        headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as { catalogue: string; name: string }[];
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((m) => m.catalogue === 'cn-medicines-2026' && m.name.includes('二甲双胍'))).toBe(
        true,
      );
      const services = await t().inject({ url: '/api/catalog/services?limit=200', headers });
      expect(services.json().items.length).toBeGreaterThanOrEqual(100);
    });
  },
  { profile: 'cn' },
);
