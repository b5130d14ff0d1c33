import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../test/support/engines.ts';
import { addDays } from '../platform/dates.ts';
import { loadProfile } from '../platform/profile.ts';
import { expectBilledByTheirAnswer } from './demo-bills.fixtures.ts';
import { describeSharedDemoExpectations } from './demo-shared.suite.ts';
import { DEMO_DISTRICT, DEMO_PASSWORD, DEMO_USERNAMES, demoLogins, demoStation } from './demo-users.ts';
import { generateDemoProvince, hasDemoData, loadDemo } from './index.ts';
import { demoInsuranceCards } from './load-population.ts';

const TODAY = '2026-11-25';
// The same province the load generates: what the assertions below expect.
const demo = generateDemoProvince({ today: TODAY });
const { station, commune } = demoStation(demo);
// The cards the load registers, to pick an expired one, one from another province and one to refer.
const cards = demoInsuranceCards(demo, TODAY, loadProfile('vn'));
const cardsOf = new Map<string, typeof cards>();
for (const c of cards) cardsOf.set(c.resident_code, [...(cardsOf.get(c.resident_code) ?? []), c]);
const validToday = (c: (typeof cards)[number]) =>
  c.status === 'active' && c.valid_from <= TODAY && c.valid_to >= TODAY;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describeOnBothEngines('the demo province', (t) => {
  let stationId: string;
  // Generous: on a busy 2-core machine the embedded load of the whole demo takes minutes.
  beforeAll(async () => {
    expect(await hasDemoData(t().ctx.db)).toBe(false);
    // Loads through the modules' CSV imports; any rejected row would throw here.
    await loadDemo(t().ctx, { today: TODAY, output: false });
    const found = await sql<{ id: string }>`select id from facility where code = ${station.code}`.execute(
      t().ctx.db,
    );
    stationId = found.rows[0]?.id as string;
  }, 600_000);

  test("a year of visits: the demo station's chronic patients followed monthly, their timeline charted", async () => {
    const list = await t().inject({ url: `/api/encounters?facility=${stationId}&limit=500` });
    expect(list.statusCode, list.body).toBe(200);
    const visits = list.json();
    expect(visits.total.count).toBeGreaterThan(500);
    expect(
      visits.items.every(
        (v: { status: string; residentPays: number | null }) =>
          v.status === 'closed' && v.residentPays !== null,
      ),
    ).toBe(true);
    const followUp = visits.items.find(
      (v: { mainDiagnosis: { code: string } | null }) => v.mainDiagnosis?.code === 'I10',
    );
    const tl = (await t().inject({ url: `/api/residents/${followUp.residentId}/timeline` })).json();
    expect(tl.series.bloodPressure.length).toBeGreaterThanOrEqual(6);
    expect(tl.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'I10', status: 'active' })]),
    );
    expect(tl.lastPrescriptions.items.length).toBeGreaterThan(0);
    const counted = await sql<{ n: number; stations: number }>`
      select count(*)::int as n, count(distinct facility_id)::int as stations from encounter`.execute(
      t().ctx.db,
    );
    expect(counted.rows[0]?.stations).toBeGreaterThan(5);
    // Each visit carries the answer the insurance rules gave the resident's cards on its date.
    await expectBilledByTheirAnswer(t().ctx.db, 'benefit-percent');
  });

  describeSharedDemoExpectations(t, {
    today: TODAY,
    stationArea: commune.code,
    stationCode: station.code,
    childrenOf: "the district's",
    children: 1500,
    early: 5,
    stockArea: DEMO_DISTRICT,
    stockFacilities: 9,
    shelves:
      "the demo district's shelves: the centre and its stations, stock-outs, near expiry, a requisition in each state",
  });

  test('afterwards the database counts as holding data', async () => {
    expect(await hasDemoData(t().ctx.db)).toBe(true);
  });

  test("the stations' capabilities: about half the standard offered across the province, some equipment not working", async () => {
    const province = demo.areas.all.find((a) => a.level === 'province');
    const res = await t().inject({ url: `/api/capabilities?area=${province?.code}&date=${TODAY}` });
    expect(res.statusCode, res.body).toBe(200);
    const { rollUp, stations } = res.json();
    expect(rollUp.stations).toBe(136);
    expect(rollUp.services.share).toBeGreaterThan(0.45);
    expect(rollUp.services.share).toBeLessThan(0.6);
    expect(rollUp.services.stationsWithUndeclared).toBeGreaterThan(0);
    expect(rollUp.equipment.unitsBroken).toBeGreaterThan(0);
    expect(rollUp.equipment.stationsWithNotWorking).toBeGreaterThan(0);
    expect(
      stations.every((s: { gap: { services: { offered: number } } }) => s.gap.services.offered > 0),
    ).toBe(true);
    const own = await t().inject({ url: `/api/facilities/${station.code}/services?date=${TODAY}` });
    expect(own.json().services.filter((x: { current: unknown }) => x.current).length).toBeGreaterThan(10);
  });

  test('lists the 136 commune stations of the network through the API', async () => {
    const res = await t().inject({ url: '/api/facilities?kind=commune_health_station&limit=500' });
    expect(res.statusCode).toBe(200);
    const { items, nextCursor } = res.json();
    expect(items).toHaveLength(136);
    expect(nextCursor).toBeNull();
    expect(items.find((f: { name: string }) => f.name === 'Trạm Y tế phường Vĩnh Hải')).toBeDefined();
  });

  test('filters the network by district: Khánh Sơn has its centre, 8 stations and 3 sub-stations', async () => {
    const res = await t().inject({ url: '/api/facilities?area=575&limit=100' });
    expect(res.statusCode).toBe(200);
    const kinds: Record<string, number> = {};
    for (const f of res.json().items as { kind: string }[]) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
    expect(kinds).toEqual({
      district_health_centre: 1,
      general_clinic: 1,
      commune_health_station: 8,
      sub_station: 3,
    });
  });

  test('the provincial hospitals and the private ones are there', async () => {
    const res = await t().inject({
      url: '/api/facilities?kind=provincial_general_hospital,private_hospital,military_hospital&limit=50',
    });
    expect(res.statusCode).toBe(200);
    const names = (res.json().items as { name: string }[]).map((f) => f.name);
    expect(names).toHaveLength(9);
    expect(names).toContain('Bệnh viện Đa khoa tỉnh Khánh Hòa');
    expect(names).toContain('Bệnh viện Quân y 87');
  });

  test('workers are assigned: a commune station lists its staff and village health workers', async () => {
    const res = await t().inject({ url: `/api/workers?facility=56100&on=${TODAY}&limit=100` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { cadre: string }[];
    expect(items.filter((w) => w.cadre !== 'village_health_worker').length).toBeGreaterThanOrEqual(5);
    expect(items.some((w) => w.cadre === 'village_health_worker')).toBe(true);
  });

  test('the communes carry population figures', async () => {
    const res = await t().inject({ url: '/api/areas?level=commune&limit=500' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(136);
  });

  test('every demo login signs in with the password "demo"', async () => {
    expect(DEMO_PASSWORD).toBe('demo');
    expect(demoLogins(demo).map((l) => l.username)).toEqual(DEMO_USERNAMES);
    for (const username of DEMO_USERNAMES) {
      expect(await t().signIn(username, 'demo')).toMatch(/\S{20,}/);
    }
  });

  test('the district manager is the station’s district and sees its stations only', async () => {
    const district = commune.parentCode!;
    const expected = demo.facilities.filter(
      (f) =>
        f.kind === 'commune_health_station' &&
        demo.areas.communes.find((c) => c.code === f.areaCode)?.parentCode === district,
    );
    const res = await t().inject({
      url: '/api/facilities?kind=commune_health_station&limit=500',
      headers: bearer(await t().signIn('district', DEMO_PASSWORD)),
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; areaPath: string }[];
    expect(items.map((f) => f.code).sort()).toEqual(expected.map((f) => f.code).sort());
    expect(items.every((f) => f.areaPath.startsWith(`56.${district}.`))).toBe(true);
    expect(items.map((f) => f.code)).toContain(station.code);
  });

  test('the district login sees the registered population of its district, the station’s commune in it', async () => {
    expect(commune.district.code).toBe(DEMO_DISTRICT);
    const res = await t().inject({
      url: `/api/coverage?area=${DEMO_DISTRICT}&date=${TODAY}`,
      headers: bearer(await t().signIn('district', DEMO_PASSWORD)),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().activeResidents).toBeGreaterThan(20_000);
  });

  test('the station login sees its commune: a station with a doctor and a rotating district doctor this week', async () => {
    const res = await t().inject({
      url: `/api/capacity?area=${commune.code}&year=2026&date=${TODAY}`,
      headers: bearer(await t().signIn('station', DEMO_PASSWORD)),
    });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.communes).toMatchObject({ total: 1, withStation: 1, stationHasDoctor: 1 });
    expect(c.rotation).toMatchObject({ communeStations: 1, withRotatingDoctor: 1 });
  });

  test('the doctor login is a doctor working at that same station', async () => {
    const headers = bearer(await t().signIn('doctor', DEMO_PASSWORD));
    const session = (await t().inject({ url: '/api/auth/session', headers })).json();
    expect(session.roles).toHaveLength(1);
    expect(session.roles[0].role).toBe('doctor');
    const res = await t().inject({
      url: `/api/workers?facility=${station.code}&on=${TODAY}&limit=100`,
      headers,
    });
    expect(res.statusCode).toBe(200);
    const me = (res.json().items as { id: string; cadre: string }[]).find(
      (w) => w.id === session.user.workerId,
    );
    expect(me?.cadre).toBe('doctor');
  });

  test('the village health worker login is scoped to a village of that commune', async () => {
    const headers = bearer(await t().signIn('vhw', DEMO_PASSWORD));
    const session = (await t().inject({ url: '/api/auth/session', headers })).json();
    expect(session.roles[0].role).toBe('vhw');
    const village = commune.villages[0]!;
    expect(session.roles[0].scopePath).toBe(`56.${commune.parentCode}.${commune.code}.${village.code}`);
  });

  test('rotations are loaded: the province has commune stations with a rotating district doctor this week', async () => {
    const list = await t().inject({ url: `/api/rotations?from=${TODAY}&to=${TODAY}&limit=100` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(demo.rotations.length);
    const res = await t().inject({
      url: `/api/capacity?area=56&year=2026&date=${TODAY}`,
      headers: bearer(await t().signIn('province', DEMO_PASSWORD)),
    });
    expect(res.statusCode).toBe(200);
    const hosts = new Set(demo.rotations.map((r) => r.hostFacilityCode));
    expect(res.json().rotation.withRotatingDoctor).toBe(hosts.size);
    expect(hosts.size).toBeGreaterThanOrEqual(30);
  });

  test('training records are loaded: a trained worker lists their courses', async () => {
    const code = demo.training[0]!.workerCode;
    const found = await t().inject({ url: `/api/workers?q=${code}&limit=5` });
    const id = (found.json().items as { id: string; code: string }[]).find((w) => w.code === code)!.id;
    const res = await t().inject({ url: `/api/workers/${id}` });
    expect(res.statusCode).toBe(200);
    const courses = (res.json().training as { course: string }[]).map((x) => x.course).sort();
    expect(courses).toEqual(
      demo.training
        .filter((x) => x.workerCode === code)
        .map((x) => x.course)
        .sort(),
    );
  });

  test('capacity figures for the province match seed 004', async () => {
    const res = await t().inject({ url: '/api/capacity?area=56&year=2023' });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.staff).toBe(9250);
    expect(c.doctors).toBe(1380);
    expect(c.doctorsPostgraduateShare).toBeCloseTo(0.49, 2);
    expect(c.population).toBeGreaterThan(1_140_000);
    expect(c.population).toBeLessThan(1_260_000);
    expect(c.bedsPer10k).toBeGreaterThan(30);
    expect(c.bedsPer10k).toBeLessThan(34);
    expect(c.communes.stationHasDoctorShare).toBeGreaterThanOrEqual(0.85);
    expect(c.communes.stationHasDoctorShare).toBeLessThanOrEqual(0.9);
    expect(c.facilities.byKind).toMatchObject({
      provincial_general_hospital: 3,
      provincial_specialised_hospital: 6,
      preventive_medicine_unit: 9,
      district_health_centre: 8,
      general_clinic: 14,
      commune_health_station: 136,
      sub_station: 15,
    });
  });

  test('insurance coverage of the demo district is near 92% and matches a count by hand in SQL', async () => {
    const res = await t().inject({ url: `/api/coverage?area=${DEMO_DISTRICT}&date=${TODAY}` });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    const { rows } = await sql<{ active: string; insured: string }>`
      select count(*) as active,
        count(*) filter (where exists (select 1 from insurance_card c where c.resident_id = r.id
          and c.status = 'active' and c.valid_from <= ${TODAY}::date and c.valid_to >= ${TODAY}::date)) as insured
      from resident r
      where r.area_path <@ ${`56.${DEMO_DISTRICT}`}::ltree
        and r.status = 'active' and r.active and r.merged_into_id is null`.execute(t().ctx.db);
    expect(c.activeResidents).toBe(Number(rows[0]!.active));
    expect(c.insuredResidents).toBe(Number(rows[0]!.insured));
    expect(c.activeResidents).toBeGreaterThan(20_000);
    expect(c.coveragePercent).toBeGreaterThan(90.5);
    expect(c.coveragePercent).toBeLessThan(93.5);
    const groups = (c.byGroup as { group: string }[]).map((g) => g.group);
    expect(groups).toEqual(expect.arrayContaining(['DT', 'GD', 'TE', 'HS', 'DN', 'HT']));
  });

  test('an expired demo card is refused and says it expired', async () => {
    const lapsed = [...cardsOf.values()].find((own) => own.every((c) => c.valid_to < TODAY))!;
    const last = lapsed.at(-1)!;
    const res = await t().inject({
      url: `/api/eligibility?card=${last.card_number}&facility=${last.registered_facility_code}&date=${TODAY}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      valid: false,
      rule: 'card-expired',
      benefitPercent: 0,
      reason: { code: 'expired', agencyCode: '010', message: `The card expired on ${last.valid_to}` },
    });
  });

  test('a demo card from another province is valid at the district centre but off-route', async () => {
    const card = cards.find((c) => validToday(c) && c.card_number.slice(3, 5) !== '56')!;
    const province = card.card_number.slice(3, 5);
    const centre = demo.facilities.find(
      (f) =>
        f.kind === 'district_health_centre' &&
        demo.areas.communes.find((x) => x.code === f.areaCode)?.district.code === DEMO_DISTRICT,
    )!;
    const res = await t().inject({
      url: `/api/eligibility?citizenId=${card.citizen_id}&facility=${centre.code}&date=${TODAY}&visitKind=self-referred`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      valid: true,
      onRoute: false,
      routeRule: 'self-referred',
      rule: 'off-route-rate',
      card: { cardNumber: card.card_number, provinceCode: province },
    });
    expect(body.reason.message).toContain(`outside the card's province (${province})`);
  });

  test('a referred visit to the provincial hospital is on-route at the card’s rate', async () => {
    const card = cards.find(
      (c) => validToday(c) && c.card_number.startsWith('GD456') && !c.copay_exempt_from,
    )!;
    const hospital = demo.facilities.find((f) => f.kind === 'provincial_general_hospital')!;
    const res = await t().inject({
      url: `/api/eligibility?card=${card.card_number}&facility=${hospital.code}&date=${TODAY}&visitKind=referred`,
    });
    expect(res.json()).toMatchObject({
      valid: true,
      onRoute: true,
      routeRule: 'referral',
      rule: 'benefit-level',
      benefitPercent: 80,
    });
    const selfReferred = await t().inject({
      url: `/api/eligibility?card=${card.card_number}&facility=${hospital.code}&date=${TODAY}&visitKind=self-referred`,
    });
    expect(selfReferred.json()).toMatchObject({ valid: true, onRoute: false, benefitPercent: 0 });
  });

  test('the station lists its people whose card ends within 30 days', async () => {
    const res = await t().inject({
      url: `/api/insurance-cards/expiring?area=${DEMO_DISTRICT}&date=${TODAY}&days=30`,
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { daysLeft: number; card: { validTo: string } }[];
    // A district of 26,000 people: hundreds of cards end in a month; the list pages them.
    expect(res.json().total.count).toBeGreaterThan(500);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.card.validTo <= addDays(TODAY, 30) && i.daysLeft >= 0)).toBe(true);
  });
  test('the station login reads the VN catalogues every install ships: hundreds of medicines and services in VND', async () => {
    const headers = bearer(await t().signIn('station', DEMO_PASSWORD));
    const medicines = await t().inject({ url: `/api/catalog/medicines?limit=200&date=${TODAY}`, headers });
    expect(medicines.statusCode, medicines.body).toBe(200);
    const items = medicines.json().items as { catalogue: string; price: { unitPrice: number } | null }[];
    expect(items.length).toBeGreaterThan(150);
    expect(items.every((m) => m.catalogue === 'vn-medicines-2026' && m.price !== null)).toBe(true);
    const services = await t().inject({ url: '/api/catalog/services?q=kham benh&limit=50', headers });
    expect(services.json().items.length).toBeGreaterThan(1);
    const i10 = await t().inject({ url: '/api/catalog/diagnoses/I10', headers });
    expect(i10.json().names.vi).toBe('Tăng huyết áp vô căn (nguyên phát)');
  });
});
