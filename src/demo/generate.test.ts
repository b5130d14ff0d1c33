import { beforeAll, describe, expect, test } from 'vitest';
import { loadProfile } from '../platform/profile.ts';
import { demoLogins, demoStation } from './demo-users.ts';
import { type DemoProvince, generateDemoProvince } from './generate.ts';

const TODAY = '2026-11-25';
const profile = loadProfile('vn');
let demo: DemoProvince;

beforeAll(() => {
  demo = generateDemoProvince({ today: TODAY });
});

const count = <T>(items: T[], pred: (x: T) => boolean) => items.filter(pred).length;
const levelOf = (kind: string) => profile.facilityKinds.find((k) => k.id === kind)!.tier;

describe('determinism', () => {
  test('the same seed and date give the same province; another seed another', () => {
    const again = generateDemoProvince({ today: TODAY });
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
    const other = generateDemoProvince({ seed: 'another', today: TODAY });
    expect(other.workers[0]!.fullName + other.workers[1]!.fullName).not.toBe(
      demo.workers[0]!.fullName + demo.workers[1]!.fullName,
    );
    expect(other.facilities.length).toBe(demo.facilities.length);
  });
});

describe('areas', () => {
  test('1 province, 8 districts with their GSO codes, 136 communes, 4-10 villages each', () => {
    const { all, communes } = demo.areas;
    expect(count(all, (a) => a.level === 'province')).toBe(1);
    expect(all.filter((a) => a.level === 'district').map((a) => a.code)).toEqual([
      '568',
      '569',
      '570',
      '571',
      '572',
      '573',
      '574',
      '575',
    ]);
    expect(communes).toHaveLength(136);
    for (const c of communes) {
      expect(c.villages.length).toBeGreaterThanOrEqual(4);
      expect(c.villages.length).toBeLessThanOrEqual(10);
      expect(new Set(c.villages.map((v) => v.name)).size).toBe(c.villages.length);
    }
    expect(communes.find((c) => c.code === '22336')?.name).toBe('Phường Vĩnh Hải');
    expect(communes.some((c) => c.name === 'Xã Ninh Phụng')).toBe(true);
    expect(communes.some((c) => c.name === 'Thị trấn Vạn Giã')).toBe(true);
  });

  test('codes are unique and match the profile patterns; parents come before children', () => {
    const seen = new Set<string>();
    for (const a of demo.areas.all) {
      const level = profile.areaLevels.find((l) => l.id === a.level)!;
      expect(a.code).toMatch(new RegExp(level.codePattern));
      expect(seen.has(a.code)).toBe(false);
      if (a.parentCode) expect(seen.has(a.parentCode)).toBe(true);
      seen.add(a.code);
    }
  });

  test('coordinates lie in Khánh Hòa; the mountain districts west of the coast', () => {
    for (const a of demo.areas.all) {
      expect(a.latitude).toBeGreaterThan(11.75);
      expect(a.latitude).toBeLessThan(12.9);
      expect(a.longitude).toBeGreaterThan(108.7);
      expect(a.longitude).toBeLessThan(109.45);
    }
    const lon = (code: string) => demo.areas.all.find((a) => a.code === code)!.longitude;
    expect(lon('575')).toBeLessThan(lon('569'));
    expect(lon('573')).toBeLessThan(lon('568'));
  });

  test.each([2023, 2024, 2025, 2026])(
    'communes hold about 1.2 million people in %i, ~3.9 per household',
    (year) => {
      let population = 0;
      let households = 0;
      for (const c of demo.areas.communes) {
        const p = c.population.find((x) => x.year === year)!;
        population += p.population;
        households += p.households;
      }
      expect(population).toBeGreaterThan(1_140_000);
      expect(population).toBeLessThan(1_260_000);
      expect(population / households).toBeGreaterThan(3.7);
      expect(population / households).toBeLessThan(4.1);
      // Only communes carry figures, so a subtree sum counts each person once.
      expect(demo.areas.all.filter((a) => a.level !== 'commune' && a.population.length > 0)).toEqual([]);
    },
  );

  test('population grows about 1% a year; wards are bigger than rural communes', () => {
    const total = (y: number) =>
      demo.areas.communes.reduce((s, c) => s + c.population.find((p) => p.year === y)!.population, 0);
    const growth = total(2026) / total(2023) - 1;
    expect(growth).toBeGreaterThan(0.02);
    expect(growth).toBeLessThan(0.045);
    const mean = (type: string) => {
      const cs = demo.areas.communes.filter((c) => c.type === type);
      return cs.reduce((s, c) => s + c.population[0]!.population, 0) / cs.length;
    };
    expect(mean('ward')).toBeGreaterThan(mean('commune'));
  });
});

