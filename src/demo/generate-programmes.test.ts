import { describe, expect, test } from 'vitest';
import { observationKindsByCode } from '../modules/encounters/observation-kinds.ts';
import { readObservation } from '../modules/encounters/observations.rules.ts';
import { vaccines } from '../modules/immunizations/vaccines.ts';
import { programmesOf } from '../modules/programmes/index.ts';
import { addDays, daysBetween } from '../platform/dates.ts';
import { loadProfile } from '../platform/profile.ts';
import { demoChildChecksOf } from './child-checks-of-file.ts';
import { DEMO_PROGRAMMES } from './generate-programmes.schedules.ts';
import { type DemoProgrammeResident, type ProgrammePlan, planProgrammes } from './generate-programmes.ts';
import { planVisits } from './generate-visits.ts';
import { VISIT_REASONS } from './khanh-hoa.ts';
import { Rng } from './random.ts';
import { demoScheduleOf } from './schedule-of-file.ts';

const TODAY = '2026-11-25';
// 3,000 residents of all ages with full birth dates (a fifth years alone), two thirds at the demo station.
const people: DemoProgrammeResident[] = Array.from({ length: 3000 }, (_, i) => {
  const r = new Rng(i);
  const year = 2026 - (i % 3 === 0 ? r.int(0, 5) : r.int(0, 90));
  const date = addDays(`${year}-01-01`, r.int(0, 364));
  return {
    code: `R${i}`,
    sex: i % 2 ? 'female' : 'male',
    birthDate: i % 5 === 4 ? date.slice(0, 4) : date > TODAY ? addDays(TODAY, -r.int(1, 300)) : date,
    facilityCode: i < 2000 ? 'DENSE' : 'OTHER',
  };
});
const visits = planVisits(new Rng(7).fork('visits'), {
  residents: people,
  denseFacilities: new Set(['DENSE']),
  today: TODAY,
  medicineCode: (n) => `VNT${n}`,
  serviceCode: (n) => `VNS${n}`,
  reasons: VISIT_REASONS,
});
const PROFILE = { 'khanh-hoa': 'vn', xishui: 'cn' } as const;
// The profile's own programme files: its immunization schedule and child health checks.
const scheduleOf = (demo: keyof typeof DEMO_PROGRAMMES) =>
  demoScheduleOf(programmesOf(loadProfile(PROFILE[demo])), vaccines());
const plan = (demo: keyof typeof DEMO_PROGRAMMES, seed = 7): ProgrammePlan =>
  planProgrammes(new Rng(seed).fork('programmes'), {
    residents: people,
    denseFacilities: new Set(['DENSE']),
    today: TODAY,
    visits,
    serviceCode: (n) => `VNS${n}`,
    schedule: scheduleOf(demo),
    childChecks: demoChildChecksOf(programmesOf(loadProfile(PROFILE[demo]))),
    words: DEMO_PROGRAMMES[demo].words,
  });
const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const byCode = new Map(people.map((p) => [p.code, p]));

