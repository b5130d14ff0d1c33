import { randomChineseName } from './chinese-names.ts';
import { type DemoRotation, type DemoTraining, planRotations, planTraining } from './generate-activities.ts';
import { apportion, type DemoArea, type DemoPopulation, POPULATION_YEARS } from './generate-areas.ts';
import type { DemoFacility } from './generate-facilities.ts';
import { careersOn, type DemoWorker } from './generate-workers.ts';
import { Rng, type WeightedTable, weightedTable } from './random.ts';
import type { Sex } from './vietnamese-names.ts';
import {
  COMMUNITY_NAMES,
  COUNTY,
  DEMO_TOWNSHIP,
  PREFECTURE,
  PROVINCE,
  TOWNSHIP_SUFFIX,
  TOWNSHIPS,
  type TownshipSpec,
  VILLAGE_NAMES,
} from './xishui.ts';

/**
 * The Chinese demo county (Xishui, seed 001), generated deterministically like the Vietnamese
 * province: the area tree at the CN profile's levels (province > prefecture > county > township >
 * village), its facilities of the CN profile's kinds, and their staff by cadre with the
 * qualifications of seed 002 (more than 70% of doctors with a bachelor's degree or more in the county
 * hospitals, fewer than 15% in community and township health centres; village doctors as a cadre).
 */

export const CN_DEMO_SEED = 'grassroots-xishui-2023';

/** A village (村) or community (社区) of a township. */
export interface DemoVillage extends DemoArea {
  /** A residents' community (社区, in a town seat or the county town) rather than a village (村). */
  community: boolean;
}

export interface DemoTownship extends DemoArea {
  spec: TownshipSpec;
  villages: DemoVillage[];
}

