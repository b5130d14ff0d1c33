import type { CsvRecord } from '../platform/csv/import-runner.ts';
import type { DemoCommune } from './generate-areas.ts';
import { Rng, weightedTable } from './random.ts';
import { randomFullName, type Sex } from './vietnamese-names.ts';

/**
 * Households and residents of communes, generated deterministically as CSV records in the columns
 * of the residents module's imports. A generator, not an array: the benchmarks stream 1.2 million
 * residents through it without holding them. Shared by the demo and bench/.
 */

export interface PopulationOptions {
  /** Communes to populate, each up to its population figure for `year`. */
  communes: DemoCommune[];
  year: number;
  /** Commune code to its station's facility code (where residents are registered for primary care). */
  stationOf(communeCode: string): string | undefined;
  /** The date ages are computed on ('YYYY-MM-DD'). */
  today: string;
  /** Share of each commune's population to generate (1 = everyone). */
  share?: number;
  seed?: string;
  /** Share of residents registered a second time by mistake (no identity number, name slightly altered). */
  duplicateShare?: number;
}

export interface HouseholdRecord {
  code: string;
  address: string;
  area_code: string;
  latitude: string;
  longitude: string;
}

export interface ResidentRecord {
  code: string;
  citizen_id: string;
  full_name: string;
  sex: string;
  birth_date: string;
  ethnicity: string;
  phone: string;
  occupation: string;
  household_code: string;
  relationship: string;
  area_code: string;
  facility_code: string;
}

const HOUSEHOLD_SIZE = weightedTable([
  [1, 8],
  [2, 17],
  [3, 22],
  [4, 26],
  [5, 15],
  [6, 8],
  [7, 3],
  [8, 1],
] as const);

const ADULT_OCCUPATIONS = weightedTable([
  ['farmer', 24],
  ['fisher', 8],
  ['worker', 18],
  ['trader', 14],
  ['civil servant', 6],
  ['teacher', 3],
  ['driver', 4],
  ['tourism', 6],
  ['self-employed', 10],
  ['unemployed', 7],
] as const);

