import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { type AccessWorld, as, buildAccessWorld } from '../access/access.fixtures.ts';
import { figuresPopulation } from './figures.fixtures.ts';
import type { ProgrammeFigures } from './figures.schema.ts';

/**
 * Immunization coverage, antenatal and postnatal care and the elderly check on both engines (VN), against a population counted by
 * hand; 2026Q3 as of 2026-09-30 (the server's day is 2026-12-02). The cohort is the children whose
 * first birthday is 2026-07-01..2026-09-30; doses count before the birthday. Vietnam's "fully
 * immunized" (vn.json programmeFigures): BCG, three doses of diphtheria, pertussis, tetanus,
 * hepatitis B, Hib and polio, one of measles.
 *
 *   K1 born 2025-07-10: BCG, pentavalent ×3, bOPV ×3, MCV at 9 months          fully immunized
 *   K2 born 2025-08-01: BCG, hexavalent ×3 (DTP, polio, HepB, Hib), MCV         fully immunized
 *   K3 born 2025-09-01: BCG, pentavalent ×2, bOPV ×2, MCV                        DTP1, MCV1, not DTP3
 *   K4 born 2025-08-20: BCG, pentavalent ×3 of which one retracted, a fourth
 *      after the birthday (2026-09-01)                                          DTP1, not DTP3
 *   K5 born 2025-06-15 (birthday before the quarter), BCG                       not in the cohort
 *   K6 born 2025-07-05 in district 2, BCG                                        not in district 1
 *   K7 born 2025-09-10, died 2026-03-01                                          not a surviving infant
 * District 451: cohort 4; BCG 4 (100%); DTP1 4 (100%); DTP3 K1, K2 = 2 (50%); MCV1 K1-K3 = 3 (75%);
 * fully immunized K1, K2 = 2 (50%); dropout DTP1-DTP3 = 2 of 4 (50%).
 *
 * Elderly (65 on 2026-09-30: born by 1961-09-30; a year-only 1961 counts), the last twelve months
 * 2025-10-01..2026-09-30:
 *   E1 born 1950-01-01, Z00.0 on 2026-03-10                                      checked
 *   E2 born 1955-05-05, a visit for I10 on 2026-08-01                           not checked
 *   E3 born 1961-09-30, Z00.0 on 2025-09-30 (before the twelve months)          not checked
 *   E4 born 1961-10-01 (64), Z00.0 on 2026-05-01                                 not counted
 *   E5 born in 1961 (year only), Z00.0 on 2025-10-01                             checked
 *   E6 born 1940, Z00.0 on 2026-02-01, died 2026-07-01                           not counted
 * Elderly check: E1, E5 = 2 of E1, E2, E3, E5 = 4 (50%).
 *
 * Births (women born 1995), contacts as the visit-schedule files count them:
 *   P1 LMP 2025-12-01 (EDD 2026-09-07), live birth 2026-09-05; Z34.0 2026-02-10 (day 71), a gestational
 *      age 2026-04-10, Z34.9 and a fundal height 2026-06-10 (one contact), Z34.9 2026-08-10; Z39.2 on
 *      2026-09-10 (day 5)                                     first trimester, four contacts, postnatal
 *   P2 LMP 2025-11-01, live birth 2026-08-08; Z34.9 2026-03-01 (day 120), 2026-05-01, 2026-07-01, a
 *      gestational age 2026-07-20 retracted; I10 on 2026-08-12, Z39.2 on 2026-08-16 (day 8)   none
 *   P3 LMP 2025-10-15, stillbirth 2026-07-20; Z39.0 on the day                 postnatal (no ANC count)
 *   P4 live birth 2026-06-28 (before the quarter); P5 in district 2, live birth 2026-08-01   not counted
 * First trimester 1 of 2 live births (50%); four contacts 1 of 2 (50%); postnatal 2 of 3 births (66.7%).
 */
