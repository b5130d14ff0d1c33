import { addDays } from '../platform/dates.ts';
import type { DemoFacility } from './generate-facilities.ts';
import type { DemoWorker } from './generate-workers.ts';
import type { Rng } from './random.ts';

/** A district doctor's sessions at a commune station of the same district. */
export interface DemoRotation {
  workerCode: string;
  homeFacilityCode: string;
  hostFacilityCode: string;
  startDate: string;
  endDate: string;
  /** ISO weekdays, 1 = Monday ... 5 = Friday. */
  weekdays: number[];
  session: 'day';
  note: string;
}

/** One completed course. */
export interface DemoTraining {
  workerCode: string;
  course: string;
  provider: string;
  kind: string;
  hours: number;
  completedOn: string;
  certificateNumber: string;
}

/** The Monday of the week holding `date` (ISO weeks start on Monday). */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

/** The last day of a period of `months` months from `start`. */
function monthsLater(start: string, months: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return addDays(d.toISOString().slice(0, 10), -1);
}

/** Who rotates where: doctors of the centre kind to the stations of that kind it manages. */
export interface RotationPlan {
  centreKind: string;
  stationKind: string;
  note: string;
  /** Stations served before the others (the demo logins' station, so it has someone on day one). */
  firstHosts?: readonly string[];
}

const VN_ROTATIONS: RotationPlan = {
  centreKind: 'district_health_centre',
  stationKind: 'commune_health_station',
  note: 'Luân phiên bác sĩ về trạm y tế xã',
};

/**
 * Rotations of about 36 district-centre doctors to commune stations of their own district, on 1-3
 * weekdays each, from the Monday of the load week for 6 months. Stations without a doctor of their
 * own are served first. Each doctor gets one rotation, and so can never be in two places at once.
 */
export function planRotations(
  rng: Rng,
  facilities: DemoFacility[],
  workers: DemoWorker[],
  today: string,
  plan: RotationPlan = VN_ROTATIONS,
): DemoRotation[] {
  const startDate = mondayOf(today);
  const endDate = monthsLater(startDate, 6);
  const stationsWithDoctor = new Set(workers.filter((w) => w.cadre === 'doctor').map((w) => w.facilityCode));
  const out: DemoRotation[] = [];
  for (const centre of facilities.filter((f) => f.kind === plan.centreKind)) {
    const doctors = workers.filter((w) => w.cadre === 'doctor' && w.facilityCode === centre.code);
    const stations = facilities.filter((f) => f.kind === plan.stationKind && f.managingCode === centre.code);
    // Stations without a doctor first, then the others in a shuffled order.
    const shuffled = [
      ...rng.shuffle(stations.filter((s) => !stationsWithDoctor.has(s.code))),
      ...rng.shuffle(stations.filter((s) => stationsWithDoctor.has(s.code))),
    ];
    const first = plan.firstHosts ?? [];
    const hosts = [
      ...shuffled.filter((s) => first.includes(s.code)),
      ...shuffled.filter((s) => !first.includes(s.code)),
    ];
    const count = Math.min(doctors.length, hosts.length, rng.int(4, 5));
    const chosen = rng.shuffle([...doctors]).slice(0, count);
    chosen.forEach((doctor, i) => {
      const days = rng.int(1, 3);
      const weekdays = rng
        .shuffle([1, 2, 3, 4, 5])
        .slice(0, days)
        .sort((a, b) => a - b);
      out.push({
        workerCode: doctor.code,
        homeFacilityCode: centre.code,
        hostFacilityCode: hosts[i]!.code,
        startDate,
        endDate,
        weekdays,
        session: 'day',
        note: plan.note,
      });
    });
  }
  return out;
}

