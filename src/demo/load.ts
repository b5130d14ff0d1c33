import { areaImport, findAreaByCode, importBoundaries } from '../modules/areas/index.ts';
import { facilityImport } from '../modules/facilities/index.ts';
import { workerImport } from '../modules/workforce/index.ts';
import type { AppContext } from '../platform/app-context.ts';
import { todayOf } from '../platform/clock.ts';
import { type CsvRecord, type ImportReport, runImport } from '../platform/csv/import-runner.ts';
import { ProgressBar } from '../platform/progress.ts';
import { areaRecords, asAsync, facilityRecords, workerRecords } from './demo-records.ts';
import { createDemoUsers, DEMO_DISTRICT, type DemoLogin, demoLogins, demoStation } from './demo-users.ts';
import { DEMO_SEED, type DemoProvince, generateDemoProvince } from './generate.ts';
import { POPULATION_YEARS } from './generate-areas.ts';
import { generateBoundaries } from './generate-boundaries.ts';
import type { ResidentRecord } from './generate-population.ts';
import type { DemoDispensing } from './generate-visits.ts';
import { CAPABILITY_WORDS, VISIT_REASONS } from './khanh-hoa.ts';
import { loadRotations, loadTraining } from './load-activities.ts';
import { loadDemoCapabilities } from './load-capabilities.ts';
import { demoPopulation, loadPopulation } from './load-population.ts';
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

export interface LoadDemoOptions {
  seed?: number | string;
  /** The load date 'YYYY-MM-DD' (default: today, UTC). */
  today?: string;
  /** Where progress and the summary go; `false` for silence (tests). */
  output?: boolean;
  /** Register the demo residents (default true); the benchmarks load a whole province of their own. */
  residents?: boolean;
}

/** What was loaded, for the closing summary and for tests. */
export interface DemoSummary {
  areas: number;
  /** The areas' import rows, as the progress bar counts them: one per area and population year. */
  areaRows: number;
  districts: number;
  communes: number;
  villages: number;
  facilities: number;
  communeStations: number;
  workers: number;
  doctors: number;
  population: number;
  populationYear: number;
  beds: number;
  /** District doctors' rotations to commune stations, from the Monday of the load week. */
  rotations: number;
  trainingRecords: number;
  /** Residents registered (the whole demo district), and their households. */
  residents: number;
  households: number;
  /** Insurance card periods of those residents (current and past). */
  insuranceCards: number;
  /** Stock movements on the demo district's shelves, and its requisitions (one in each state). */
  stockMovements: number;
  requisitions: number;
  /** Visits of the past year (the demo station's commune dense, the rest of the district lighter). */
  visits: number;
  /** The medicines those visits dispensed, for the stock demo to account for (CONTRACTS.md). */
  dispensings: DemoDispensing[];
  /** The care programmes' records: children's doses, pregnancies, the programme visits among `visits`. */
  programmes: ProgrammeCounts;
  /** The demo logins created (all with DEMO_PASSWORD). */
  logins: DemoLogin[];
  seconds: number;
}

/**
 * Runs one module's CSV import over in-memory records with a progress bar. A rejected demo row is a
 * bug in the generator or the module, so any rejection stops the load with the first reasons.
 */
export async function importStep(
  ctx: AppContext,
  label: string,
  def: Parameters<typeof runImport>[1],
  records: Iterable<CsvRecord>,
  total: number,
  output: boolean,
): Promise<ImportReport> {
  const bar = output ? new ProgressBar(label, total) : undefined;
  const report = await runImport(ctx.db, def, asAsync(records), {
    onProgress: (p) => bar?.update(p.read, `saved ${p.saved}`),
  });
  bar?.finish(report.read, `saved ${report.created + report.updated}`);
  if (report.rejected.length > 0) {
    const first = report.rejected
      .slice(0, 5)
      .map((r) => `line ${r.line}: ${r.reason}`)
      .join('\n  ');
    throw new Error(`demo ${report.kind}: ${report.rejected.length} row(s) rejected (a bug):\n  ${first}`);
  }
  return report;
}

