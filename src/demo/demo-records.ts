import type { CsvRecord } from '../platform/csv/import-runner.ts';
import type { DemoArea } from './generate-areas.ts';
import type { DemoFacility } from './generate-facilities.ts';
import type { DemoWorker } from './generate-workers.ts';

/**
 * The demo province as CSV records (every value a string, as a file would give them), so the demo
 * loads through the modules' own CSV imports and exercises that path on every first start.
 * Line numbers are those the rows would have in a file with a header.
 */

const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));

/** Areas: one row per area and population year (an area without figures gets one row), parents first. */
export function* areaRecords(areas: Iterable<DemoArea>): Generator<CsvRecord> {
  let line = 1;
  for (const a of areas) {
    const base = {
      code: a.code,
      name: a.name,
      level: a.level,
      parent_code: a.parentCode ?? '',
      latitude: num(a.latitude),
      longitude: num(a.longitude),
    };
    if (a.population.length === 0) {
      yield { line: ++line, values: { ...base, year: '', population: '', households: '' } };
      continue;
    }
    for (const p of a.population) {
      yield {
        line: ++line,
        values: {
          ...base,
          year: String(p.year),
          population: String(p.population),
          households: String(p.households),
        },
      };
    }
  }
}

/** Facilities, managing facilities first. */
export function* facilityRecords(facilities: Iterable<DemoFacility>): Generator<CsvRecord> {
  let line = 1;
  for (const f of facilities) {
    yield {
      line: ++line,
      values: {
        code: f.code,
        name: f.name,
        kind: f.kind,
        ownership: f.ownership,
        managing_code: f.managingCode ?? '',
        area_code: f.areaCode,
        latitude: num(f.latitude),
        longitude: num(f.longitude),
        beds: String(f.beds),
        services: f.services.join(';'),
        status: 'open',
      },
    };
  }
}

/** Workers, each with their facility and start date. */
export function* workerRecords(workers: Iterable<DemoWorker>): Generator<CsvRecord> {
  let line = 1;
  for (const w of workers) {
    yield {
      line: ++line,
      values: {
        code: w.code,
        full_name: w.fullName,
        sex: w.sex,
        birth_date: w.birthDate,
        cadre: w.cadre,
        qualification: w.qualification,
        licence_number: w.licenceNumber ?? '',
        phone: w.phone,
        facility_code: w.facilityCode,
        position: w.position,
        start_date: w.startDate,
      },
    };
  }
}

/** Turns a sync iterable into the async one runImport reads. */
export async function* asAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