const COURSES: { course: string; hours: number; cadres?: string[]; provider: string }[] = [
  { course: 'Cập nhật kiến thức y khoa liên tục', hours: 24, provider: 'Sở Y tế Khánh Hòa' },
  {
    course: 'Quản lý tăng huyết áp và đái tháo đường tại tuyến y tế cơ sở',
    hours: 40,
    cadres: ['doctor', 'assistant_doctor', 'nurse'],
    provider: 'Bệnh viện Đa khoa tỉnh Khánh Hòa',
  },
  {
    course: 'Tiêm chủng an toàn',
    hours: 16,
    cadres: ['nurse', 'midwife', 'assistant_doctor', 'doctor'],
    provider: 'Trung tâm Kiểm soát bệnh tật tỉnh Khánh Hòa',
  },
  {
    course: 'Chăm sóc thiết yếu bà mẹ và trẻ sơ sinh trong và ngay sau đẻ',
    hours: 24,
    cadres: ['midwife', 'doctor', 'nurse'],
    provider: 'Bệnh viện Đa khoa tỉnh Khánh Hòa',
  },
  { course: 'Cấp cứu cơ bản', hours: 16, provider: 'Trung tâm Cấp cứu 115 Khánh Hòa' },
  {
    course: 'Y học gia đình (định hướng)',
    hours: 120,
    cadres: ['doctor', 'assistant_doctor'],
    provider: 'Đại học Y Dược Thành phố Hồ Chí Minh',
  },
  { course: 'Kiểm soát nhiễm khuẩn', hours: 16, provider: 'Bệnh viện Đa khoa tỉnh Khánh Hòa' },
  {
    course: 'Kê đơn và sử dụng thuốc hợp lý',
    hours: 16,
    cadres: ['doctor', 'assistant_doctor', 'pharmacist'],
    provider: 'Sở Y tế Khánh Hòa',
  },
  {
    course: 'Lập và quản lý hồ sơ sức khỏe điện tử',
    hours: 8,
    provider: 'Trung tâm Kiểm soát bệnh tật tỉnh Khánh Hòa',
  },
  {
    course: 'Chăm sóc sức khỏe ban đầu cho nhân viên y tế thôn bản',
    hours: 80,
    cadres: ['village_health_worker'],
    provider: 'Trường Cao đẳng Y tế Khánh Hòa',
  },
];

/** The courses of a demo and how its certificates are numbered. */
export interface TrainingCatalogue {
  courses: readonly { course: string; hours: number; cadres?: string[]; provider: string }[];
  certificate(serial: number, completedOn: string): string;
}

const VN_TRAINING: TrainingCatalogue = {
  courses: COURSES,
  certificate: (n, date) => `${String(n).padStart(5, '0')}/GCN-SYT-${date.slice(0, 4)}`,
};

/**
 * Training records for about a third of the workforce (clinical staff and village health workers
 * more often), 1-3 courses each, completed in the last three years.
 */
export function planTraining(
  rng: Rng,
  workers: DemoWorker[],
  today: string,
  catalogue: TrainingCatalogue = VN_TRAINING,
): DemoTraining[] {
  const out: DemoTraining[] = [];
  let certificate = 0;
  const threeYearsAgo = addDays(today, -3 * 365);
  for (const w of workers) {
    const p = w.cadre === 'administrative' ? 0.1 : w.cadre === 'doctor' ? 0.55 : 0.33;
    if (!rng.chance(p)) continue;
    const courses = catalogue.courses.filter((c) => !c.cadres || c.cadres.includes(w.cadre));
    const n = Math.min(courses.length, rng.int(1, 3));
    // Completed after starting work, within the last three years, and never after today.
    const earliest = [w.startDate, threeYearsAgo].sort()[1]!;
    const span = Math.max(0, Math.round((Date.parse(today) - Date.parse(earliest)) / 86_400_000) - 1);
    for (const c of rng.shuffle([...courses]).slice(0, n)) {
      const completedOn = addDays(earliest, rng.int(0, span));
      out.push({
        workerCode: w.code,
        course: c.course,
        provider: c.provider,
        kind: 'continuing_education',
        hours: c.hours,
        completedOn,
        certificateNumber: catalogue.certificate(++certificate, completedOn),
      });
    }
  }
  return out;
}
