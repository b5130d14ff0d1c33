import { areaImport, findAreaByCode, importBoundaries } from '../modules/areas/index.ts';
import { facilityImport } from '../modules/facilities/index.ts';
import { insuranceCardImport } from '../modules/insurance/index.ts';
import { householdImport, residentImport } from '../modules/residents/index.ts';
import { workerImport } from '../modules/workforce/index.ts';
import type { AppContext } from '../platform/app-context.ts';
import { todayOf } from '../platform/clock.ts';
import type { runImport } from '../platform/csv/import-runner.ts';
import { demoCountyLogins } from './county-users.ts';
import { areaRecords, facilityRecords, workerRecords } from './demo-records.ts';
import { createDemoUsers, type DemoLogin } from './demo-users.ts';
import { POPULATION_YEARS } from './generate-areas.ts';
import { generateBoundaries } from './generate-boundaries.ts';
import { CN_DEMO_SEED, type DemoCounty, generateDemoCounty } from './generate-county.ts';
import {
  type EnrolmentRecord,
  enrolmentRecordsOf,
  generateCountyPopulation,
  generateEnrolments,
} from './generate-county-population.ts';
import { householdRecordsOf, type ResidentRecord, residentRecordsOf } from './generate-population.ts';
import type { DemoDispensing } from './generate-visits.ts';
import { importStep, type LoadDemoOptions } from './load.ts';
import { loadRotations, loadTraining } from './load-activities.ts';
import { loadDemoCapabilities } from './load-capabilities.ts';
import {
  loadDemoProgrammes,
  NO_PROGRAMMES,
  type ProgrammeCounts,
  programmeCounts,
  programmeLine,
  recomputeDemoArea,
} from './load-programmes.ts';
import { loadDemoStock, stockFacilities } from './load-stock.ts';
import { loadDemoVisits } from './load-visits.ts';
import { CAPABILITY_WORDS, DEMO_TOWNSHIP, VISIT_REASONS } from './xishui.ts';

/** The population year the demo uses for a load date: the date's year, within the figures' years. */
export function countyYear(today: string): number {
  return Math.min(Math.max(Number(today.slice(0, 4)), POPULATION_YEARS[0]!), POPULATION_YEARS.at(-1)!);
}

/** The registered township's households and residents, as generated (the same on every load of a date). */
export function demoCountyPopulation(county: DemoCounty, today: string) {
  const centreOf = (code: string) =>
    county.facilities.find(
      (f) =>
        (f.kind === 'township_health_centre' || f.kind === 'community_health_centre') && f.areaCode === code,
    )?.code;
  return generateCountyPopulation({
    townships: county.townships.filter((t) => t.code === DEMO_TOWNSHIP),
    year: countyYear(today),
    centreOf,
    today,
  });
}

/** Their basic medical insurance enrolments. */
export function demoCountyEnrolments(county: DemoCounty, today: string): EnrolmentRecord[] {
  const residents = function* () {
    for (const row of demoCountyPopulation(county, today))
      if ('resident' in row) yield row.resident as ResidentRecord;
  };
  return [...generateEnrolments(residents(), { today })];
}

/** What was loaded, for the closing summary and for tests. */
export interface CountySummary {
  areas: number;
  townships: number;
  villages: number;
  facilities: number;
  townshipCentres: number;
  villageClinics: number;
  beds: number;
  workers: number;
  doctors: number;
  villageDoctors: number;
  population: number;
  populationYear: number;
  residents: number;
  /** Visits of the past year at the township's centre, and the medicines they dispensed (for the stock demo). */
  visits: number;
  dispensings: DemoDispensing[];
  /** The care programmes' records: children's doses, pregnancies, the programme visits among `visits`. */
  programmes: ProgrammeCounts;
  households: number;
  enrolments: number;
  /** Stock movements on the county's shelves (the county hospital and the township centres), and requisitions. */
  stockMovements: number;
  requisitions: number;
  rotations: number;
  trainingRecords: number;
  logins: DemoLogin[];
  seconds: number;
}

