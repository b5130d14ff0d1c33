import { addDays } from '../platform/dates.ts';
import type { Rng } from './random.ts';

/**
 * A year of visits for the demo, pure and seeded (issue 21): at the demo station's commune, every
 * chronic patient's follow-ups (hypertension monthly, diabetes quarterly, with blood pressure and
 * glucose drifting plausibly towards control), acute visits (respiratory infections, diarrhoea) and
 * pregnancies' check-ups; at the other stations of the district, lighter histories (chronic patients
 * seen twice a year). Catalogue items are named by their index in the profile's catalogue
 * (`codeOf`: the VN and CN shipped catalogues list the same medicines in the same order).
 */

export interface DemoVisitResident {
  code: string;
  sex: string;
  /** 'YYYY-MM-DD' or 'YYYY'. */
  birthDate: string;
  facilityCode: string;
}

export interface DemoObservation {
  code: string;
  value: number;
}

export interface DemoPrescription {
  id: string;
  medicineCode: string;
  dose: number;
  frequency: 'once-daily' | 'twice-daily' | 'three-times-daily';
  durationDays: number;
  quantity: number;
}

export interface DemoVisit {
  id: string;
  residentCode: string;
  facilityCode: string;
  kind: 'station-visit' | 'home-visit';
  date: string;
  /** Minutes after midnight, local time. */
  minute: number;
  reason: string;
  observations: DemoObservation[];
  diagnoses: { code: string; role: 'main' | 'secondary' }[];
  prescriptions: DemoPrescription[];
  services: { serviceCode: string }[];
}

/** A dispensing the stock demo must account for (CONTRACTS.md). */
export interface DemoDispensing {
  facilityCode: string;
  medicineCode: string;
  date: string;
  quantity: number;
  prescriptionId?: string;
  encounterId?: string;
}

export interface VisitPlanInput {
  residents: Iterable<DemoVisitResident>;
  /** Stations whose residents get the dense history. */
  denseFacilities: ReadonlySet<string>;
  /**
   * At most this many residents get the dense history (the first ones met, in the population's
   * order); the others of a dense station get the lighter one. Keeps a large township's first load fast.
   */
  maxDenseResidents?: number;
  today: string;
  /** The catalogue code of the medicine (or service) at this index ('0001' ...). */
  medicineCode: (index: string) => string;
  serviceCode: (index: string) => string;
  /** The reason words in the country's language. */
  reasons: { hypertension: string; diabetes: string; fever: string; diarrhoea: string; pregnancy: string };
}

const M = {
  amlodipine: '0001',
  losartan: '0002',
  metformin: '0004',
  gliclazide: '0005',
  amoxicillin: '0007',
  paracetamol: '0008',
  ors: '0009',
  ironFolate: '0012',
};
const S = { examination: '0001', glucose: '0003' };

