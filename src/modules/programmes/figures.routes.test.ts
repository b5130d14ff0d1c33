import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { type AccessWorld, as, buildAccessWorld } from '../access/access.fixtures.ts';
import { bp, figuresPopulation } from './figures.fixtures.ts';
import type { ProgrammeFigures } from './figures.schema.ts';

/**
 * The programme figures on both engines (VN), against a population counted by hand. The server's
 * day is TEST_NOW, 2026-12-02. The quarter asked is 2026Q3: as of 2026-09-30, the last three months
 * from 2026-07-01, the last twelve from 2025-10-01. "Registered" needs an onset before 2026-07-01.
 * Visits are at the district-1 commune station (S4510) unless they say the district centre (C4510),
 * whose rows the station's scope does not see.
 *
 * Hypertension, residents of commune 45101 (village 45101_1 for H4 and H11):
 *   H1  I10 2025-03-01; 2026-08-15 130/80                               controlled
 *   H2  I10 2025-03-01; 2026-07-20 128/78, 2026-09-10 150/95            uncontrolled (the latest counts)
 *   H3  I10 2025-06-01; 2026-08-01 160/100, 2026-09-20 132/84 retracted uncontrolled (in force only)
 *   H4  I10 2025-06-01; 2026-05-01 120/70, 2026-09-01 weight only       visited, no reading
 *   H5  I10 2024-01-01; 2026-04-10 120/70; at C4510 2026-08-20 125/75   district: controlled; station: missed
 *   H6  I10 2024-01-01; 2025-09-15 140/90                               lost to follow-up (not under care)
 *   H7  I11.9 2024-01-01; 2026-07-05 120/70; died 2026-08-01            registered, not under care
 *   H8  I10 2026-08-01; 2026-08-01 130/80                               newly registered only
 *   H9  I10 2024-01-01 resolved 2026-02-01; 2026-08-10 150/95           not a member
 *   H10 commune 45201 (district 2) I10 2024-01-01; S4520 2026-08-10     only in the province's figures
 *   H11 I10 2025-01-01 at S4510 and 2024-06-01 at C4510; 2026-09-25 139/89   controlled, counted once
 *   H12 I10 2025-12-15; 2025-12-15 150/90                               missed visit (seen in 12 months)
 * District 451: registered H1-H7, H11, H12 = 9; new H8 = 1; under care (living, a visit since
 * 2025-10-01) H1-H5, H11, H12 = 7; controlled H1, H5, H11 = 3; uncontrolled H2, H3 = 2; visited
 * without a reading H4 = 1; missed H12 = 1 (3 + 2 + 1 + 1 = 7); lost to follow-up H6 = 1 of the 7
 * registered before 2025-10-01 and living (H1-H6, H11).
 * The station (commune 45101) does not see C4510's rows: H5's August visit, so H5 is a missed visit
 * (controlled 2, missed 2); H11's C4510 problem, so its onset is 2025-01-01 (still registered).
 *
 * Calls about overdue follow-ups (outreach attempts; instants in UTC, days in Vietnam, UTC+7):
 *   H1 vn-hypertension 2026-08-01 09:00; visit 2026-08-15 (day 14)                      back in care
 *   H2 2026-06-30T17:30Z, 1 July in Vietnam (in the quarter); visits 07-20 (day 19)     not back
 *   H4 2026-08-20T17:30Z (21 August); visit 2026-09-01 (day 11)                          back
 *   H5 2026-07-25; its next visit 2026-08-20 at C4510 (day 26)                           not back
 *   H6 moved-away (not a call); H10 in district 2; H11 2026-09-25, the day of its visit back
 *   H12 not-reachable 2026-09-01, will-come 2026-09-05; no visit                         not back
 *   D2 vn-diabetes 2026-08-25; visit 2026-09-01 (day 7)                                  back (diabetes)
 * District 451: hypertension 3 back of 6 called (50%); diabetes 1 of 1.
 *
 * Diabetes, commune 45101:
 *   D1 E11.9 2025-01-01; 2026-08-05 HbA1c 6.5 and fasting 8.0           controlled (HbA1c first)
 *   D2 E11.9 2025-01-01; 2026-09-01 fasting 7.5                         uncontrolled
 *   D3 E11.9 2025-01-01; 2026-07-15 random 10.0                         controlled
 *   D4 E11.9 2025-01-01; 2026-08-20 weight only                         visited, no reading
 *   D5 E11.9 2024-05-01; 2025-08-01 fasting 6.0                         lost to follow-up
 *   D6 E11.9 2026-09-01; 2026-09-01 fasting 6.0                         newly registered
 * Registered D1-D5 = 5; new 1; under care D1-D4 = 4: controlled 2, uncontrolled 1, no reading 1,
 * missed 0; lost to follow-up 1 of 5.
 */