/** Chip citizen ID: 3-digit province of birth, century-and-sex digit, 2-digit birth year, 6 digits. */
function citizenId(provinceCode: string, sex: Sex, birthYear: number, serial: number): string {
  const century = birthYear >= 2000 ? 2 : 0;
  const digit = century + (sex === 'female' ? 1 : 0);
  return `0${provinceCode}${digit}${String(birthYear % 100).padStart(2, '0')}${String(serial % 1_000_000).padStart(6, '0')}`;
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A typing slip at registration: a second middle name dropped or one letter's accent lost. */
function misspell(rng: Rng, name: string): string {
  const parts = name.split(' ');
  if (parts.length > 3) return [parts[0], parts[1], parts[parts.length - 1]].join(' ');
  const swaps: [string, string][] = [
    ['ễ', 'ê'],
    ['ă', 'a'],
    ['ư', 'u'],
    ['ơ', 'o'],
    ['ị', 'i'],
    ['ồ', 'ô'],
  ];
  for (const [from, to] of swaps) if (name.includes(from) && rng.chance(0.7)) return name.replace(from, to);
  return `${name.slice(0, -1)}${name.slice(-1) === 'h' ? '' : 'h'}`;
}

/**
 * Yields households and residents interleaved: each household, then its members (head first), so an
 * import of the households file before the residents file, or of both streams, always finds the
 * household a resident names.
 */
export function* generatePopulation(
  options: PopulationOptions,
): Generator<{ household: HouseholdRecord } | { resident: ResidentRecord }> {
  const rng = new Rng(options.seed ?? 'grassroots-population');
  const share = options.share ?? 1;
  const todayYear = Number(options.today.slice(0, 4));
  let residentSeq = 0;
  const serials = new Map<string, number>();
  const nextSerial = (key: string) => {
    const n = (serials.get(key) ?? 0) + 1;
    serials.set(key, n);
    return n;
  };

  for (const commune of options.communes) {
    const crng = rng.fork(commune.code);
    const target = Math.round(
      (commune.population.find((p) => p.year === options.year)?.population ?? 0) * share,
    );
    const station = options.stationOf(commune.code) ?? '';
    const minority = commune.district.mountainous;
    const villages = commune.villages.length > 0 ? commune.villages : [commune];
    let people = 0;
    let householdNo = 0;
    while (people < target) {
      householdNo++;
      const village = villages[householdNo % villages.length]!;
      const householdCode = `HK${commune.code}${String(householdNo).padStart(5, '0')}`;
      yield {
        household: {
          code: householdCode,
          address: `Số ${crng.int(1, 300)}, ${village.name}, ${commune.name}`,
          area_code: village.code,
          latitude: (village.latitude + crng.float(-0.004, 0.004)).toFixed(5),
          longitude: (village.longitude + crng.float(-0.004, 0.004)).toFixed(5),
        },
      };
      const size = Math.min(crng.weighted(HOUSEHOLD_SIZE), Math.max(1, target - people));
      const headSex: Sex = crng.chance(0.72) ? 'male' : 'female';
      const headAge = crng.int(24, 78);
      const familyName = randomFullName(crng, headSex, { minority }).split(' ')[0]!;
      const members: { sex: Sex; age: number; relationship: string }[] = [
        { sex: headSex, age: headAge, relationship: 'head' },
      ];
      if (size >= 2) {
        members.push({
          sex: headSex === 'male' ? 'female' : 'male',
          age: Math.max(18, headAge + crng.int(-6, 4)),
          relationship: 'spouse',
        });
      }
      for (let i = members.length; i < size; i++) {
        if (headAge > 50 && crng.chance(0.25)) {
          members.push({
            sex: crng.chance(0.5) ? 'male' : 'female',
            age: crng.int(0, 12),
            relationship: 'grandchild',
          });
        } else if (headAge < 45 && crng.chance(0.12)) {
          members.push({
            sex: crng.chance(0.6) ? 'female' : 'male',
            age: Math.min(99, headAge + crng.int(22, 32)),
            relationship: 'parent',
          });
        } else {
          members.push({
            sex: crng.chance(0.51) ? 'male' : 'female',
            age: Math.max(0, headAge - crng.int(20, 38)),
            relationship: 'child',
          });
        }
      }

      for (const m of members) {
        residentSeq++;
        const month = crng.int(1, 12);
        const day = crng.int(1, 28);
        let birthYear = todayYear - m.age - (crng.chance(0.5) ? 1 : 0);
        // Nobody is born after today.
        if (isoDate(birthYear, month, day) > options.today) birthYear--;
        // Older people registered from paper books often have only a birth year.
        const yearOnly = m.age > 60 && crng.chance(0.15);
        const birthDate = yearOnly ? String(birthYear) : isoDate(birthYear, month, day);
        const hasId = m.age >= 14 || crng.chance(0.85);
        let fullName = randomFullName(crng, m.sex, { minority });
        // Children take the father's family name; the spouse keeps their own.
        if (m.relationship === 'child' || m.relationship === 'grandchild' || m.relationship === 'head') {
          fullName = [familyName, ...fullName.split(' ').slice(1)].join(' ');
        }
        const adult = m.age >= 18;
        const resident: ResidentRecord = {
          code: `KH${String(residentSeq).padStart(8, '0')}`,
          citizen_id: hasId ? citizenId('56', m.sex, birthYear, nextSerial(`${m.sex}${birthYear}`)) : '',
          full_name: fullName,
          sex: m.sex,
          birth_date: birthDate,
          ethnicity: minority && crng.chance(0.7) ? 'Raglai' : 'Kinh',
          phone: adult && crng.chance(0.75) ? `09${String(crng.int(0, 99_999_999)).padStart(8, '0')}` : '',
          occupation:
            m.age < 6
              ? 'child'
              : m.age < 18
                ? 'pupil'
                : m.age >= 62
                  ? 'retired'
                  : crng.weighted(ADULT_OCCUPATIONS),
          household_code: householdCode,
          relationship: m.relationship,
          area_code: village.code,
          facility_code: station,
        };
        yield { resident };
        if (options.duplicateShare && crng.chance(options.duplicateShare)) {
          residentSeq++;
          yield {
            resident: {
              ...resident,
              code: `KH${String(residentSeq).padStart(8, '0')}`,
              citizen_id: '',
              full_name: misspell(crng, resident.full_name),
              phone: '',
              relationship: 'other',
            },
          };
        }
      }
      people += members.length;
    }
  }
}

/** The households of a generated population as import records (line numbers as in a file). */
export function* householdRecordsOf(
  rows: Iterable<{ household: HouseholdRecord } | { resident: ResidentRecord }>,
) {
  let line = 1;
  for (const row of rows)
    if ('household' in row) yield { line: ++line, values: { ...row.household } } as CsvRecord;
}

/** The residents of a generated population as import records. */
export function* residentRecordsOf(
  rows: Iterable<{ household: HouseholdRecord } | { resident: ResidentRecord }>,
) {
  let line = 1;
  for (const row of rows)
    if ('resident' in row) yield { line: ++line, values: { ...row.resident } } as CsvRecord;
}
