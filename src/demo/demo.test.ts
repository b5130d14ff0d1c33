import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../test/support/engines.ts';
import { DEMO_PASSWORD } from './demo-users.ts';
import { hasDemoData, loadDemo } from './index.ts';

const TODAY = '2026-11-25';

describeOnBothEngines('the demo province', (t) => {
  beforeAll(async () => {
    expect(await hasDemoData(t().ctx.db)).toBe(false);
    // Loads through the modules' CSV imports; any rejected row would throw here.
    await loadDemo(t().ctx, { today: TODAY, output: false });
  }, 120_000);

  test('afterwards the database counts as holding data', async () => {
    expect(await hasDemoData(t().ctx.db)).toBe(true);
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

  test('the demo logins work and see their own scope: the Khánh Sơn district manager sees Khánh Sơn only', async () => {
    const token = await t().signIn('district', DEMO_PASSWORD);
    const res = await t().inject({
      url: '/api/facilities?kind=commune_health_station&limit=500',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { areaPath: string }[];
    expect(items).toHaveLength(8);
    expect(items.every((f) => f.areaPath.startsWith('56.575.'))).toBe(true);
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
});