export interface DemoCounty {
  /** Parents first: province, prefecture, county, then each township followed by its villages. */
  areas: DemoArea[];
  townships: DemoTownship[];
  facilities: DemoFacility[];
  workers: DemoWorker[];
  rotations: DemoRotation[];
  training: DemoTraining[];
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** Xishui's population slowly falls in the villages (people leave for work) and grows in the county town. */
function populationSeries(rng: Rng, base2023: number, spec: TownshipSpec): DemoPopulation[] {
  const urban = spec.type === 'subdistrict';
  const growth = (urban ? 0.008 : -0.004) + rng.normal(0, 0.002);
  const householdSize = (urban ? 2.75 : 3.0) + rng.normal(0, 0.1);
  return POPULATION_YEARS.map((year) => {
    const population = Math.round(base2023 * (1 + growth) ** (year - 2023));
    return { year, population, households: Math.round(population / householdSize) };
  });
}

function generateAreas(rng: Rng): { areas: DemoArea[]; townships: DemoTownship[] } {
  const at = (code: string, name: string, level: string, parentCode: string | null, c: [number, number]) => ({
    code,
    name,
    level,
    parentCode,
    latitude: c[0],
    longitude: c[1],
    population: [],
  });
  const areas: DemoArea[] = [
    at(PROVINCE.code, PROVINCE.name, 'province', null, PROVINCE.centre),
    at(PREFECTURE.code, PREFECTURE.name, 'prefecture', PROVINCE.code, PREFECTURE.centre),
    at(COUNTY.code, COUNTY.name, 'county', PREFECTURE.code, COUNTY.centre),
  ];
  // The shape's figures are weights: the county adds up to exactly its population in 2023.
  const base = apportion(
    COUNTY.population,
    TOWNSHIPS.map((t) => t.population2023),
  );
  const townships = TOWNSHIPS.map((spec, i) => {
    const r = rng.fork(spec.code);
    const latitude = round5(COUNTY.centre[0] + spec.offset[0] + r.normal(0, 0.004));
    const longitude = round5(COUNTY.centre[1] + spec.offset[1] + r.normal(0, 0.004));
    const township: DemoTownship = {
      code: spec.code,
      name: `${spec.shortName}${TOWNSHIP_SUFFIX[spec.type]}`,
      level: 'township',
      parentCode: COUNTY.code,
      latitude,
      longitude,
      population: populationSeries(r, base[i]!, spec),
      spec,
      villages: [],
    };
    // Codes of communities (居委会) run 001-199, of villages (村委会) 200-399, as the national code does.
    const names =
      spec.type === 'subdistrict'
        ? r
            .shuffle([...COMMUNITY_NAMES])
            .slice(0, r.int(4, 6))
            .map((n) => ({ name: `${n}社区`, community: true }))
        : [
            { name: `${spec.shortName}社区`, community: true },
            ...r
              .shuffle([...VILLAGE_NAMES])
              .slice(0, spec.type === 'township' ? r.int(5, 7) : r.int(8, 12))
              .map((n) => ({ name: `${n}村`, community: false })),
          ];
    let communitySeq = 0;
    let villageSeq = 0;
    const radius = spec.type === 'subdistrict' ? 0.01 : 0.04;
    township.villages = names.map((v) => ({
      code: `${spec.code}${String(v.community ? ++communitySeq : 200 + ++villageSeq).padStart(3, '0')}`,
      name: v.name,
      level: 'village',
      parentCode: spec.code,
      latitude: round5(latitude + r.float(-radius, radius)),
      longitude: round5(longitude + r.float(-radius, radius)),
      population: [],
      community: v.community,
    }));
    areas.push(township, ...township.villages);
    return township;
  });
  return { areas, townships };
}

const S = {
  hospital: [
    'outpatient',
    'emergency',
    'inpatient',
    'surgery',
    'laboratory',
    'imaging',
    'antenatal_care',
    'delivery',
    'intensive_care',
  ],
  tcm: ['outpatient', 'inpatient', 'traditional_medicine', 'rehabilitation', 'laboratory', 'imaging'],
  mch: [
    'outpatient',
    'inpatient',
    'antenatal_care',
    'delivery',
    'paediatrics',
    'immunization',
    'family_planning',
  ],
  cdc: ['immunization', 'disease_surveillance', 'laboratory', 'health_education'],
  centre: [
    'outpatient',
    'inpatient',
    'immunization',
    'antenatal_care',
    'ncd_management',
    'traditional_medicine',
    'health_education',
  ],
  station: ['outpatient', 'immunization', 'ncd_management', 'health_education'],
  village: ['outpatient', 'first_aid', 'ncd_management', 'health_education'],
  clinic: ['outpatient'],
};

/**
 * The county's own facilities: code | kind | ownership | township they stand in | beds | staff |
 * share of doctors | name | services. The public ones are Xishui's by kind; the two private hospitals'
 * names are made up.
 */
const COUNTY_TABLE = `
C520330001 | county_hospital                | public  | 东皇 | 1000 | 1150 | 0.3  | 习水县人民医院 | hospital
C520330002 | tcm_hospital                   | public  | 九龙 |  500 |  520 | 0.32 | 习水县中医医院 | tcm
C520330003 | maternal_child_health_hospital | public  | 杏坛 |  200 |  260 | 0.3  | 习水县妇幼保健院 | mch
C520330004 | disease_control_centre         | public  | 东皇 |    0 |   90 | 0.25 | 习水县疾病预防控制中心 | cdc
P520330001 | private_hospital               | private | 九龙 |  150 |  160 | 0.3  | 习水仁爱医院 | hospital
P520330002 | private_hospital               | private | 西城 |   99 |  100 | 0.3  | 习水康华医院 | tcm
`;

/** Private clinics (诊所): the township they stand in and a name of their own. */
const CLINICS = [
  ['东皇', '仁和诊所'],
  ['东皇', '杨氏中医诊所'],
  ['东皇', '康宁口腔诊所'],
  ['九龙', '济民诊所'],
  ['九龙', '王氏诊所'],
  ['杏坛', '同心诊所'],
  ['西城', '惠民诊所'],
  ['土城', '李氏诊所'],
  ['温水', '德仁诊所'],
  ['良村', '张氏中医诊所'],
  ['二郎', '安康诊所'],
  ['习酒', '百草诊所'],
] as const;

function near(rng: Rng, a: DemoArea, radius = 0.003): [number, number] {
  return [round5(a.latitude + rng.float(-radius, radius)), round5(a.longitude + rng.float(-radius, radius))];
}

function facility(
  rng: Rng,
  at: DemoArea,
  f: Omit<DemoFacility, 'areaCode' | 'latitude' | 'longitude' | 'managingCode'> & { managingCode?: string },
): DemoFacility {
  const [latitude, longitude] = near(rng, at);
  return { ...f, managingCode: f.managingCode ?? null, areaCode: at.code, latitude, longitude };
}

/**
 * The facility network: the county people's hospital, TCM hospital, maternal and child health
 * hospital and CDC; a community health service centre per subdistrict with stations in two of its
 * communities; a township health centre in every town and township (led by the county hospital, as
 * in a county medical community, 县域医共体) with a village clinic in about nine villages in ten;
 * two private hospitals and a dozen private clinics. Managing facilities come first.
 */
function generateFacilities(rng: Rng, townships: DemoTownship[]): DemoFacility[] {
  const byName = new Map(townships.map((t) => [t.spec.shortName, t]));
  const out: DemoFacility[] = [];
  for (const line of COUNTY_TABLE.trim().split('\n')) {
    const c = line.split('|').map((cell) => cell.trim());
    const at = byName.get(c[3]!)!;
    out.push(
      facility(rng, at, {
        code: c[0]!,
        kind: c[1]!,
        ownership: c[2] as DemoFacility['ownership'],
        beds: Number(c[4]),
        staffWeight: Number(c[5]),
        doctorRate: Number(c[6]),
        name: c[7]!,
        services: S[c[8] as keyof typeof S],
      }),
    );
  }
  const countyHospital = out[0]!.code;
  for (const t of townships) {
    const centreCode = `T${t.code}`;
    if (t.spec.type === 'subdistrict') {
      out.push(
        facility(rng, t, {
          code: centreCode,
          name: `习水县${t.name}社区卫生服务中心`,
          kind: 'community_health_centre',
          ownership: 'public',
          beds: rng.int(20, 40),
          services: S.centre,
          staffWeight: rng.int(35, 50),
          doctorRate: 0.3,
        }),
      );
      for (const v of rng.shuffle([...t.villages]).slice(0, 2)) {
        out.push(
          facility(rng, v, {
            code: `S${v.code}`,
            name: `${t.name}${v.name}卫生服务站`,
            kind: 'community_health_station',
            ownership: 'public',
            managingCode: centreCode,
            beds: 0,
            services: S.station,
            staffWeight: 0,
            doctorRate: 0,
          }),
        );
      }
      continue;
    }
    const central = t.spec.central === true;
    out.push(
      facility(rng, t, {
        code: centreCode,
        name: `习水县${t.name}${central ? '中心卫生院' : '卫生院'}`,
        kind: 'township_health_centre',
        ownership: 'public',
        managingCode: countyHospital,
        beds: central ? rng.int(80, 99) : t.spec.type === 'township' ? rng.int(10, 20) : rng.int(25, 50),
        services: [...S.centre, 'delivery'],
        staffWeight: central
          ? rng.int(60, 80)
          : t.spec.type === 'township'
            ? rng.int(15, 22)
            : rng.int(25, 45),
        doctorRate: 0.3,
      }),
    );
    for (const v of t.villages.filter((x) => !x.community)) {
      if (!rng.chance(0.92)) continue;
      out.push(
        facility(rng, v, {
          code: `V${v.code}`,
          name: `${t.name}${v.name}卫生室`,
          kind: 'village_clinic',
          ownership: 'public',
          managingCode: centreCode,
          beds: 0,
          services: S.village,
          staffWeight: 0,
          doctorRate: 0,
        }),
      );
    }
  }
  CLINICS.forEach(([township, name], i) => {
    const t = byName.get(township)!;
    out.push(
      facility(rng, t, {
        code: `P520330${String(101 + i)}`,
        name: `${t.name}${name}`,
        kind: 'private_clinic',
        ownership: 'private',
        beds: 0,
        services: name.includes('中医') ? [...S.clinic, 'traditional_medicine'] : S.clinic,
        staffWeight: 0,
        doctorRate: 0,
      }),
    );
  });
  return out;
}

/** Where a facility kind stands for qualifications: county hospitals, private, or grassroots. */
type Band = 'county' | 'private' | 'grassroots' | 'village';

function bandOf(kind: string): Band {
  if (kind === 'village_clinic') return 'village';
  if (kind === 'private_hospital' || kind === 'private_clinic') return 'private';
  if (['community_health_centre', 'community_health_station', 'township_health_centre'].includes(kind))
    return 'grassroots';
  return 'county';
}

/**
 * Doctors (执业医师) with a bachelor's degree or more, by band: seed 002 gives "more than 70%" in large
 * hospitals and "less than 15%" in community health centres; the demo holds them exactly.
 */
export const BACHELOR_DOCTOR_SHARE: Record<Band, number> = {
  county: 0.72,
  private: 0.45,
  grassroots: 0.13,
  village: 0,
};

const mix = (entries: [string, number][]) => weightedTable(entries);

/** Cadre mix of the non-doctor staff by kind of facility. */
const CADRE_MIX: Record<string, WeightedTable<string>> = {
  hospital: mix([
    ['nurse', 50],
    ['midwife', 3],
    ['technician', 12],
    ['pharmacist', 6],
    ['assistant_doctor', 4],
    ['administrative', 10],
  ]),
  mch: mix([
    ['nurse', 45],
    ['midwife', 15],
    ['technician', 12],
    ['pharmacist', 5],
    ['assistant_doctor', 5],
    ['administrative', 10],
  ]),
  cdc: mix([
    ['nurse', 10],
    ['technician', 40],
    ['pharmacist', 2],
    ['assistant_doctor', 15],
    ['administrative', 25],
  ]),
  grassroots: mix([
    ['nurse', 35],
    ['midwife', 6],
    ['technician', 10],
    ['pharmacist', 8],
    ['assistant_doctor', 25],
    ['administrative', 10],
  ]),
};

function cadreMixOf(kind: string): WeightedTable<string> {
  if (kind === 'maternal_child_health_hospital') return CADRE_MIX.mch!;
  if (kind === 'disease_control_centre') return CADRE_MIX.cdc!;
  if (bandOf(kind) === 'grassroots') return CADRE_MIX.grassroots!;
  return CADRE_MIX.hospital!;
}

/** Highest qualification of the non-doctor cadres, by band (county hospitals hold more degrees). */
const QUALIFICATION: Record<string, WeightedTable<string>> = {
  'nurse county': mix([
    ['bachelor', 35],
    ['college', 50],
    ['secondary', 15],
  ]),
  'nurse grassroots': mix([
    ['bachelor', 8],
    ['college', 47],
    ['secondary', 45],
  ]),
  'midwife county': mix([
    ['bachelor', 30],
    ['college', 50],
    ['secondary', 20],
  ]),
  'midwife grassroots': mix([
    ['bachelor', 6],
    ['college', 44],
    ['secondary', 50],
  ]),
  'pharmacist county': mix([
    ['postgraduate', 3],
    ['bachelor', 45],
    ['college', 35],
    ['secondary', 17],
  ]),
  'pharmacist grassroots': mix([
    ['bachelor', 10],
    ['college', 40],
    ['secondary', 50],
  ]),
  'technician county': mix([
    ['bachelor', 40],
    ['college', 45],
    ['secondary', 15],
  ]),
  'technician grassroots': mix([
    ['bachelor', 10],
    ['college', 45],
    ['secondary', 45],
  ]),
  'assistant_doctor county': mix([
    ['college', 55],
    ['secondary', 45],
  ]),
  'assistant_doctor grassroots': mix([
    ['bachelor', 5],
    ['college', 45],
    ['secondary', 50],
  ]),
  'administrative county': mix([
    ['postgraduate', 3],
    ['bachelor', 50],
    ['college', 30],
    ['secondary', 12],
    ['none', 5],
  ]),
  'administrative grassroots': mix([
    ['bachelor', 25],
    ['college', 35],
    ['secondary', 30],
    ['none', 10],
  ]),
  village_health_worker: mix([
    ['college', 5],
    ['secondary', 60],
    ['none', 35],
  ]),
};

function qualificationMix(cadre: string, band: Band): WeightedTable<string> {
  if (cadre === 'village_health_worker') return QUALIFICATION.village_health_worker!;
  const level = band === 'county' || band === 'private' ? 'county' : 'grassroots';
  return QUALIFICATION[`${cadre} ${level}`]!;
}

/** Share of men by cadre (nine nurses in ten and every midwife are women), and the position title. */
const CADRE_FACTS: Record<string, { maleShare: number; position: string }> = {
  doctor: { maleShare: 0.55, position: '医师' },
  assistant_doctor: { maleShare: 0.5, position: '执业助理医师' },
  nurse: { maleShare: 0.03, position: '护士' },
  midwife: { maleShare: 0, position: '助产士' },
  pharmacist: { maleShare: 0.35, position: '药师' },
  technician: { maleShare: 0.45, position: '技师' },
  village_health_worker: { maleShare: 0.7, position: '乡村医生' },
  administrative: { maleShare: 0.45, position: '管理人员' },
};

/** The head's title: 院长 of a hospital or health centre, 主任 of a centre, 站长 of a station. */
function headTitle(kind: string): string {
  if (kind === 'community_health_centre' || kind === 'disease_control_centre') return '主任';
  if (kind === 'community_health_station') return '站长';
  return '院长';
}

interface Slot {
  facility: DemoFacility;
  cadre: string;
  position?: string;
}

function planSlots(rng: Rng, facilities: DemoFacility[]): Slot[] {
  const slots: Slot[] = [];
  for (const f of facilities) {
    if (f.kind === 'village_clinic') {
      // One or two village doctors; now and then a licensed assistant doctor as well.
      slots.push({ facility: f, cadre: 'village_health_worker', position: '村卫生室负责人' });
      if (rng.chance(0.3)) slots.push({ facility: f, cadre: 'village_health_worker' });
      if (rng.chance(0.1)) slots.push({ facility: f, cadre: 'assistant_doctor' });
    } else if (f.kind === 'community_health_station') {
      slots.push(
        { facility: f, cadre: 'doctor', position: headTitle(f.kind) },
        { facility: f, cadre: 'nurse' },
      );
      if (rng.chance(0.6)) slots.push({ facility: f, cadre: 'nurse' });
      if (rng.chance(0.5)) slots.push({ facility: f, cadre: 'assistant_doctor' });
    } else if (f.kind === 'private_clinic') {
      slots.push({ facility: f, cadre: 'doctor', position: '负责人' });
      if (rng.chance(0.7)) slots.push({ facility: f, cadre: 'nurse' });
    } else {
      const heads = f.staffWeight;
      const doctors = Math.round(heads * f.doctorRate);
      for (let n = 0; n < heads; n++) {
        const cadre = n < doctors ? 'doctor' : rng.weighted(cadreMixOf(f.kind));
        slots.push({ facility: f, cadre, position: n === 0 ? headTitle(f.kind) : undefined });
      }
    }
  }
  return slots;
}

const PHONE_PREFIXES = [
  '139',
  '138',
  '137',
  '136',
  '135',
  '150',
  '151',
  '158',
  '187',
  '188',
  '186',
  '185',
  '189',
  '180',
  '181',
  '199',
];
/** Everyone was at work by the end of 2023, so capacity figures for any demo year count the whole staff. */

function generateWorkers(rng: Rng, facilities: DemoFacility[], today: string): DemoWorker[] {
  const slots = planSlots(rng.fork('slots'), facilities);
  // Exactly the band's share of doctors with a degree: a shuffled order, the first ones get it.
  const degree = new Set<number>();
  const order = rng.fork('degrees');
  for (const band of ['county', 'private', 'grassroots'] as Band[]) {
    const idx = slots.flatMap((s, i) =>
      s.cadre === 'doctor' && bandOf(s.facility.kind) === band ? [i] : [],
    );
    for (const i of order.shuffle(idx).slice(0, Math.round(idx.length * BACHELOR_DOCTOR_SHARE[band])))
      degree.add(i);
  }
  const r = rng.fork('people');
  const careers = careersOn(today);
  let licence = 0;
  return slots.map((slot, i) => {
    const { cadre, facility } = slot;
    const band = bandOf(facility.kind);
    const facts = CADRE_FACTS[cadre]!;
    const sex: Sex = r.chance(facts.maleShare) ? 'male' : 'female';
    const qualification =
      cadre === 'doctor'
        ? degree.has(i)
          ? r.chance(band === 'county' ? 0.12 : 0.03)
            ? 'postgraduate'
            : 'bachelor'
          : r.chance(band === 'grassroots' ? 0.7 : 0.85)
            ? 'college'
            : 'secondary'
        : r.weighted(qualificationMix(cadre, band));
    const hireAge = cadre === 'doctor' ? (qualification === 'postgraduate' ? 27 : 23) : 20;
    // Women retire at 50-55, men at 60 (village doctors often work on later).
    const maxAge = cadre === 'village_health_worker' ? 68 : sex === 'female' ? 55 : 60;
    const meanAge = cadre === 'village_health_worker' ? 50 : 38;
    const { age, birthDate, startDate } = careers.draw(r, { hireAge, maxAge, meanAge, sdAge: 9 });
    // Practising certificates: physicians' 15 digits, nurses' 12, village doctors' own series.
    licence++;
    const licenceNumber =
      cadre === 'doctor' || cadre === 'assistant_doctor'
        ? `${cadre === 'doctor' ? '110' : '210'}520330${String(licence).padStart(6, '0')}`
        : cadre === 'nurse' || cadre === 'midwife'
          ? `${startDate.slice(0, 4)}52${String(licence).padStart(6, '0')}`
          : cadre === 'village_health_worker'
            ? `XCYS520330${String(licence).padStart(6, '0')}`
            : null;
    return {
      code: `XS-${String(i + 1).padStart(6, '0')}`,
      fullName: randomChineseName(r, sex, careers.todayYear - age),
      sex,
      birthDate,
      cadre,
      qualification,
      licenceNumber,
      phone: `${r.pick(PHONE_PREFIXES)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
      facilityCode: facility.code,
      position: slot.position ?? facts.position,
      startDate,
    };
  });
}

/** Continuing education in the county (学分): the courses a worker may have done in the last three years. */
const COURSES = [
  { course: '继续医学教育必修课', hours: 24, provider: '遵义市卫生健康局' },
  {
    course: '高血压、糖尿病基层规范化管理',
    hours: 40,
    cadres: ['doctor', 'assistant_doctor', 'nurse'],
    provider: '习水县人民医院',
  },
  {
    course: '预防接种规范培训',
    hours: 16,
    cadres: ['nurse', 'midwife', 'assistant_doctor', 'doctor'],
    provider: '习水县疾病预防控制中心',
  },
  {
    course: '孕产妇和新生儿保健',
    hours: 24,
    cadres: ['midwife', 'doctor', 'nurse'],
    provider: '习水县妇幼保健院',
  },
  {
    course: '全科医生转岗培训',
    hours: 120,
    cadres: ['doctor', 'assistant_doctor'],
    provider: '遵义医科大学',
  },
  { course: '中医适宜技术推广', hours: 24, provider: '习水县中医医院' },
  {
    course: '乡村医生岗位培训',
    hours: 80,
    cadres: ['village_health_worker'],
    provider: '习水县卫生健康局',
  },
  { course: '院感防控与急救技能', hours: 16, provider: '习水县人民医院' },
];

/** The whole demo county, generated in memory: same seed and date, same county, byte for byte. */
export function generateDemoCounty(options: { seed?: string; today: string }): DemoCounty {
  const root = new Rng(options.seed ?? CN_DEMO_SEED);
  const { areas, townships } = generateAreas(root.fork('areas'));
  const facilities = generateFacilities(root.fork('facilities'), townships);
  const workers = generateWorkers(root.fork('workers'), facilities, options.today);
  const rotations = planRotations(root.fork('rotations'), facilities, workers, options.today, {
    centreKind: 'county_hospital',
    stationKind: 'township_health_centre',
    note: '县医院医师下沉乡镇卫生院（医共体）',
    firstHosts: [`T${DEMO_TOWNSHIP}`],
  });
  const training = planTraining(root.fork('training'), workers, options.today, {
    courses: COURSES,
    certificate: (n, date) => `XS${date.slice(0, 4)}${String(n).padStart(5, '0')}`,
  });
  return { areas, townships, facilities, workers, rotations, training };
}
