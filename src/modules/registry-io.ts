import type { Writable } from 'node:stream';
import type { AppContext } from '../platform/app-context.ts';
import { readCsvFile } from '../platform/csv/csv-stream.ts';
import {
  type ImportDefinition,
  type ImportProgress,
  type ImportReport,
  runImport,
} from '../platform/csv/import-runner.ts';
import type { CountryProfile } from '../platform/profile.ts';
import { areaImport, exportAreasCsv } from './areas/index.ts';
import { exportFacilitiesCsv, facilityImport } from './facilities/index.ts';
import { exportWorkersCsv, workerImport } from './workforce/index.ts';

/** The registries that can be imported and exported as CSV, by the name used on the CLI and the API. */
const imports: Record<string, (profile: CountryProfile) => ImportDefinition<unknown>> = {
  areas: areaImport as (p: CountryProfile) => ImportDefinition<unknown>,
  facilities: facilityImport as (p: CountryProfile) => ImportDefinition<unknown>,
  workers: workerImport as (p: CountryProfile) => ImportDefinition<unknown>,
};

const exports: Record<string, (ctx: AppContext, out: Writable) => Promise<number>> = {
  areas: exportAreasCsv,
  facilities: exportFacilitiesCsv,
  workers: exportWorkersCsv,
};

export const importKinds = Object.keys(imports);
export const exportKinds = Object.keys(exports);

export function importDefinition(profile: CountryProfile, kind: string): ImportDefinition<unknown> {
  const make = imports[kind];
  if (!make) throw new Error(`No import for ${kind}`);
  return make(profile);
}

export function runImportFile(
  ctx: AppContext,
  kind: string,
  file: string,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportReport> {
  return runImport(ctx.db, importDefinition(ctx.profile, kind), readCsvFile(file), { onProgress });
}

/** Writes a registry as CSV to `out`; resolves with the number of rows written. */
export function runExport(ctx: AppContext, kind: string, out: Writable): Promise<number> {
  const run = exports[kind];
  if (!run) throw new Error(`No export for ${kind}`);
  return run(ctx, out);
}
