import { addDays } from '../platform/dates.ts';
import { apportion, type DemoAreas, type DemoCommune } from './generate-areas.ts';
import type { DemoFacility } from './generate-facilities.ts';
import { type Rng, weightedTable } from './random.ts';
import { randomFullName, type Sex } from './vietnamese-names.ts';
import { CADRE_FACTS, cadreMixOf, type Level, levelOf, qualificationMix } from './workforce-tables.ts';

/** One generated health worker with their (single, current) assignment. */
export interface DemoWorker {
  code: string;
  fullName: string;
  sex: Sex;
  birthDate: string;
  cadre: string;
  qualification: string;
  licenceNumber: string | null;
  phone: string;
  facilityCode: string;
  position: string;
  startDate: string;
}

/** Seed 004: "nearly 9,250 health workers, including nearly 1,380 doctors, 49% postgraduate". */
export const WORKFORCE_TARGETS = { workers: 9250, doctors: 1380, postgraduateDoctorShare: 0.49 };

/** Seed 004 describes the workforce in 2023: everyone in the demo was at work by the end of that year. */
const HIRED_BY = '2023-12-31';

/**
 * A demo worker's birth and start dates, for both demos: everyone was hired by `HIRED_BY` (or a month
 * before the load date, if earlier), so capacity figures for any demo year count the whole workforce;
 * an age drawn around `meanAge`, at least the hiring age plus a year and the years since hiring, at most
 * `maxAge`; and a start some whole years of work before the latest start. The draws, in order: age,
 * birthday, years worked, start day.
 */
export function careersOn(today: string) {
  const todayYear = Number(today.slice(0, 4));
  const latestStart = [addDays(today, -30), HIRED_BY].sort()[0]!;
  const yearsSinceHiring = Math.max(0, todayYear - Number(latestStart.slice(0, 4)));
  return {
    todayYear,
    draw(r: Rng, p: { hireAge: number; maxAge: number; meanAge: number; sdAge: number }) {
      const minAge = Math.max(22, p.hireAge + 1 + yearsSinceHiring);
      const age = Math.round(Math.min(p.maxAge, Math.max(minAge, r.normal(p.meanAge, p.sdAge))));
      const birthDate = addDays(`${todayYear - age}-01-01`, -r.int(0, 364));
      const yearsWorked = r.int(0, Math.max(0, age - yearsSinceHiring - p.hireAge - 1));
      const startDate = addDays(latestStart, -(yearsWorked * 365 + r.int(0, 330)));
      return { age, birthDate, startDate };
    },
  };
}
const PHONE_PREFIXES = ['090', '091', '093', '094', '096', '097', '098', '088', '086', '089'];

/** The cadres at one commune station: 5-8 staff, one doctor where `hasDoctor`. */
function stationCadres(rng: Rng, hasDoctor: boolean, commune: DemoCommune): string[] {
  const size = rng.int(5, 8);
  const cadres = hasDoctor ? ['doctor'] : [];
  cadres.push('assistant_doctor', 'nurse', 'midwife', 'pharmacist');
  if (!hasDoctor) cadres.push('assistant_doctor');
  const extra = weightedTable<string>([
    ['nurse', 3],
    ['assistant_doctor', 3],
    ['midwife', commune.type === 'ward' ? 1 : 2],
    ['public_health', 1],
    ['administrative', 1],
  ]);
  while (cadres.length < size) cadres.push(rng.weighted(extra));
  return cadres.slice(0, size);
}

interface Slot {
  facility: DemoFacility;
  cadre: string;
  position?: string;
  commune?: DemoCommune;
  minority: boolean;
}