/** A UUID v7 for the demo: its time from the visit's date, the rest from the seeded stream. */
export function demoId(rng: Rng, date: string, minute: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + minute * 60_000 + rng.int(0, 59_999);
  const time = ms.toString(16).padStart(12, '0');
  const hex = () => rng.nextUint32().toString(16).padStart(8, '0');
  const rand = `${hex()}${hex()}${hex()}`;
  const variant = ((Number.parseInt(rand[3] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rand.slice(0, 3)}-${variant}${rand.slice(4, 7)}-${rand.slice(7, 19)}`;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function planVisits(rng: Rng, input: VisitPlanInput): DemoVisit[] {
  const { today } = input;
  const start = addDays(today, -364);
  const year = Number(today.slice(0, 4));
  const visits: DemoVisit[] = [];
  let denseLeft = input.maxDenseResidents ?? Number.POSITIVE_INFINITY;
  for (const person of input.residents) {
    const r = rng.fork(person.code);
    const age = year - Number(person.birthDate.slice(0, 4));
    const dense = input.denseFacilities.has(person.facilityCode) && denseLeft-- > 0;
    const hypertensive = age >= 40 && r.chance(Math.min(0.45, 0.12 + (age - 40) * 0.008));
    const diabetic = age >= 40 && r.chance(hypertensive ? 0.15 : 0.05);
    // Elsewhere in the district, three chronic patients in ten have a history here (the others go to the district).
    if (!dense && (hypertensive || diabetic) && !r.chance(0.3)) continue;
    const pregnant = dense && person.sex === 'female' && age >= 19 && age <= 40 && r.chance(0.04);
    const acute = dense ? r.int(0, 2) * (r.chance(0.3) ? 1 : 0) : 0;
    const visit = (date: string, reason: string): DemoVisit => {
      const minute = r.int(7 * 60, 16 * 60);
      return {
        id: demoId(r, date, minute - 7 * 60),
        residentCode: person.code,
        facilityCode: person.facilityCode,
        kind: r.chance(0.08) ? 'home-visit' : 'station-visit',
        date,
        minute,
        reason,
        observations: [],
        diagnoses: [],
        prescriptions: [],
        services: [{ serviceCode: input.serviceCode(S.examination) }],
      };
    };
    const rx = (
      v: DemoVisit,
      index: string,
      dose: number,
      frequency: DemoPrescription['frequency'],
      days: number,
    ) => {
      const perDay = frequency === 'once-daily' ? 1 : frequency === 'twice-daily' ? 2 : 3;
      v.prescriptions.push({
        id: demoId(r, v.date, v.minute - 7 * 60 + 1),
        medicineCode: input.medicineCode(index),
        dose,
        frequency,
        durationDays: days,
        quantity: Math.ceil(dose * perDay * days),
      });
    };

    if (hypertensive || diabetic) {
      // Follow-ups: monthly for hypertension at the demo station, quarterly for diabetes alone, twice a year elsewhere.
      const every = dense ? (hypertensive ? 30 : 91) : 182;
      let systolic = r.float(142, 172);
      let diastolic = systolic * r.float(0.56, 0.62);
      let glucose = r.float(7.5, 11.5);
      const weight = r.float(48, 78);
      const twoDrugs = systolic > 160 && r.chance(0.6);
      for (let d = r.int(0, every - 1); d < 364; d += every + r.int(-3, 3)) {
        const date = addDays(start, d);
        if (date > today) break;
        const v = visit(date, hypertensive ? input.reasons.hypertension : input.reasons.diabetes);
        systolic = Math.max(118, systolic - r.float(0, 4) + r.normal() * 6);
        diastolic = Math.max(70, diastolic - r.float(0, 2) + r.normal() * 4);
        const crisis = r.chance(0.01);
        if (hypertensive) {
          v.observations.push(
            { code: '8480-6', value: Math.round(crisis ? r.float(180, 200) : systolic) },
            { code: '8462-4', value: Math.round(crisis ? r.float(110, 120) : diastolic) },
          );
          if (dense && r.chance(0.3)) v.observations.push({ code: '8867-4', value: r.int(62, 92) });
          v.diagnoses.push({ code: 'I10', role: 'main' });
          rx(v, M.amlodipine, 1, 'once-daily', every >= 30 ? 30 : every);
          if (twoDrugs) rx(v, M.losartan, 1, 'once-daily', 30);
        }
        if (diabetic) {
          glucose = Math.max(5.2, glucose - r.float(0, 0.5) + r.normal() * 0.6);
          v.observations.push({ code: '1558-6', value: round1(r.chance(0.01) ? r.float(17, 22) : glucose) });
          v.diagnoses.push({ code: 'E11.9', role: hypertensive ? 'secondary' : 'main' });
          rx(v, M.metformin, 1, 'twice-daily', 30);
          if (glucose > 9) rx(v, M.gliclazide, 1, 'once-daily', 30);
          v.services.push({ serviceCode: input.serviceCode(S.glucose) });
        }
        if (dense && r.chance(0.5))
          v.observations.push({ code: '29463-7', value: round1(weight + r.normal() * 0.8) });
        if (!dense) v.services = [];
        visits.push(v);
      }
    }
    for (let k = 0; k < acute; k++) {
      const date = addDays(start, r.int(0, 363));
      if (date > today) continue;
      const fever = r.chance(0.65);
      const v = visit(date, fever ? input.reasons.fever : input.reasons.diarrhoea);
      v.kind = 'station-visit';
      v.observations.push({
        code: '8310-5',
        value: round1(fever ? r.float(37.6, 39.8) : r.float(36.6, 37.8)),
      });
      if (fever) {
        v.diagnoses.push({ code: 'J06.9', role: 'main' });
        rx(v, M.paracetamol, 1, 'three-times-daily', 3);
        if (r.chance(0.3)) rx(v, M.amoxicillin, 1, 'three-times-daily', 5);
      } else {
        v.diagnoses.push({ code: 'A09', role: 'main' });
        rx(v, M.ors, 1, 'three-times-daily', 2);
      }
      visits.push(v);
    }
    if (pregnant) {
      // Four antenatal check-ups, the first at 10-14 weeks, with gestational age, fundal height and the fetal heart.
      const firstWeek = r.int(10, 14);
      const conceived = addDays(start, r.int(-60, 200) - firstWeek * 7);
      for (const week of [firstWeek, 22, 30, 36]) {
        const date = addDays(conceived, week * 7 + r.int(0, 4));
        if (date < start || date > today) continue;
        const v = visit(date, input.reasons.pregnancy);
        v.kind = 'station-visit';
        v.observations.push(
          { code: '11884-4', value: week },
          { code: '8480-6', value: r.int(100, 128) },
          { code: '8462-4', value: r.int(60, 82) },
          { code: '29463-7', value: round1(r.float(45, 60) + week * 0.3) },
        );
        if (week >= 20) {
          v.observations.push(
            { code: '11881-0', value: week - r.int(0, 3) },
            { code: '55283-6', value: r.int(125, 158) },
          );
        }
        v.diagnoses.push({ code: 'Z34.9', role: 'main' });
        rx(v, M.ironFolate, 1, 'once-daily', 30);
        visits.push(v);
      }
    }
  }
  return visits.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
}

/** The dispensings of the planned visits, in the shape the stock demo takes (CONTRACTS.md). */
export function dispensingsOf(visits: readonly DemoVisit[]): DemoDispensing[] {
  return visits.flatMap((v) =>
    v.prescriptions.map((p) => ({
      facilityCode: v.facilityCode,
      medicineCode: p.medicineCode,
      date: v.date,
      quantity: p.quantity,
      prescriptionId: p.id,
      encounterId: v.id,
    })),
  );
}