describe('facilities', () => {
  test('the network of seed 004, kind by kind', () => {
    const kinds: Record<string, number> = {};
    for (const f of demo.facilities) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
    expect(kinds).toEqual({
      provincial_general_hospital: 3,
      provincial_specialised_hospital: 6,
      preventive_medicine_unit: 9,
      district_health_centre: 8,
      general_clinic: 14,
      commune_health_station: 136,
      sub_station: 15,
      military_hospital: 1,
      private_hospital: 5,
    });
    expect(demo.facilities.find((f) => f.kind === 'military_hospital')).toMatchObject({
      name: 'Bệnh viện Quân y 87',
      ownership: 'military',
    });
    expect(
      demo.facilities.filter((f) => f.kind === 'private_hospital').every((f) => f.ownership === 'private'),
    ).toBe(true);
  });

  test('codes are unique, match the profile, and every kind is a profile kind', () => {
    const codes = demo.facilities.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const f of demo.facilities) {
      expect(f.code).toMatch(new RegExp(profile.facilityCodePattern));
      expect(profile.facilityKinds.some((k) => k.id === f.kind)).toBe(true);
    }
  });

  test('every commune has exactly one station, located in it and managed by its district centre', () => {
    const areaByCode = new Map(demo.areas.all.map((a) => [a.code, a]));
    const byCode = new Map(demo.facilities.map((f) => [f.code, f]));
    for (const c of demo.areas.communes) {
      const stations = demo.facilities.filter(
        (f) => f.kind === 'commune_health_station' && f.areaCode === c.code,
      );
      expect(stations).toHaveLength(1);
      const manager = byCode.get(stations[0]!.managingCode!)!;
      expect(manager.kind).toBe('district_health_centre');
      expect(areaByCode.get(manager.areaCode)!.parentCode).toBe(c.district.code);
    }
  });

  test('managing facilities come first; clinics and sub-stations are managed by a district centre', () => {
    const seen = new Map<string, string>();
    for (const f of demo.facilities) {
      if (f.managingCode) expect(seen.get(f.managingCode)).toBe('district_health_centre');
      if (f.kind === 'general_clinic' || f.kind === 'sub_station') expect(f.managingCode).toBeTruthy();
      seen.set(f.code, f.kind);
    }
  });

  test('beds give 30-33 per 10,000 people; realistic per kind', () => {
    const beds = demo.facilities.reduce((s, f) => s + f.beds, 0);
    const population = demo.areas.communes.reduce(
      (s, c) => s + c.population.find((p) => p.year === 2025)!.population,
      0,
    );
    const per10k = (beds / population) * 10_000;
    expect(per10k).toBeGreaterThan(30);
    expect(per10k).toBeLessThan(33.5);
    for (const f of demo.facilities) {
      if (f.kind === 'commune_health_station') expect(f.beds).toBeGreaterThanOrEqual(5);
      if (f.kind === 'commune_health_station') expect(f.beds).toBeLessThanOrEqual(10);
      if (f.kind === 'sub_station') expect(f.beds).toBeLessThanOrEqual(2);
      if (f.kind === 'district_health_centre') expect(f.beds).toBeGreaterThanOrEqual(100);
      expect(f.services.length).toBeGreaterThan(0);
    }
  });
});