/** Decides who works where (facility and cadre), hitting the seed's totals exactly. */
function planSlots(rng: Rng, areas: DemoAreas, facilities: DemoFacility[]): Slot[] {
  const communeByCode = new Map(areas.communes.map((c) => [c.code, c]));
  const stations = facilities.filter((f) => f.kind === 'commune_health_station');
  // About 88% of stations have a doctor (seed 004 strives for all; most are there).
  const withoutDoctor = new Set(rng.shuffle([...stations]).slice(0, Math.round(stations.length * 0.12)));
  const slots: Slot[] = [];
  const minorityArea = (c: DemoCommune | undefined) => Boolean(c?.district.mountainous);
  let stationDoctors = 0;
  for (const f of stations) {
    const commune = communeByCode.get(f.areaCode)!;
    const cadres = stationCadres(rng, !withoutDoctor.has(f), commune);
    cadres.forEach((cadre, i) => {
      if (cadre === 'doctor') stationDoctors++;
      const position = i === 0 ? 'Trưởng trạm' : undefined;
      slots.push({
        facility: f,
        cadre,
        position,
        commune,
        minority: minorityArea(commune) && rng.chance(0.4),
      });
    });
    for (const village of commune.villages) {
      slots.push({
        facility: f,
        cadre: 'village_health_worker',
        position: `Nhân viên y tế ${village.name.replace(/^Thôn/, 'thôn').replace(/^Tổ/, 'tổ')}`,
        commune,
        minority: minorityArea(commune) && rng.chance(0.7),
      });
    }
  }
  for (const f of facilities.filter((x) => x.kind === 'sub_station')) {
    const commune = communeByCode.get(f.areaCode.split('_')[0]!);
    for (const cadre of rng.chance(0.5) ? ['assistant_doctor'] : ['assistant_doctor', 'midwife']) {
      slots.push({ facility: f, cadre, commune, minority: minorityArea(commune) && rng.chance(0.4) });
    }
  }
  // The rest of the workforce goes to hospitals, centres and clinics in proportion to their size.
  const others = facilities.filter((f) => f.staffWeight > 0);
  const heads = apportion(
    WORKFORCE_TARGETS.workers - slots.length,
    others.map((f) => f.staffWeight),
  );
  const doctors = apportion(
    WORKFORCE_TARGETS.doctors - stationDoctors,
    others.map((f, i) => heads[i]! * f.doctorRate),
  );
  others.forEach((f, i) => {
    const nDoctors = Math.min(doctors[i]!, heads[i]!);
    const mix = cadreMixOf(f.kind);
    for (let n = 0; n < heads[i]!; n++) {
      const cadre = n < nDoctors ? 'doctor' : rng.weighted(mix);
      const position = n === 0 ? 'Giám đốc' : undefined;
      slots.push({ facility: f, cadre, position, minority: false });
    }
  });
  return slots;
}

/**
 * The workforce: about 9,250 health workers of whom 1,380 doctors (49% postgraduate, more of them in
 * provincial hospitals), each with one assignment at their facility. Ages and start dates are
 * relative to `today`, so the same seed and date give the same people.
 */
export function generateWorkers(
  rng: Rng,
  areas: DemoAreas,
  facilities: DemoFacility[],
  today: string,
): DemoWorker[] {
  const slots = planSlots(rng.fork('slots'), areas, facilities);
  // Exactly 49% of doctors postgraduate: rank by a score that favours higher levels, take the top.
  const doctorIdx = slots.flatMap((s, i) => (s.cadre === 'doctor' ? [i] : []));
  const bonus: Record<Level, number> = { provincial: 0.55, district: 0.2, commune: 0 };
  const scoreRng = rng.fork('postgraduate');
  const ranked = doctorIdx
    .map((i) => ({ i, score: scoreRng.next() + bonus[levelOf(slots[i]!.facility.kind)] }))
    .sort((a, b) => b.score - a.score);
  const postgraduate = new Set(
    ranked.slice(0, Math.round(doctorIdx.length * WORKFORCE_TARGETS.postgraduateDoctorShare)).map((r) => r.i),
  );

  const r = rng.fork('people');
  const careers = careersOn(today);
  let licence = 0;
  return slots.map((slot, i) => {
    const { cadre, facility } = slot;
    const level = levelOf(facility.kind);
    const sex: Sex = r.chance(CADRE_FACTS[cadre]!.maleShare) ? 'male' : 'female';
    const qualification =
      cadre === 'doctor'
        ? postgraduate.has(i)
          ? 'postgraduate'
          : 'bachelor'
        : r.weighted(qualificationMix(cadre, level));
    // Doctors qualify at 24, specialists later; women retire earlier than men. Everyone was hired by
    // the end of the seed's year, so capacity figures for any demo year count the whole workforce.
    const hireAge = cadre === 'doctor' ? (qualification === 'postgraduate' ? 27 : 24) : 21;
    const maxAge = sex === 'female' ? 57 : 60;
    const { birthDate, startDate } = careers.draw(r, { hireAge, maxAge, meanAge: 40, sdAge: 9.5 });
    const needsLicence = CADRE_FACTS[cadre]!.clinical;
    return {
      code: `KH-${String(i + 1).padStart(6, '0')}`,
      fullName: randomFullName(r, sex, { minority: slot.minority }),
      sex,
      birthDate,
      cadre,
      qualification,
      licenceNumber: needsLicence ? `${String(++licence).padStart(6, '0')}/KH-CCHN` : null,
      phone: `${r.pick(PHONE_PREFIXES)}${String(r.int(0, 9_999_999)).padStart(7, '0')}`,
      facilityCode: facility.code,
      position: slot.position ?? CADRE_FACTS[cadre]!.position,
      startDate,
    };
  });
}
