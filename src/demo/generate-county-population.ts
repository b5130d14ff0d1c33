import { cnCheckCharacter } from '../modules/residents/index.ts';
import type { CsvRecord } from '../platform/csv/import-runner.ts';
import { randomChineseName } from './chinese-names.ts';
import type { DemoTownship } from './generate-county.ts';
import type { HouseholdRecord, ResidentRecord } from './generate-population.ts';
import { Rng, weightedTable } from './random.ts';
import type { Sex } from './vietnamese-names.ts';
import { COUNTY, PREFECTURE, PROVINCE } from './xishui.ts';

/**
 * Households and residents of Chinese townships, and their basic medical insurance enrolments, as
 * CSV records in the columns of the residents and insurance modules' imports. Deterministic: the
 * same township and date give the same people. Names follow chinese-names.ts; every resident id is
 * an 18-character citizen number (GB 11643) of the place of birth (mostly the county, 520330) with
 * a valid check character; rural Guizhou's households are small (many working-age people work in
 * the cities, leaving grandparents with children).
 */

export interface CountyPopulationOptions {
  townships: DemoTownship[];
  year: number;
  /** The facility residents are registered with for primary care (their township health centre). */
  centreOf(townshipCode: string): string | undefined;
  today: string;
  seed?: string;
}

const HOUSEHOLD_SIZE = weightedTable([
  [1, 14],
  [2, 24],
  [3, 22],
  [4, 20],
  [5, 12],
  [6, 6],
  [7, 2],
] as const);

/** Occupations as the register writes them (in Chinese, as a township centre would type them). */
const ADULT_OCCUPATIONS = weightedTable([
  ['农民', 40],
  ['外出务工', 18],
  ['工人', 10],
  ['个体商户', 8],
  ['公务员', 3],
  ['教师', 3],
  ['司机', 4],
  ['个体经营', 8],
  ['无业', 6],
] as const);

/** Those employed by an employer of the county, enrolled in the employees' scheme. */
const EMPLOYED = new Set(['公务员', '教师']);

/** Nearly everyone is Han; Xishui has Miao, Gelao and Tujia neighbours. */
const ETHNICITIES = weightedTable([
  ['汉族', 96],
  ['苗族', 2],
  ['仡佬族', 1.5],
  ['土家族', 0.5],
] as const);

/** Where a resident was born (the id's first six digits): mostly here, some nearby, a few further. */
const BIRTH_PLACES = weightedTable([
  [COUNTY.code, 90],
  ['520381', 3], // 赤水市
  ['520302', 2], // 红花岗区
  ['520382', 2], // 仁怀市
  ['500110', 2], // 重庆市綦江区
  ['510500', 1], // 四川省泸州市
] as const);

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An 18-character resident id: place, birth date, a sequence odd for men and even for women, check. */
export function residentId(place: string, birthDate: string, sex: Sex, serial: number): string {
  const seq = 2 * serial + (sex === 'male' ? 1 : 0);
  const first17 = `${place}${birthDate.replaceAll('-', '')}${String(seq % 1000).padStart(3, '0')}`;
  return `${first17}${cnCheckCharacter(first17)}`;
}

/**
 * Yields households and residents interleaved (each household, then its members, head first), for
 * every village and community of the townships, up to each township's population of `year`.
 */