describeOnBothEngines('programme figures: coverage, maternal care, the elderly (vn)', (t) => {
  let w: AccessWorld;
  const pop = figuresPopulation(t);

  beforeAll(async () => {
    w = await buildAccessWorld(t(), { roles: ['district'] });
    const s1 = w.facilities.station1.id;
    const commune = w.areas.commune1.code;
    const child = (name: string, birthDate: string, area = commune) =>
      pop.resident(area, name, { birthDate });
    const penta = (...dates: string[]) => dates.map((d): [string, string] => ['DTP-HepB-Hib', d]);
    const bopv = (...dates: string[]) => dates.map((d): [string, string] => ['bOPV', d]);

    const k1 = await child('K Một', '2025-07-10');
    await pop.doses(k1, s1, [
      ['BCG', '2025-07-11'],
      ...penta('2025-09-10', '2025-10-10', '2025-11-10'),
      ...bopv('2025-09-10', '2025-10-10', '2025-11-10'),
      ['MCV', '2026-04-10'],
    ]);
    const k2 = await child('K Hai', '2025-08-01');
    await pop.doses(k2, s1, [
      ['BCG', '2025-08-02'],
      ['DTaP-IPV-Hib-HepB', '2025-10-01'],
      ['DTaP-IPV-Hib-HepB', '2025-11-01'],
      ['DTaP-IPV-Hib-HepB', '2025-12-01'],
      ['MCV', '2026-05-01'],
    ]);
    const k3 = await child('K Ba', '2025-09-01');
    await pop.doses(k3, s1, [
      ['BCG', '2025-09-02'],
      ...penta('2025-11-01', '2025-12-01'),
      ...bopv('2025-11-01', '2025-12-01'),
      ['MCV', '2026-06-01'],
    ]);
    const k4 = await child('K Bốn', '2025-08-20');
    const k4doses = await pop.doses(k4, s1, [
      ['BCG', '2025-08-21'],
      ...penta('2025-10-20', '2025-11-20', '2025-12-20', '2026-09-01'),
    ]);
    await pop.retractDose(k4doses[2]!);
    const k5 = await child('K Năm', '2025-06-15');
    await pop.doses(k5, s1, [['BCG', '2025-06-16']]);
    const k6 = await child('K Sáu', '2025-07-05', w.areas.commune2.code);
    await pop.doses(k6, w.facilities.station2.id, [['BCG', '2025-07-06']]);
    const k7 = await child('K Bảy', '2025-09-10');
    await pop.doses(k7, s1, [['BCG', '2025-09-11']]);
    await pop.status(k7, 'deceased', '2026-03-01');

    const elder = (name: string, birthDate: string) => pop.resident(commune, name, { birthDate });
    const e1 = await elder('E Một', '1950-01-01');
    await pop.visit(e1, s1, '2026-03-10', { diagnoses: ['Z00.0'] });
    const e2 = await elder('E Hai', '1955-05-05');
    await pop.visit(e2, s1, '2026-08-01', { diagnoses: ['I10'] });
    const e3 = await elder('E Ba', '1961-09-30');
    await pop.visit(e3, s1, '2025-09-30', { diagnoses: ['Z00.0'] });
    const e4 = await elder('E Bốn', '1961-10-01');
    await pop.visit(e4, s1, '2026-05-01', { diagnoses: ['Z00.0'] });
    const e5 = await elder('E Năm', '1961');
    await pop.visit(e5, s1, '2025-10-01', { diagnoses: ['Z00.0'] });
    const e6 = await elder('E Sáu', '1940-02-02');
    await pop.visit(e6, s1, '2026-02-01', { diagnoses: ['Z00.0'] });
    await pop.status(e6, 'deceased', '2026-07-01');

    const mother = (name: string, area = commune) => pop.resident(area, name, { birthDate: '1995-01-01' });
    const p1 = await mother('P Một');
    await pop.pregnancy(p1, '2025-12-01', 'live-birth', '2026-09-05');
    await pop.visit(p1, s1, '2026-02-10', { diagnoses: ['Z34.0'] });
    await pop.visit(p1, s1, '2026-04-10', { readings: { '11884-4': 18.6 } });
    await pop.visit(p1, s1, '2026-06-10', { diagnoses: ['Z34.9'], readings: { '11881-0': 27 } });
    await pop.visit(p1, s1, '2026-08-10', { diagnoses: ['Z34.9'] });
    await pop.visit(p1, s1, '2026-09-10', { diagnoses: ['Z39.2'] });
    const p2 = await mother('P Hai');
    await pop.pregnancy(p2, '2025-11-01', 'live-birth', '2026-08-08');
    for (const d of ['2026-03-01', '2026-05-01', '2026-07-01'])
      await pop.visit(p2, s1, d, { diagnoses: ['Z34.9'] });
    await pop.visit(p2, s1, '2026-07-20', { retracted: { '11884-4': 37 } });
    await pop.visit(p2, s1, '2026-08-12', { diagnoses: ['I10'] });
    await pop.visit(p2, s1, '2026-08-16', { diagnoses: ['Z39.2'] });
    const p3 = await mother('P Ba');
    await pop.pregnancy(p3, '2025-10-15', 'stillbirth', '2026-07-20');
    await pop.visit(p3, s1, '2026-07-20', { diagnoses: ['Z39.0'] });
    const p4 = await mother('P Bốn');
    await pop.pregnancy(p4, '2025-09-21', 'live-birth', '2026-06-28');
    await pop.visit(p4, s1, '2025-11-01', { diagnoses: ['Z34.0'] });
    const p5 = await mother('P Năm', w.areas.commune2.code);
    await pop.pregnancy(p5, '2025-11-01', 'live-birth', '2026-08-01');
    await pop.visit(p5, w.facilities.station2.id, '2026-08-02', { diagnoses: ['Z39.2'] });
  });

  const figuresOf = async (area: string, period: string) => {
    const res = await as(t(), w.users.district.token, {
      url: `/api/programmes/figures?area=${area}&period=${period}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ProgrammeFigures;
  };
  const table = (a: ProgrammeFigures, kind: string) =>
    Object.fromEntries(
      a.figures.filter((f) => f.kind === kind).map((f) => [f.id, [f.count, f.denominator, f.rate]]),
    );

  test("the district's immunization coverage for 2026Q3 is the hand count", async () => {
    const a = await figuresOf(w.areas.district1.code, '2026Q3');
    expect(table(a, 'immunization')).toEqual({
      'immunization-bcg': [4, 4, 100],
      'immunization-dtp1': [4, 4, 100],
      'immunization-dtp3': [2, 4, 50],
      'immunization-mcv1': [3, 4, 75],
      'immunization-fully-immunized': [2, 4, 50],
      'immunization-dtp-dropout': [2, 4, 50],
    });
    const full = a.figures.find((f) => f.id === 'immunization-fully-immunized');
    expect(full?.definition.vi).toContain('tuberculosis ×1, diphtheria ×3');
  });

  test("the district's elderly check for 2026Q3 is the hand count", async () => {
    const a = await figuresOf(w.areas.district1.code, '2026Q3');
    expect(table(a, 'elderly')).toEqual({ 'elderly-check': [2, 4, 50] });
  });

  test("the district's antenatal and postnatal figures for 2026Q3 are the hand count", async () => {
    const a = await figuresOf(w.areas.district1.code, '2026Q3');
    expect(table(a, 'antenatal')).toEqual({
      'antenatal-first-trimester': [1, 2, 50],
      'antenatal-four-contacts': [1, 2, 50],
    });
    expect(table(a, 'postnatal')).toEqual({ 'postnatal-within-week': [2, 3, 66.7] });
  });

  test('a month whose birthdays hold only K4 and K2: 2026-08', async () => {
    // Birthdays 2026-08-01..2026-08-31: K2 (fully immunized), K4 (DTP1 only).
    const a = await figuresOf(w.areas.district1.code, '2026-08');
    const i = table(a, 'immunization');
    expect(i['immunization-dtp3']).toEqual([1, 2, 50]);
    expect(i['immunization-fully-immunized']).toEqual([1, 2, 50]);
    expect(i['immunization-dtp-dropout']).toEqual([1, 2, 50]);
  });
});