function summarise(
  demo: DemoProvince,
  today: string,
  logins: DemoLogin[],
  started: number,
  areaRows: number,
): Omit<
  DemoSummary,
  | 'residents'
  | 'households'
  | 'insuranceCards'
  | 'stockMovements'
  | 'requisitions'
  | 'visits'
  | 'dispensings'
  | 'programmes'
> {
  const year = Math.min(Math.max(Number(today.slice(0, 4)), POPULATION_YEARS[0]!), POPULATION_YEARS.at(-1)!);
  return {
    areas: demo.areas.all.length,
    areaRows,
    districts: demo.areas.all.filter((a) => a.level === 'district').length,
    communes: demo.areas.communes.length,
    villages: demo.areas.all.filter((a) => a.level === 'village').length,
    facilities: demo.facilities.length,
    communeStations: demo.facilities.filter((f) => f.kind === 'commune_health_station').length,
    workers: demo.workers.length,
    doctors: demo.workers.filter((w) => w.cadre === 'doctor').length,
    population: demo.areas.communes.reduce(
      (s, c) => s + (c.population.find((p) => p.year === year)?.population ?? 0),
      0,
    ),
    populationYear: year,
    beds: demo.facilities.reduce((s, f) => s + f.beds, 0),
    rotations: demo.rotations.length,
    trainingRecords: demo.training.length,
    logins,
    seconds: (Date.now() - started) / 1000,
  };
}

function printSummary(s: DemoSummary): void {
  const n = (x: number) => x.toLocaleString('en-US');
  console.log(
    [
      `Demo province loaded in ${s.seconds.toFixed(1)} s: Khánh Hòa (shaped like seed 004).`,
      `  areas        ${n(s.areas)} (${n(s.districts)} districts, ${n(s.communes)} communes, ${n(s.villages)} villages) in ${n(s.areaRows)} rows, one per area and population year`,
      `  facilities   ${n(s.facilities)} (${n(s.communeStations)} commune stations), ${n(s.beds)} beds`,
      `  workers      ${n(s.workers)}, of whom ${n(s.doctors)} doctors; ${n(s.trainingRecords)} training records`,
      `  rotations    ${n(s.rotations)} district doctors at commune stations, 1-3 days a week for 6 months`,
      `  population   ${n(s.population)} in ${s.populationYear}`,
      `  residents    ${n(s.residents)} registered in ${n(s.households)} households (district ${DEMO_DISTRICT}, where the demo station is)`,
      `  insurance    ${n(s.insuranceCards)} card periods (about 92% of those residents covered today)`,
      `  visits       ${n(s.visits)} (chronic follow-ups, acute visits, antenatal and postnatal check-ups, elderly checks)`,
      `  programmes   ${programmeLine(s.programmes)}`,
      `  medicines    ${n(s.stockMovements)} stock movements at district ${DEMO_DISTRICT}'s centre and stations, ${n(s.requisitions)} requisitions`,
    ].join('\n'),
  );
}

/**
 * Generates the demo province and loads it through the modules' own CSV imports (areas, then
 * facilities, then workers) and service functions (rotations, training records, logins), with a
 * progress bar per step and a summary at the end.
 */