function printSummary(s: CountySummary): void {
  const n = (x: number) => x.toLocaleString('en-US');
  console.log(
    [
      `演示县已载入 / Demo county loaded in ${s.seconds.toFixed(1)} s: 贵州省遵义市习水县 Xishui County, Zunyi, Guizhou (seed 001).`,
      `  地区 areas        ${n(s.areas)} (${n(s.townships)} 乡镇街道 townships, ${n(s.villages)} 村/社区 villages and communities)`,
      `  机构 facilities   ${n(s.facilities)} (${n(s.townshipCentres)} 乡镇卫生院 township health centres, ${n(s.villageClinics)} 村卫生室 village clinics), ${n(s.beds)} beds`,
      `  人员 workers      ${n(s.workers)}, of whom ${n(s.doctors)} doctors and ${n(s.villageDoctors)} village doctors; ${n(s.trainingRecords)} training records`,
      `  下沉 rotations    ${n(s.rotations)} county hospital doctors at township health centres`,
      `  人口 population   ${n(s.population)} in ${s.populationYear}`,
      `  居民 residents    ${n(s.residents)} registered in ${n(s.households)} households (程寨镇 ${DEMO_TOWNSHIP}, where the demo station is)`,
      `  就诊 visits       ${n(s.visits)} (chronic follow-ups, acute visits, antenatal and postnatal check-ups, elderly checks)`,
      `  公卫 programmes   ${programmeLine(s.programmes)}`,
      `  医保 insurance    ${n(s.enrolments)} basic medical insurance enrolments (this year's and last year's)`,
      `  药品 medicines    ${n(s.stockMovements)} stock movements at the county hospital and township centres, ${n(s.requisitions)} requisitions`,
    ].join('\n'),
  );
}

/**
 * Generates the demo county and loads it through the modules' own CSV imports (areas, facilities,
 * workers, households, residents, enrolments) and service functions (rotations, training, logins),
 * as the Vietnamese province loads: a rejected row is a bug and stops the load.
 */
