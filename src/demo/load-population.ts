import { insuranceCardImport } from '../modules/insurance/index.ts';
import { householdImport, residentImport } from '../modules/residents/index.ts';
import type { AppContext } from '../platform/app-context.ts';
import type { CsvRecord, ImportDefinition, ImportReport } from '../platform/csv/import-runner.ts';
import type { CountryProfile } from '../platform/profile.ts';
import { DEMO_DISTRICT } from './demo-users.ts';
import type { DemoProvince } from './generate.ts';
import type { DemoCommune } from './generate-areas.ts';
import {
  cardRecordsOf,
  generateInsuranceCards,
  type InsuranceCardRecord,
} from './generate-insurance-cards.ts';
import {
  generatePopulation,
  householdRecordsOf,
  type ResidentRecord,
  residentRecordsOf,
} from './generate-population.ts';

/**
 * Communes whose residents the demo registers: every commune of the demo district, where the demo
 * station, its doctor and village health worker work and which the `district` login manages.
 */
export function demoPopulationCommunes(demo: DemoProvince): DemoCommune[] {
  return demo.areas.communes.filter((c) => c.district.code === DEMO_DISTRICT);
}

/** The demo's households and residents, as generated (the same on every load of the same date). */
export function demoPopulation(demo: DemoProvince, today: string) {
  const communes = demoPopulationCommunes(demo);
  const stationOf = (code: string) =>
    demo.facilities.find((f) => f.kind === 'commune_health_station' && f.areaCode === code)?.code;
  const year = Number(today.slice(0, 4));
  return generatePopulation({
    communes,
    year: Math.min(year, 2026),
    stationOf,
    today,
    duplicateShare: 0.003,
  });
}

/**
 * The demo residents' insurance cards: about 92% covered on the load date, the benefit digit of each
 * group from the profile, first-point care at the commune station or else the district health centre.
 */
export function demoInsuranceCards(
  demo: DemoProvince,
  today: string,
  profile: CountryProfile,
): InsuranceCardRecord[] {
  const districtOfCommune = new Map(demo.areas.communes.map((c) => [c.code, c.district.code]));
  const centreOfDistrict = new Map(
    demo.facilities
      .filter((f) => f.kind === 'district_health_centre')
      .map((f) => [districtOfCommune.get(f.areaCode) ?? f.areaCode, f.code]),
  );
  const communeOfStation = new Map(
    demo.facilities.filter((f) => f.kind === 'commune_health_station').map((f) => [f.code, f.areaCode]),
  );
  const residents = function* () {
    for (const row of demoPopulation(demo, today))
      if ('resident' in row) yield row.resident as ResidentRecord;
  };
  return [
    ...generateInsuranceCards(residents(), {
      today,
      provinceCode: demo.areas.all[0]!.code,
      benefitLevelOf: (group) => profile.insurance.card?.groups.find((g) => g.code === group)?.benefitLevel,
      alternativeFacilityOf: (station) =>
        centreOfDistrict.get(districtOfCommune.get(communeOfStation.get(station) ?? '') ?? ''),
    }),
  ];
}

type ImportStep = <T>(
  label: string,
  def: ImportDefinition<T>,
  records: Iterable<CsvRecord>,
  total: number,
) => Promise<ImportReport>;

/**
 * Loads the demo's households, then their residents, through the residents module's imports, then
 * their insurance cards through the insurance module's import.
 */
export async function loadPopulation(
  ctx: AppContext,
  demo: DemoProvince,
  today: string,
  importStep: ImportStep,
) {
  const population = () => demoPopulation(demo, today);
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
    residentImport(ctx.profile, today),
    residentRecordsOf(population()),
    residents,
  );
  const cards = demoInsuranceCards(demo, today, ctx.profile);
  const cardReport = await importStep(
    'Demo insurance ',
    insuranceCardImport(ctx.profile),
    cardRecordsOf(cards),
    cards.length,
  );
  return {
    households,
    residents: report.created + report.updated,
    insuranceCards: cardReport.created + cardReport.updated,
  };
}
