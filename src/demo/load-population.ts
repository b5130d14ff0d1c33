import { householdImport, residentImport } from '../modules/residents/index.ts';
import type { AppContext } from '../platform/app-context.ts';
import type { CsvRecord, ImportDefinition, ImportReport } from '../platform/csv/import-runner.ts';
import { demoStation } from './demo-users.ts';
import type { DemoProvince } from './generate.ts';
import type { DemoCommune } from './generate-areas.ts';
import { generatePopulation, householdRecordsOf, residentRecordsOf } from './generate-population.ts';

/** The district whose whole population the demo registers (a small mountain district: Khánh Sơn). */
export const DEMO_POPULATION_DISTRICT = '575';

/**
 * Communes whose residents the demo registers: every commune of one whole district, and the commune
 * of the demo station, so that the `station` login finds its own people at the counter.
 */
export function demoPopulationCommunes(demo: DemoProvince): DemoCommune[] {
  const { commune } = demoStation(demo);
  return demo.areas.communes.filter(
    (c) => c.district.code === DEMO_POPULATION_DISTRICT || c.code === commune.code,
  );
}

type ImportStep = <T>(
  label: string,
  def: ImportDefinition<T>,
  records: Iterable<CsvRecord>,
  total: number,
) => Promise<ImportReport>;

/** Loads the demo's households, then their residents, through the residents module's imports. */
export async function loadPopulation(
  ctx: AppContext,
  demo: DemoProvince,
  today: string,
  importStep: ImportStep,
) {
  const communes = demoPopulationCommunes(demo);
  const stationOf = (code: string) =>
    demo.facilities.find((f) => f.kind === 'commune_health_station' && f.areaCode === code)?.code;
  const year = Number(today.slice(0, 4));
  const population = () =>
    generatePopulation({ communes, year: Math.min(year, 2026), stationOf, today, duplicateShare: 0.003 });
  let households = 0;
  let residents = 0;
  for (const row of population()) {
    if ('household' in row) households++;
    else residents++;
  }
  await importStep(
    'Demo households',
    householdImport(ctx.profile),
    householdRecordsOf(population()),
    households,
  );
  const report = await importStep(
    'Demo residents ',
    residentImport(ctx.profile),
    residentRecordsOf(population()),
    residents,
  );
  return { households, residents: report.created + report.updated };
}