export async function loadDemoCounty(ctx: AppContext, options: LoadDemoOptions = {}): Promise<CountySummary> {
  const started = Date.now();
  const output = options.output ?? true;
  const today = options.today ?? todayOf(ctx);
  const county = generateDemoCounty({
    today,
    seed: options.seed === undefined ? undefined : String(options.seed),
  });
  const step = (label: string, def: unknown, records: Parameters<typeof importStep>[3], total: number) =>
    importStep(ctx, label, def as Parameters<typeof runImport>[1], records, total, output);

  const areaRows = county.areas.reduce((s, a) => s + Math.max(1, a.population.length), 0);
  await step('地区 areas      ', areaImport(ctx.profile), areaRecords(county.areas), areaRows);
  const boundaries = await importBoundaries(ctx.db, generateBoundaries(county.areas, 'township'));
  if (boundaries.rejected.length > 0)
    throw new Error(`demo boundaries rejected (a bug): ${boundaries.rejected[0]?.reason}`);
  await step(
    '机构 facilities ',
    facilityImport(ctx.profile, today),
    facilityRecords(county.facilities),
    county.facilities.length,
  );
  await step(
    '人员 workers    ',
    workerImport(ctx.profile, today),
    workerRecords(county.workers),
    county.workers.length,
  );

  let households = 0;
  let residents = 0;
  let enrolments = 0;
  if (options.residents !== false) {
    const population = () => demoCountyPopulation(county, today);
    for (const row of population()) {
      if ('household' in row) households++;
      else residents++;
    }
    await step(
      '户 households   ',
      householdImport(ctx.profile),
      householdRecordsOf(population()),
      households,
    );
    const report = await step(
      '居民 residents  ',
      residentImport(ctx.profile, today),
      residentRecordsOf(population()),
      residents,
    );
    residents = report.created + report.updated;
    const records = demoCountyEnrolments(county, today);
    const enrolled = await step(
      '医保 insurance  ',
      insuranceCardImport(ctx.profile),
      enrolmentRecordsOf(records),
      records.length,
    );
    enrolments = enrolled.created + enrolled.updated;
  }
  await loadRotations(ctx, county.rotations, output);
  await loadTraining(ctx, county.training, today, output);
  await loadDemoCapabilities(
    ctx,
    county.facilities,
    today,
    options.seed === undefined ? CN_DEMO_SEED : String(options.seed),
    CAPABILITY_WORDS,
  );
  const centre = county.facilities.find(
    (f) =>
      (f.kind === 'township_health_centre' || f.kind === 'community_health_centre') &&
      f.areaCode === DEMO_TOWNSHIP,
  );
  const seed = options.seed === undefined ? CN_DEMO_SEED : String(options.seed);
  const visitResidents =
    options.residents === false || !centre ? [] : [...countyVisitResidents(county, today)];
  const denseFacilities = new Set(centre ? [centre.code] : []);
  const care =
    options.residents === false || !centre
      ? { visits: 0, dispensings: [], planned: [] }
      : await loadDemoVisits(ctx, {
          seed,
          today,
          residents: visitResidents,
          denseFacilities,
          // The township registers some 13,000 people: the dense year for the first 3,000, the others lighter.
          maxDenseResidents: 3000,
          medicineCode: (n) => `CNY${n}`,
          serviceCode: (n) => `CNS${n}`,
          reasons: VISIT_REASONS,
        });
  // The programmes' records build on those visits (whose pregnancies and chronic care they follow).
  const programmes =
    options.residents === false || !centre
      ? NO_PROGRAMMES
      : await loadDemoProgrammes(ctx, {
          demo: 'xishui',
          seed,
          today,
          residents: visitResidents,
          denseFacilities,
          visits: care.planned,
          serviceCode: (n) => `CNS${n}`,
        });
  // The visits first: the shelf then accounts for what they dispensed.
  const stock = await loadDemoStock(
    ctx,
    stockFacilities(ctx, county.facilities, () => true),
    today,
    seed,
    '遵义市医药公司',
    care.dispensings,
  );
  // Last, once every record is in: what is due in the demo township (the bulk inserts tell no listener).
  const township = options.residents === false ? undefined : await findAreaByCode(ctx.db, DEMO_TOWNSHIP);
  if (township) await recomputeDemoArea(ctx, township.path, '公卫 programmes ', output);
  const logins = await createDemoUsers(ctx, demoCountyLogins(county));
  const year = countyYear(today);
  const summary: CountySummary = {
    areas: county.areas.length,
    townships: county.townships.length,
    villages: county.areas.filter((a) => a.level === 'village').length,
    facilities: county.facilities.length,
    townshipCentres: county.facilities.filter((f) => f.kind === 'township_health_centre').length,
    villageClinics: county.facilities.filter((f) => f.kind === 'village_clinic').length,
    beds: county.facilities.reduce((s, f) => s + f.beds, 0),
    workers: county.workers.length,
    doctors: county.workers.filter((w) => w.cadre === 'doctor').length,
    villageDoctors: county.workers.filter((w) => w.cadre === 'village_health_worker').length,
    population: county.townships.reduce(
      (s, t) => s + (t.population.find((p) => p.year === year)?.population ?? 0),
      0,
    ),
    populationYear: year,
    residents,
    households,
    enrolments,
    stockMovements: stock.movements,
    requisitions: stock.requisitions,
    visits: care.visits + programmes.visits,
    dispensings: care.dispensings,
    programmes: programmeCounts(programmes),
    rotations: county.rotations.length,
    trainingRecords: county.training.length,
    logins,
    seconds: (Date.now() - started) / 1000,
  };
  if (output) printSummary(summary);
  return summary;
}
/** The registered residents the visits are planned for, with their centre. */
function* countyVisitResidents(county: DemoCounty, today: string) {
  for (const row of demoCountyPopulation(county, today)) {
    if (!('resident' in row)) continue;
    const r = row.resident as ResidentRecord;
    if (r.facility_code)
      yield { code: r.code, sex: r.sex, birthDate: r.birth_date, facilityCode: r.facility_code };
  }
}