describe('workers', () => {
  test('about 9,250 workers, 1,380 doctors, 49% of the doctors postgraduate', () => {
    const { workers } = demo;
    expect(Math.abs(workers.length - 9250)).toBeLessThanOrEqual(185);
    const doctors = workers.filter((w) => w.cadre === 'doctor');
    expect(Math.abs(doctors.length - 1380)).toBeLessThanOrEqual(28);
    const share = count(doctors, (d) => d.qualification === 'postgraduate') / doctors.length;
    expect(Math.abs(share - 0.49)).toBeLessThanOrEqual(0.02);
    expect(doctors.every((d) => d.qualification === 'postgraduate' || d.qualification === 'bachelor')).toBe(
      true,
    );
  });

  test('codes and licence numbers are unique; cadres and qualifications come from the profile', () => {
    const codes = new Set(demo.workers.map((w) => w.code));
    expect(codes.size).toBe(demo.workers.length);
    const licences = demo.workers.flatMap((w) => (w.licenceNumber ? [w.licenceNumber] : []));
    expect(new Set(licences).size).toBe(licences.length);
    const cadres = new Set(profile.cadres.map((c) => c.id));
    const quals = new Set(profile.qualifications.map((q) => q.id));
    for (const w of demo.workers) {
      expect(w.code).toMatch(/^KH-\d{6}$/);
      expect(cadres.has(w.cadre)).toBe(true);
      expect(quals.has(w.qualification)).toBe(true);
      expect(w.phone).toMatch(/^0[89]\d{8}$/);
      if (w.cadre === 'doctor' || w.cadre === 'nurse') expect(w.licenceNumber).toMatch(/^\d{6}\/KH-CCHN$/);
    }
  });

  test('ages are 22-60 and every start date is in the past (by the end of 2023), after the 21st birthday', () => {
    for (const w of demo.workers) {
      const age = Number(TODAY.slice(0, 4)) - Number(w.birthDate.slice(0, 4));
      expect(age).toBeGreaterThanOrEqual(22);
      expect(age).toBeLessThanOrEqual(61);
      expect(w.startDate < TODAY).toBe(true);
      // Hired by the end of the seed's year, so capacity figures for 2023-2026 count everyone.
      expect(w.startDate <= '2023-12-31').toBe(true);
      expect(Number(w.startDate.slice(0, 4)) - Number(w.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(21);
    }
  });

  test('commune stations have 5-8 staff, 85-90% a doctor, and one village health worker per village', () => {
    const kindOf = new Map(demo.facilities.map((f) => [f.code, f.kind]));
    const staff = new Map<string, { n: number; doctors: number; vhw: number }>();
    for (const w of demo.workers) {
      if (kindOf.get(w.facilityCode) !== 'commune_health_station') continue;
      const s = staff.get(w.facilityCode) ?? { n: 0, doctors: 0, vhw: 0 };
      if (w.cadre === 'village_health_worker') s.vhw++;
      else s.n++;
      if (w.cadre === 'doctor') s.doctors++;
      staff.set(w.facilityCode, s);
    }
    expect(staff.size).toBe(136);
    for (const s of staff.values()) {
      expect(s.n).toBeGreaterThanOrEqual(5);
      expect(s.n).toBeLessThanOrEqual(8);
    }
    const withDoctor = count([...staff.values()], (s) => s.doctors > 0) / staff.size;
    expect(withDoctor).toBeGreaterThanOrEqual(0.85);
    expect(withDoctor).toBeLessThanOrEqual(0.9);
    const villages = demo.areas.communes.reduce((s, c) => s + c.villages.length, 0);
    expect([...staff.values()].reduce((s, x) => s + x.vhw, 0)).toBe(villages);
  });

  test('provincial facilities hold a larger share with a bachelor’s degree or more than commune stations', () => {
    const tierOf = new Map(demo.facilities.map((f) => [f.code, levelOf(f.kind)]));
    const bachelorPlus = new Set(profile.qualifications.filter((q) => q.bachelorOrAbove).map((q) => q.id));
    const share = (tier: string) => {
      const ws = demo.workers.filter(
        (w) => tierOf.get(w.facilityCode) === tier && w.cadre !== 'village_health_worker',
      );
      return count(ws, (w) => bachelorPlus.has(w.qualification)) / ws.length;
    };
    expect(share('provincial')).toBeGreaterThan(share('district'));
    expect(share('district')).toBeGreaterThan(share('commune'));
    expect(share('provincial')).toBeGreaterThan(0.5);
    expect(share('commune')).toBeLessThan(0.3);
  });

  test('sex is roughly balanced overall; nurses and midwives are mostly women', () => {
    const female = (ws: typeof demo.workers) => count(ws, (w) => w.sex === 'female') / ws.length;
    expect(female(demo.workers)).toBeGreaterThan(0.5);
    expect(female(demo.workers)).toBeLessThan(0.75);
    expect(female(demo.workers.filter((w) => w.cadre === 'nurse'))).toBeGreaterThan(0.7);
    expect(female(demo.workers.filter((w) => w.cadre === 'midwife'))).toBeGreaterThan(0.95);
  });

  test('names have plausible frequencies', () => {
    const share = (family: string) =>
      count(demo.workers, (w) => w.fullName.startsWith(`${family} `)) / demo.workers.length;
    expect(share('Nguyễn')).toBeGreaterThan(0.33);
    expect(share('Nguyễn')).toBeLessThan(0.42);
    expect(share('Trần')).toBeGreaterThan(0.08);
    expect(share('Lê')).toBeGreaterThan(0.07);
  });
});

describe('rotations and training', () => {
  test('30-40 district doctors rotate to stations of their own district on 1-3 weekdays, covering today', () => {
    const byCode = new Map(demo.facilities.map((f) => [f.code, f]));
    const workerByCode = new Map(demo.workers.map((w) => [w.code, w]));
    expect(demo.rotations.length).toBeGreaterThanOrEqual(30);
    expect(demo.rotations.length).toBeLessThanOrEqual(40);
    expect(new Set(demo.rotations.map((r) => r.workerCode)).size).toBe(demo.rotations.length);
    for (const r of demo.rotations) {
      const worker = workerByCode.get(r.workerCode)!;
      expect(worker.cadre).toBe('doctor');
      expect(worker.facilityCode).toBe(r.homeFacilityCode);
      expect(byCode.get(r.homeFacilityCode)!.kind).toBe('district_health_centre');
      const host = byCode.get(r.hostFacilityCode)!;
      expect(host.kind).toBe('commune_health_station');
      expect(host.managingCode).toBe(r.homeFacilityCode);
      expect(r.weekdays.length).toBeGreaterThanOrEqual(1);
      expect(r.weekdays.length).toBeLessThanOrEqual(3);
      expect(r.weekdays.every((d) => d >= 1 && d <= 5)).toBe(true);
      expect(r.startDate <= TODAY && TODAY <= r.endDate).toBe(true);
      expect(new Date(`${r.startDate}T00:00:00Z`).getUTCDay()).toBe(1);
    }
  });

  test('a few thousand workers have training records, completed after they started and not after today', () => {
    const workerByCode = new Map(demo.workers.map((w) => [w.code, w]));
    const trained = new Set(demo.training.map((t) => t.workerCode));
    expect(trained.size).toBeGreaterThan(2_000);
    expect(trained.size).toBeLessThan(5_000);
    for (const t of demo.training) {
      expect(t.completedOn < TODAY).toBe(true);
      expect(t.completedOn >= workerByCode.get(t.workerCode)!.startDate).toBe(true);
      expect(t.hours).toBeGreaterThan(0);
    }
  });
});

describe('demo logins', () => {
  test('one per role, built around a station with its own doctor and a rotating district doctor', () => {
    const logins = demoLogins(demo);
    expect(logins.map((l) => [l.username, l.role])).toEqual([
      ['admin', 'admin'],
      ['station', 'station'],
      ['doctor', 'doctor'],
      ['vhw', 'vhw'],
      ['district', 'district'],
      ['province', 'province'],
      ['insurance', 'insurance'],
    ]);
    const { station, commune } = demoStation(demo);
    expect(station.kind).toBe('commune_health_station');
    expect(demo.rotations.some((r) => r.hostFacilityCode === station.code)).toBe(true);
    const scope = Object.fromEntries(logins.map((l) => [l.username, l.scope]));
    expect(scope.station).toEqual({ facility: station.code });
    expect(scope.doctor).toEqual({ facility: station.code });
    const doctor = demo.workers.find((w) => w.code === logins[2]!.workerCode)!;
    expect([doctor.cadre, doctor.facilityCode]).toEqual(['doctor', station.code]);
    expect(commune.villages.map((v) => v.code)).toContain((scope.vhw as { area: string }).area);
    expect(scope.district).toEqual({ area: commune.parentCode });
    expect(scope.province).toEqual({ area: '56' });
    expect(scope.insurance).toEqual({ area: '56' });
    expect(scope.admin).toBeNull();
  });
});