export async function loadDemoProvince(ctx: AppContext, options: LoadDemoOptions = {}): Promise<DemoSummary> {
  const started = Date.now();
  const output = options.output ?? true;
  const today = options.today ?? todayOf(ctx);
  const demo = generateDemoProvince({ seed: options.seed, today });
  const areaRows = demo.areas.all.reduce((s, a) => s + Math.max(1, a.population.length), 0);

  await importStep(
    ctx,
    'Demo areas     ',
    areaImport(ctx.profile),
    areaRecords(demo.areas.all),
    areaRows,
    output,
  );
  const boundaries = await importBoundaries(ctx.db, generateBoundaries(demo.areas.all, 'commune'));
  if (boundaries.rejected.length > 0)
    throw new Error(`demo boundaries rejected (a bug): ${boundaries.rejected[0]?.reason}`);
  await importStep(
    ctx,
    'Demo facilities',
    facilityImport(ctx.profile, today),
    facilityRecords(demo.facilities),
    demo.facilities.length,
    output,
  );
  await importStep(
    ctx,
    'Demo workers   ',
    workerImport(ctx.profile, today),
    workerRecords(demo.workers),
    demo.workers.length,
    output,
  );
  const registry =
    options.residents === false
      ? { households: 0, residents: 0, insuranceCards: 0 }
      : await loadPopulation(ctx, demo, today, (label, def, records, total) =>
          importStep(ctx, label, def as Parameters<typeof runImport>[1], records, total, output),
        );
  await loadRotations(ctx, demo.rotations, output);
  await loadTraining(ctx, demo.training, today, output);
  await loadDemoCapabilities(ctx, demo.facilities, today, options.seed ?? DEMO_SEED, CAPABILITY_WORDS);
  // The visits first: the shelf then accounts for what they dispensed.
  const residents = options.residents === false ? [] : [...demoVisitResidents(demo, today)];
  const denseFacilities = new Set([demoStation(demo).station.code]);
  const care =
    options.residents === false
      ? { visits: 0, dispensings: [], planned: [] }
      : await loadDemoVisits(ctx, {
          seed: options.seed ?? DEMO_SEED,
          today,
          residents,
          denseFacilities,
          medicineCode: (n) => `VNT${n}`,
          serviceCode: (n) => `VNS${n}`,
          reasons: VISIT_REASONS,
        });
  // The programmes' records build on those visits (whose pregnancies and chronic care they follow).
  const programmes =
    options.residents === false
      ? NO_PROGRAMMES
      : await loadDemoProgrammes(ctx, {
          demo: 'khanh-hoa',
          seed: options.seed ?? DEMO_SEED,
          today,
          residents,
          denseFacilities,
          visits: care.planned,
          serviceCode: (n) => `VNS${n}`,
        });
  const districtCommunes = new Set(
    demo.areas.communes.filter((c) => c.district.code === DEMO_DISTRICT).map((c) => c.code),
  );
  const stock = await loadDemoStock(
    ctx,
    stockFacilities(ctx, demo.facilities, (code) => districtCommunes.has(code)),
    today,
    options.seed ?? DEMO_SEED,
    'Trung tâm Kiểm nghiệm và cung ứng thuốc tỉnh Khánh Hòa',
    care.dispensings,
  );
  // Last, once every record is in: what is due in the demo district (the bulk inserts tell no listener).
  const district = options.residents === false ? undefined : await findAreaByCode(ctx.db, DEMO_DISTRICT);
  if (district) await recomputeDemoArea(ctx, district.path, 'Demo programmes ', output);
  const logins = await createDemoUsers(ctx, demoLogins(demo));
  const summary = {
    ...summarise(demo, today, logins, started, areaRows),
    residents: registry.residents,
    households: registry.households,
    insuranceCards: registry.insuranceCards,
    stockMovements: stock.movements,
    requisitions: stock.requisitions,
    visits: care.visits + programmes.visits,
    dispensings: care.dispensings,
    programmes: programmeCounts(programmes),
  };
  if (output) printSummary(summary);
  return summary;
}

/** The registered residents the visits are planned for, with their station. */
function* demoVisitResidents(demo: DemoProvince, today: string) {
  for (const row of demoPopulation(demo, today)) {
    if (!('resident' in row)) continue;
    const r = row.resident as ResidentRecord;
    if (r.facility_code)
      yield { code: r.code, sex: r.sex, birthDate: r.birth_date, facilityCode: r.facility_code };
  }
}