describe.each(['khanh-hoa', 'xishui'] as const)('planProgrammes (%s)', (demo) => {
  const p = plan(demo);
  const schedule = scheduleOf(demo);

  test('is deterministic for a seed and differs for another', () => {
    expect(plan(demo)).toEqual(p);
    expect(plan(demo, 8).doses).not.toEqual(p.doses);
  });

  test('doses: children under 6 with a full birth date, vaccines of the list and the schedule, ids unique UUID v7', () => {
    const list = vaccines();
    const inSchedule = new Set(schedule.map((s) => `${s.item}:${s.vaccine}`));
    const children = new Set<string>();
    for (const d of p.doses) {
      const child = byCode.get(d.residentCode)!;
      expect(child.birthDate).toHaveLength(10);
      expect(daysBetween(child.birthDate, TODAY)).toBeLessThan(6 * 366);
      expect(d.date >= child.birthDate && d.date <= TODAY).toBe(true);
      expect(list.has(d.vaccine)).toBe(true);
      expect(inSchedule.has(`${d.item}:${d.vaccine}`)).toBe(true);
      children.add(d.residentCode);
    }
    expect(children.size).toBeGreaterThan(300);
    const ids = [...p.doses, ...p.pregnancies, ...p.visits].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => UUID7.test(id))).toBe(true);
  });

  test('most doses on time, some given elsewhere, a few too early; doses of a vaccine numbered in order', () => {
    const early = p.doses.filter((d) => d.early);
    expect(early.length).toBeGreaterThan(10);
    expect(early.length / p.doses.length).toBeLessThan(0.05);
    expect(p.doses.some((d) => d.early === 'below-minimum-age')).toBe(true);
    expect(p.doses.some((d) => d.early === 'under-minimum-interval')).toBe(true);
    const elsewhere = p.doses.filter((d) => d.givenElsewhere);
    expect(elsewhere.length / p.doses.length).toBeGreaterThan(0.05);
    expect(elsewhere.every((d) => d.place)).toBe(true);
    const last = new Map<string, { n: number; date: string }>();
    for (const d of [...p.doses].sort((a, b) => (a.date < b.date ? -1 : 1))) {
      const key = `${d.residentCode}:${d.vaccine}`;
      const before = last.get(key);
      if (before) {
        expect(d.doseNumber).toBe(before.n + 1);
        if (!d.early) expect(daysBetween(before.date, d.date)).toBeGreaterThanOrEqual(7);
      }
      last.set(key, { n: d.doseNumber, date: d.date });
    }
  });

  test('children behind schedule: some late by more than a month at the demo station, some due this week', () => {
    const next = new Map<string, number>();
    for (const d of p.doses) next.set(d.residentCode, (next.get(d.residentCode) ?? 0) + 1);
    let behind = 0;
    let dueSoon = 0;
    for (const child of people) {
      if (child.birthDate.length !== 10 || child.facilityCode !== 'DENSE') continue;
      const age = daysBetween(child.birthDate, TODAY);
      if (age >= 6 * 365) continue;
      const givenItems = new Set(p.doses.filter((d) => d.residentCode === child.code).map((d) => d.item));
      const missing = schedule.filter((s) => !givenItems.has(s.item));
      if (missing.some((s) => s.ageDays + 30 < age)) behind++;
      if (missing.some((s) => s.ageDays >= age && s.ageDays <= age + 7)) dueSoon++;
    }
    expect(behind).toBeGreaterThan(20);
    expect(dueSoon).toBeGreaterThan(2);
  });

  test('pregnancies: those the visits follow and more, open and closed with a postnatal visit', () => {
    const open = p.pregnancies.filter((x) => !x.outcome);
    const closed = p.pregnancies.filter((x) => x.outcome === 'live-birth');
    expect(open.length).toBeGreaterThan(3);
    expect(closed.length).toBeGreaterThan(3);
    for (const x of p.pregnancies) {
      expect(daysBetween(x.lmp, x.edd)).toBe(280);
      expect(byCode.get(x.residentCode)?.sex).toBe('female');
      expect(x.lmp <= TODAY && (x.outcomeDate ?? TODAY) <= TODAY).toBe(true);
    }
    expect(open.every((x) => daysBetween(x.lmp, TODAY) < 300)).toBe(true);
    const followed = new Set(
      visits.filter((v) => v.diagnoses[0]?.code === 'Z34.9').map((v) => v.residentCode),
    );
    for (const code of followed) expect(p.pregnancies.some((x) => x.residentCode === code)).toBe(true);
    expect(p.visits.some((v) => v.diagnoses[0]?.code === 'Z39.2')).toBe(true);
  });

  test("child health checks of the last year at the demo station, by the profile's child-health file: most brought, some late or not at all", () => {
    const checks = p.visits.filter((v) => v.diagnoses[0]?.code === 'Z00.1');
    const children = people.filter(
      (x) =>
        x.facilityCode === 'DENSE' && x.birthDate.length === 10 && daysBetween(x.birthDate, TODAY) < 6 * 365,
    );
    const checked = new Set(checks.map((v) => v.residentCode));
    expect(checked.size / children.length).toBeGreaterThan(0.6);
    expect(checked.size / children.length).toBeLessThan(0.95);
    for (const v of checks) {
      const child = byCode.get(v.residentCode)!;
      expect(child.facilityCode).toBe('DENSE');
      expect(v.date >= addDays(TODAY, -365) && v.date <= TODAY && v.date >= child.birthDate).toBe(true);
      const weight = v.observations.find((o) => o.code === '29463-7')!.value;
      expect(weight).toBeGreaterThan(2);
      expect(weight).toBeLessThan(30);
    }
  });

  test('lapsed hypertensive patients: high risk 45-330 days ago, controlled more than a year ago', () => {
    const lastOf = new Map<string, (typeof p.visits)[number]>();
    for (const v of p.visits) if (v.diagnoses[0]?.code === 'I10') lastOf.set(v.residentCode, v);
    const bp = (v: (typeof p.visits)[number], code: string) =>
      v.observations.find((o) => o.code === code)!.value;
    const high = [...lastOf.values()].filter((v) => bp(v, '8480-6') >= 180 && bp(v, '8462-4') >= 110);
    const lost = [...lastOf.values()].filter((v) => bp(v, '8480-6') < 140 && bp(v, '8462-4') < 90);
    expect(high.length).toBeGreaterThan(2);
    expect(lost.length).toBeGreaterThan(1);
    for (const v of high) expect(daysBetween(v.date, TODAY)).toBeGreaterThanOrEqual(45);
    for (const v of lost) expect(daysBetween(v.date, TODAY)).toBeGreaterThan(400);
    // Not patients the visits plan already follows.
    const followed = new Set(
      visits.filter((v) => v.diagnoses.some((d) => d.code === 'I10')).map((v) => v.residentCode),
    );
    expect([...lastOf.keys()].some((c) => followed.has(c))).toBe(false);
  });

  test('the yearly check of about half the people over 65 this year; every observation plausible', () => {
    const checked = new Set(
      p.visits.filter((v) => v.diagnoses[0]?.code === 'Z00.0').map((v) => v.residentCode),
    );
    const elderly = people.filter(
      (x) => x.facilityCode === 'DENSE' && 2026 - Number(x.birthDate.slice(0, 4)) >= 65,
    );
    expect(checked.size / elderly.length).toBeGreaterThan(0.3);
    expect(checked.size / elderly.length).toBeLessThan(0.7);
    const kinds = observationKindsByCode();
    for (const v of p.visits) {
      expect(v.date <= TODAY).toBe(true);
      expect(v.prescriptions).toEqual([]);
      for (const o of v.observations) {
        const read = readObservation(
          kinds,
          { id: v.id, code: o.code, value: o.value },
          'x',
          '2026-01-01T00:00:00Z',
        );
        expect('field' in read ? read.message : null).toBeNull();
      }
    }
  });
});