describeOnBothEngines('programme figures API (vn)', (t) => {
  let w: AccessWorld;
  const pop = figuresPopulation(t);

  beforeAll(async () => {
    w = await buildAccessWorld(t(), { roles: ['province', 'district', 'station', 'vhw'] });
    const s1 = w.facilities.station1.id;
    const c1 = w.facilities.centre1.id;
    const commune = w.areas.commune1.code;
    const village = w.areas.village1.code;
    const htn = async (name: string, onset: string, area = commune, code = 'I10', at = s1) => {
      const id = await pop.resident(area, name);
      await pop.problem(id, at, code, onset);
      return id;
    };

    const h1 = await htn('H Một', '2025-03-01');
    await pop.visit(h1, s1, '2026-08-15', { readings: bp(130, 80) });
    const h2 = await htn('H Hai', '2025-03-01');
    await pop.visit(h2, s1, '2026-07-20', { readings: bp(128, 78) });
    await pop.visit(h2, s1, '2026-09-10', { readings: bp(150, 95) });
    const h3 = await htn('H Ba', '2025-06-01');
    await pop.visit(h3, s1, '2026-08-01', { readings: bp(160, 100) });
    await pop.visit(h3, s1, '2026-09-20', { retracted: bp(132, 84) });
    const h4 = await htn('H Bốn', '2025-06-01', village);
    await pop.visit(h4, s1, '2026-05-01', { readings: bp(120, 70) });
    await pop.visit(h4, s1, '2026-09-01', { readings: { '29463-7': 61 } });
    const h5 = await htn('H Năm', '2024-01-01');
    await pop.visit(h5, s1, '2026-04-10', { readings: bp(120, 70) });
    await pop.visit(h5, c1, '2026-08-20', { readings: bp(125, 75) });
    const h6 = await htn('H Sáu', '2024-01-01');
    await pop.visit(h6, s1, '2025-09-15', { readings: bp(140, 90) });
    const h7 = await htn('H Bảy', '2024-01-01', commune, 'I11.9');
    await pop.visit(h7, s1, '2026-07-05', { readings: bp(120, 70) });
    await pop.status(h7, 'deceased', '2026-08-01');
    const h8 = await htn('H Tám', '2026-08-01');
    await pop.visit(h8, s1, '2026-08-01', { readings: bp(130, 80) });
    const h9 = await pop.resident(commune, 'H Chín');
    await pop.problem(h9, s1, 'I10', '2024-01-01', '2026-02-01');
    await pop.visit(h9, s1, '2026-08-10', { readings: bp(150, 95) });
    const h10 = await htn('H Mười', '2024-01-01', w.areas.commune2.code, 'I10', w.facilities.station2.id);
    await pop.visit(h10, w.facilities.station2.id, '2026-08-10', { readings: bp(120, 70) });
    const h11 = await htn('H Mười Một', '2025-01-01', village);
    await pop.problem(h11, c1, 'I10', '2024-06-01');
    await pop.visit(h11, s1, '2026-09-25', { readings: bp(139, 89) });
    const h12 = await htn('H Mười Hai', '2025-12-15');
    await pop.visit(h12, s1, '2025-12-15', { readings: bp(150, 90) });

    const dm = async (name: string, onset: string) => {
      const id = await pop.resident(commune, name);
      await pop.problem(id, s1, 'E11.9', onset);
      return id;
    };
    const d1 = await dm('D Một', '2025-01-01');
    await pop.visit(d1, s1, '2026-08-05', { readings: { '4548-4': 6.5, '1558-6': 8.0 } });
    const d2 = await dm('D Hai', '2025-01-01');
    await pop.visit(d2, s1, '2026-09-01', { readings: { '1558-6': 7.5 } });
    const d3 = await dm('D Ba', '2025-01-01');
    await pop.visit(d3, s1, '2026-07-15', { readings: { '2339-0': 10.0 } });
    const d4 = await dm('D Bốn', '2025-01-01');
    await pop.visit(d4, s1, '2026-08-20', { readings: { '29463-7': 70 } });
    const d5 = await dm('D Năm', '2024-05-01');
    await pop.visit(d5, s1, '2025-08-01', { readings: { '1558-6': 6.0 } });
    const d6 = await dm('D Sáu', '2026-09-01');
    await pop.visit(d6, s1, '2026-09-01', { readings: { '1558-6': 6.0 } });

    const htnCall = (id: string, at: string, outcome?: string) =>
      pop.call(id, 'vn-hypertension', at, outcome);
    await htnCall(h1, '2026-08-01T02:00:00Z');
    await htnCall(h2, '2026-06-30T17:30:00Z');
    await htnCall(h4, '2026-08-20T17:30:00Z');
    await htnCall(h5, '2026-07-25T02:00:00Z');
    await htnCall(h6, '2026-08-01T02:00:00Z', 'moved-away');
    await htnCall(h10, '2026-08-01T02:00:00Z');
    await htnCall(h11, '2026-09-25T01:00:00Z');
    await htnCall(h12, '2026-09-01T02:00:00Z', 'not-reachable');
    await htnCall(h12, '2026-09-05T02:00:00Z');
    await pop.call(d2, 'vn-diabetes', '2026-08-25T02:00:00Z');
  });

  const figuresOf = async (token: string, area: string, period: string) => {
    const res = await as(t(), token, { url: `/api/programmes/figures?area=${area}&period=${period}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ProgrammeFigures;
  };
  /** id → [count, denominator, rate] of the figures of a kind. */
  const table = (a: ProgrammeFigures, kind: string) =>
    Object.fromEntries(
      a.figures.filter((f) => f.kind === kind).map((f) => [f.id, [f.count, f.denominator, f.rate]]),
    );

  test("the district's hypertension figures for 2026Q3 are the hand count", async () => {
    const a = await figuresOf(w.users.district.token, w.areas.district1.code, '2026Q3');
    expect(a.period).toEqual({ id: '2026Q3', kind: 'quarter', from: '2026-07-01', to: '2026-09-30' });
    expect(a.asOf).toBe('2026-09-30');
    expect(a.windows).toEqual({
      last3Months: { from: '2026-07-01', to: '2026-09-30' },
      last12Months: { from: '2025-10-01', to: '2026-09-30' },
    });
    expect(a.area).toMatchObject({ id: w.areas.district1.id, code: '451' });
    expect(table(a, 'hypertension')).toEqual({
      'hypertension-registered': [9, null, null],
      'hypertension-new': [1, null, null],
      'hypertension-under-care': [7, 9, 77.8],
      'hypertension-controlled': [3, 7, 42.9],
      'hypertension-uncontrolled': [2, 7, 28.6],
      'hypertension-visit-no-reading': [1, 7, 14.3],
      'hypertension-missed-visit': [1, 7, 14.3],
      'hypertension-lost-to-follow-up': [1, 7, 14.3],
      'hypertension-returned-after-call': [3, 6, 50],
    });
    const controlled = a.figures.find((f) => f.id === 'hypertension-controlled');
    expect(controlled?.definition.en).toContain('below 140/90');
    expect(controlled?.definition.vi).toContain('dưới 140/90');
    expect(controlled?.definition.zh).toContain('低于 140/90');
  });

  test("the district's diabetes figures for 2026Q3 are the hand count", async () => {
    const a = await figuresOf(w.users.district.token, w.areas.district1.id, '2026Q3');
    expect(table(a, 'diabetes')).toEqual({
      'diabetes-registered': [5, null, null],
      'diabetes-new': [1, null, null],
      'diabetes-under-care': [4, 5, 80],
      'diabetes-controlled': [2, 4, 50],
      'diabetes-uncontrolled': [1, 4, 25],
      'diabetes-visit-no-reading': [1, 4, 25],
      'diabetes-missed-visit': [0, 4, 0],
      'diabetes-lost-to-follow-up': [1, 5, 20],
      'diabetes-returned-after-call': [1, 1, 100],
    });
  });

  test("the station counts what its scope sees: the district centre's visit is not among them", async () => {
    const a = await figuresOf(w.users.station.token, w.areas.commune1.code, '2026Q3');
    const h = table(a, 'hypertension');
    expect(h['hypertension-registered']).toEqual([9, null, null]);
    expect(h['hypertension-controlled']).toEqual([2, 7, 28.6]);
    expect(h['hypertension-missed-visit']).toEqual([2, 7, 28.6]);
  });

  test('a village counts its own residents (H4 visited without a reading, H11 controlled)', async () => {
    const a = await figuresOf(w.users.district.token, w.areas.village1.code, '2026Q3');
    const h = table(a, 'hypertension');
    expect(h['hypertension-registered']).toEqual([2, null, null]);
    expect(h['hypertension-under-care']).toEqual([2, 2, 100]);
    expect(h['hypertension-controlled']).toEqual([1, 2, 50]);
    expect(h['hypertension-visit-no-reading']).toEqual([1, 2, 50]);
    expect(table(a, 'diabetes')['diabetes-registered']).toEqual([0, null, null]);
    expect(table(a, 'diabetes')['diabetes-controlled']).toEqual([0, 0, null]);
  });

  test("the province's figures take in district 2 (H10 controlled)", async () => {
    const a = await figuresOf(w.users.province.token, w.areas.province.code, '2026Q3');
    const h = table(a, 'hypertension');
    expect(h['hypertension-registered']).toEqual([10, null, null]);
    expect(h['hypertension-controlled']).toEqual([4, 8, 50]);
  });

  test('a month counts its last three months: 2026-08 is as of 2026-08-31 from 2026-06-01', async () => {
    const a = await figuresOf(w.users.district.token, w.areas.district1.code, '2026-08');
    expect(a.windows.last3Months).toEqual({ from: '2026-06-01', to: '2026-08-31' });
    // Registered before 2026-06-01: H1-H7, H11, H12 (9); H7 died 2026-08-01. Under care (a visit from
    // 2025-09-01 to 2026-08-31): H1-H6, H12 (H6's 2025-09-15 counts now; H11's one visit is later).
    // H1 130/80 (08-15), H2 128/78 (07-20), H5 125/75 (08-20) controlled; H3 160/100 uncontrolled; H4
    // (last 05-01), H6, H12 missed. Lost to follow-up: H11, of H1-H6 and H11 registered before 2025-09-01.
    const h = table(a, 'hypertension');
    expect(h['hypertension-under-care']).toEqual([7, 9, 77.8]);
    expect(h['hypertension-controlled']).toEqual([3, 7, 42.9]);
    expect(h['hypertension-uncontrolled']).toEqual([1, 7, 14.3]);
    expect(h['hypertension-visit-no-reading']).toEqual([0, 7, 0]);
    expect(h['hypertension-missed-visit']).toEqual([3, 7, 42.9]);
    expect(h['hypertension-lost-to-follow-up']).toEqual([1, 7, 14.3]);
  });

  test('an area outside the scope is 403; an unknown area or a bad or future period is 400', async () => {
    const outside = await as(t(), w.users.district.token, {
      url: `/api/programmes/figures?area=${w.areas.district2.code}&period=2026Q3`,
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('forbidden');
    const fields = async (query: string) => {
      const res = await as(t(), w.users.district.token, { url: `/api/programmes/figures?${query}` });
      expect(res.statusCode, res.body).toBe(400);
      return (res.json().errors as { field: string }[]).map((e) => e.field);
    };
    expect(await fields('area=NOPE&period=2026Q3')).toEqual(['query.area']);
    expect(await fields('area=451&period=2026Q5')).toEqual(['query.period']);
    expect(await fields('area=451&period=2027Q1')).toEqual(['query.period']);
    expect(await fields('area=451')).toEqual(['query.period']);
  });

  test('a village health worker, who has no programmes.read, is refused', async () => {
    const res = await as(t(), w.users.vhw.token, {
      url: `/api/programmes/figures?area=${w.areas.village1.code}&period=2026Q3`,
    });
    expect(res.statusCode).toBe(403);
  });
});
