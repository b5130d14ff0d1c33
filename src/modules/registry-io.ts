import type { Readable, Writable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { App, AppContext } from '../platform/app-context.ts';
import { todayOf } from '../platform/clock.ts';
import { readCsvFile, readCsvRecords } from '../platform/csv/csv-stream.ts';
import { ImportReport as ImportReportSchema } from '../platform/csv/import-report.schema.ts';
import {
  type ImportDefinition,
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  runImport,
} from '../platform/csv/import-runner.ts';
import { serverPoolOf } from '../platform/db/database.ts';
import { sendCsv } from '../platform/http/csv-reply.ts';
import { AppError } from '../platform/http/errors.ts';
import type { CountryProfile } from '../platform/profile.ts';
import { hasPermission } from './access/index.ts';
import { areaImport, exportAreasCsv } from './areas/index.ts';
import { capabilityImport, exportCapabilitiesCsv } from './capabilities/index.ts';
import {
  diagnosisImport,
  exportDiagnosesCsv,
  exportMedicinesCsv,
  exportServicesCsv,
  medicineImport,
  serviceImport,
} from './catalog/index.ts';
import { exportFacilitiesCsv, facilityImport } from './facilities/index.ts';
import { exportInsuranceCardsCsv, insuranceCardImport } from './insurance/index.ts';
import { queueRecomputeSince, recomputeMark } from './programmes/index.ts';
import { KIND_PERMISSIONS, REGISTRY_KINDS, type RegistryKind } from './registry-kinds.ts';
import {
  exportHouseholdsCsv,
  exportResidentsCsv,
  householdImport,
  residentImport,
} from './residents/index.ts';
import { exportWorkersCsv, workerImport } from './workforce/index.ts';

/** Each registry's import and export (the names in registry-kinds.ts). */
const imports: Record<RegistryKind, (profile: CountryProfile, today: string) => ImportDefinition<unknown>> = {
  areas: areaImport as (p: CountryProfile, today: string) => ImportDefinition<unknown>,
  facilities: facilityImport as (p: CountryProfile, today: string) => ImportDefinition<unknown>,
  workers: workerImport as (p: CountryProfile, today: string) => ImportDefinition<unknown>,
  households: householdImport as (p: CountryProfile, today: string) => ImportDefinition<unknown>,
  residents: residentImport as (p: CountryProfile, today: string) => ImportDefinition<unknown>,
  'insurance-cards': insuranceCardImport as (p: CountryProfile, today: string) => ImportDefinition<unknown>,
  diagnoses: diagnosisImport as (p: CountryProfile) => ImportDefinition<unknown>,
  medicines: medicineImport as (p: CountryProfile) => ImportDefinition<unknown>,
  services: serviceImport as (p: CountryProfile) => ImportDefinition<unknown>,
  capabilities: capabilityImport as (p: CountryProfile, today: string) => ImportDefinition<unknown>,
};

const exports: Record<RegistryKind, (ctx: AppContext, out: Writable) => Promise<number>> = {
  areas: exportAreasCsv,
  facilities: exportFacilitiesCsv,
  workers: exportWorkersCsv,
  households: exportHouseholdsCsv,
  residents: exportResidentsCsv,
  'insurance-cards': exportInsuranceCardsCsv,
  diagnoses: exportDiagnosesCsv,
  medicines: exportMedicinesCsv,
  services: exportServicesCsv,
  capabilities: exportCapabilitiesCsv,
};

/** A kind's own permission (the catalogues'), checked after the route's: 403 naming it when missing. */
function checkKindPermission(req: FastifyRequest, kind: string, action: 'import' | 'export'): void {
  const needed = KIND_PERMISSIONS[kind as RegistryKind]?.[action];
  if (needed && !hasPermission(needed, req.principal?.grants ?? [])) {
    throw new AppError(
      'forbidden',
      `${action === 'import' ? 'Importing' : 'Exporting'} ${kind} needs the permission ${needed}`,
    );
  }
}

export const importKinds: readonly string[] = REGISTRY_KINDS;
export const exportKinds: readonly string[] = REGISTRY_KINDS;

/** The import of a registry under the profile; `today` dates what the import records (status changes). */
export function importDefinition(
  profile: CountryProfile,
  kind: string,
  today: string,
): ImportDefinition<unknown> {
  const make = imports[kind as RegistryKind] as
    | ((p: CountryProfile, today: string) => ImportDefinition<unknown>)
    | undefined;
  if (!make) throw new Error(`No import for ${kind}`);
  return make(profile, today);
}

/**
 * Imports a file. A residents import ends by queueing the recompute of the imported area's due store
 * (`recomputeJobId`: the CLI runs it to its end; under `serve` the worker does).
 */
export async function runImportFile(
  ctx: AppContext,
  kind: string,
  file: string,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportReport & { recomputeJobId?: string | null }> {
  const mark = kind === 'residents' ? await recomputeMark(ctx.db) : null;
  const def = importDefinition(ctx.profile, kind, todayOf(ctx));
  const report = await runImport(ctx.db, def, readCsvFile(file), { onProgress, ...stagingOf(ctx) });
  if (mark === null) return report;
  return { ...report, recomputeJobId: await queueRecomputeSince(ctx.db, mark, ctx.clock.now()) };
}

/** The role a request's transactions run as (access-control's applyScope): it reads the staging table. */
const APP_ROLE = 'grassroots_app';

/**
 * On the PostgreSQL server, a kind with a staged path goes through a staging table filled by COPY
 * (platform/csv/staging.ts); the embedded engine keeps the batch-by-batch path.
 */
function stagingOf(ctx: AppContext): Pick<ImportOptions, 'staging' | 'stagingReaders'> {
  const pool = serverPoolOf(ctx.db);
  return pool ? { staging: pool, stagingReaders: APP_ROLE } : {};
}

/** Writes a registry as CSV to `out`; resolves with the number of rows written. */
export function runExport(ctx: AppContext, kind: string, out: Writable): Promise<number> {
  const run = exports[kind as RegistryKind] as
    | ((ctx: AppContext, out: Writable) => Promise<number>)
    | undefined;
  if (!run) throw new Error(`No export for ${kind}`);
  return run(ctx, out);
}

const KindParams = Type.Object({ kind: Type.Union([...importKinds.map((k) => Type.Literal(k))]) });

/**
 * CSV over HTTP: `POST /api/imports/:kind` with a `text/csv` body answers the import report (good rows
 * stored, each bad row with its line and reason); `GET /api/exports/:kind` streams the registry as CSV,
 * limited to the caller's scope like every other read.
 */
export function registryRoutes(app: App, ctx: AppContext): void {
  app.addContentTypeParser(['text/csv', 'application/csv'], (_req, payload, done) => done(null, payload));

  app.post(
    '/imports/:kind',
    {
      // Committed batch by batch like the CLI (each in the caller's scope, each audited): the good
      // rows of a file are kept whatever comes later, and no transaction holds locks for a whole file.
      config: { permission: 'registry.import', batches: true },
      bodyLimit: 200 * 1024 * 1024,
      schema: {
        tags: ['registry'],
        summary: 'Import a CSV file (Content-Type: text/csv); see docs/CSV.md for the columns',
        params: KindParams,
        response: { 200: ImportReportSchema },
      },
    },
    async (req) => {
      if (!req.headers['content-type']?.match(/^(text|application)\/csv/)) {
        throw new AppError(
          'unsupported_media_type',
          'Send the file as the request body with Content-Type: text/csv',
        );
      }
      checkKindPermission(req, req.params.kind, 'import');
      const records = readCsvRecords(req.body as Readable);
      const def = importDefinition(req.ctx.profile, req.params.kind, todayOf(req.ctx));
      // (The database's clock, read outside the scope: no data.)
      const mark = def.kind === 'residents' ? await recomputeMark(ctx.db) : null;
      const report = await runImport(req.ctx.db, def, records, {
        transaction: (work, detail) => req.inScope(work, `import ${detail}`),
        // Counts only (no row content): what an operator watching the log knows is saved.
        onProgress: (p) => req.log.info({ kind: def.kind, ...p }, 'import batch committed'),
        ...stagingOf(ctx),
      });
      // The imported residents' due store: the job programmes.recompute over their area (the worker runs it).
      if (mark !== null)
        await req.inScope(
          (trx) => queueRecomputeSince(trx, mark, req.ctx.clock.now()),
          'queue programmes.recompute of the imported residents',
        );
      return report;
    },
  );

  app.get(
    '/exports/:kind',
    {
      config: { permission: 'registry.export', audit: 'export' },
      schema: { tags: ['registry'], summary: 'Export a registry as CSV', params: KindParams },
    },
    async (req, reply) => {
      checkKindPermission(req, req.params.kind, 'export');
      await sendCsv(reply, `${req.params.kind}.csv`, (out) => runExport(req.ctx, req.params.kind, out));
    },
  );
}