export function* generateCountyPopulation(
  options: CountyPopulationOptions,
): Generator<{ household: HouseholdRecord } | { resident: ResidentRecord }> {
  const rng = new Rng(options.seed ?? 'grassroots-xishui-population');
  const todayYear = Number(options.today.slice(0, 4));
  let residentSeq = 0;
  // One sequence per place, birth date and sex, so two people never share a number.
  const serials = new Map<string, number>();
  const nextSerial = (key: string) => {
    const n = serials.get(key) ?? 0;
    serials.set(key, n + 1);
    return n;
  };
  for (const township of options.townships) {
    const trng = rng.fork(township.code);
    const target = township.population.find((p) => p.year === options.year)?.population ?? 0;
    const centre = options.centreOf(township.code) ?? '';
    const villages = township.villages.length > 0 ? township.villages : [township];
    let people = 0;
    let householdNo = 0;
    while (people < target) {
      householdNo++;
      const village = villages[householdNo % villages.length]!;
      const householdCode = `HK${village.code}${String(householdNo).padStart(5, '0')}`;
      yield {
        household: {
          code: householdCode,
          address: `${PROVINCE.name}${PREFECTURE.name}${COUNTY.name}${township.name}${village.name}${trng.int(1, 9)}组${trng.int(1, 120)}号`,
          area_code: village.code,
          latitude: (village.latitude + trng.float(-0.004, 0.004)).toFixed(5),
          longitude: (village.longitude + trng.float(-0.004, 0.004)).toFixed(5),
        },
      };
      const size = Math.min(trng.weighted(HOUSEHOLD_SIZE), Math.max(1, target - people));
      const headSex: Sex = trng.chance(0.78) ? 'male' : 'female';
      // Many heads are older: the young work away and stay on the register at home.
      const headAge = trng.chance(0.4) ? trng.int(55, 85) : trng.int(25, 60);
      const members: { sex: Sex; age: number; relationship: string }[] = [
        { sex: headSex, age: headAge, relationship: 'head' },
      ];
      if (size >= 2 && trng.chance(0.85)) {
        members.push({
          sex: headSex === 'male' ? 'female' : 'male',
          age: Math.max(20, headAge + trng.int(-5, 3)),
          relationship: 'spouse',
        });
      }
      while (members.length < size) {
        if (headAge > 50 && trng.chance(0.4)) {
          members.push({
            sex: trng.chance(0.52) ? 'male' : 'female',
            age: trng.int(0, 15),
            relationship: 'grandchild',
          });
        } else if (headAge < 45 && trng.chance(0.15)) {
          members.push({
            sex: trng.chance(0.55) ? 'female' : 'male',
            age: Math.min(95, headAge + trng.int(22, 32)),
            relationship: 'parent',
          });
        } else {
          members.push({
            sex: trng.chance(0.52) ? 'male' : 'female',
            age: Math.max(0, headAge - trng.int(20, 35)),
            relationship: 'child',
          });
        }
      }
      const familyName = randomChineseName(trng, headSex, todayYear - headAge).slice(0, 1);
      for (const m of members) {
        residentSeq++;
        let birthYear = todayYear - m.age - (trng.chance(0.5) ? 1 : 0);
        const birthDate0 = isoDate(birthYear, trng.int(1, 12), trng.int(1, 28));
        if (birthDate0 > options.today) birthYear--;
        const birthDate = `${birthYear}${birthDate0.slice(4)}`;
        const place =
          m.relationship === 'spouse' || m.relationship === 'parent'
            ? trng.weighted(BIRTH_PLACES)
            : COUNTY.code;
        // A baby's number comes with the household registration; a few are not registered yet.
        const hasId = m.age >= 1 || trng.chance(0.7);
        // Children and grandchildren carry the head's family name (most families); a spouse keeps their own.
        const family =
          m.relationship === 'head' || m.relationship === 'child' || m.relationship === 'grandchild'
            ? familyName
            : undefined;
        const adult = m.age >= 18;
        yield {
          resident: {
            code: `XS${String(residentSeq).padStart(8, '0')}`,
            citizen_id: hasId
              ? residentId(place, birthDate, m.sex, nextSerial(`${place}${birthDate}${m.sex}`))
              : '',
            full_name: randomChineseName(trng, m.sex, birthYear, family),
            sex: m.sex,
            birth_date: birthDate,
            ethnicity: trng.weighted(ETHNICITIES),
            phone:
              adult && trng.chance(0.8)
                ? `1${trng.pick(['39', '38', '36', '58', '87', '88', '89', '99'])}${String(trng.int(0, 99_999_999)).padStart(8, '0')}`
                : '',
            occupation:
              m.age < 6
                ? '学龄前儿童'
                : m.age < 18
                  ? '学生'
                  : m.age >= 60
                    ? trng.chance(0.75)
                      ? '农民'
                      : '退休'
                    : trng.weighted(ADULT_OCCUPATIONS),
            household_code: householdCode,
            relationship: m.relationship,
            area_code: village.code,
            facility_code: centre,
          },
        };
      }
      people += members.length;
    }
  }
}

/** One enrolment as an import record of the CN profile's `insurance-cards` file. */
export interface EnrolmentRecord {
  citizen_id: string;
  resident_code: string;
  scheme: 'resident' | 'employee';
  insured_area_code: string;
  valid_from: string;
  valid_to: string;
  status: 'active' | 'withdrawn';
}

/**
 * Basic medical insurance enrolments by calendar year: about 95% of residents enrolled this year
 * (the profile's target), employees of the county (civil servants, teachers, some workers) in the
 * employees' scheme of the prefecture (市级统筹), everyone else in the urban and rural residents'
 * scheme of the county; about two in three also have last year's enrolment on file, and about 2%
 * lapsed (last year only). A resident without an id is enrolled by their resident code.
 */
export function* generateEnrolments(
  residents: Iterable<ResidentRecord>,
  options: { today: string; seed?: string },
): Generator<EnrolmentRecord> {
  const rng = new Rng(options.seed ?? 'grassroots-xishui-enrolments');
  const year = Number(options.today.slice(0, 4));
  for (const r of residents) {
    const fate = rng.next();
    if (fate >= 0.97) continue; // never enrolled
    const lapsed = fate >= 0.95;
    const employee =
      (EMPLOYED.has(r.occupation) || (r.occupation === '工人' && rng.chance(0.5))) && rng.chance(0.9);
    const scheme = employee ? ('employee' as const) : ('resident' as const);
    const base = {
      citizen_id: r.citizen_id,
      resident_code: r.code,
      scheme,
      insured_area_code: employee ? PREFECTURE.code : COUNTY.code,
      status: 'active' as const,
    };
    const born = r.birth_date.slice(0, 10);
    const periods = lapsed ? [year - 1] : rng.chance(0.65) ? [year - 1, year] : [year];
    for (const y of periods) {
      const from = born > `${y}-01-01` ? born : `${y}-01-01`;
      if (from > `${y}-12-31`) continue;
      yield { ...base, valid_from: from, valid_to: `${y}-12-31` };
    }
  }
}

export function* enrolmentRecordsOf(enrolments: Iterable<EnrolmentRecord>): Generator<CsvRecord> {
  let line = 1;
  for (const e of enrolments) yield { line: ++line, values: { ...e } };
}
