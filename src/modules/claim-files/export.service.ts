/**
 * The Decision 130 export of a facility's claims for a quarter: queued from the API (a claim_file row
 * and its job), written by the job `claim-files.export`: the claims streamed from the database, one
 * HOSO at a time through the schema check into the signed envelope, to a file under the data
 * directory. A file with a record that fails the check is not handed out: the row says failed, with
 * the failures naming record and field.
 */
import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { AppError, conflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { inScope, type Scope } from '../access/index.ts';
import {
  createEnvelopeSigner,
  EnvelopeWriter,
  hoSoOf,
  type SchemaFailure,
  signingKeyFor,
  streamExportClaims,
} from '../claims/xml130/index.ts';
import { enqueueJob, type JobRun } from '../jobs/index.ts';
import { toClaimFile } from './claim-files.mapping.ts';
import { findClaimFileRow, insertClaimFileRow, updateClaimFileRow } from './claim-files.queries.ts';
import type { ClaimFile, StartExportBody } from './claim-files.schema.ts';
import { openClaimFileWriter } from './claim-files.storage.ts';
import { claimFacility } from './facilities.refs.ts';

export const EXPORT_JOB = 'claim-files.export';
const FORMAT = 'decision-130-xml';

/** Failures kept on a failed file's row (the count says how many there were in all). */
const FAILURES_KEPT = 100;
/** Claims written between two checkpoints (progress, lease). */
const PROGRESS_EVERY = 500;

/** The first and last day of a quarter '2026-Q4'. */
export function quarterPeriod(quarter: string): { from: string; to: string } {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  const m = (q - 1) * 3 + 1;
  const last = new Date(Date.UTC(year, m + 2, 0)).getUTCDate();
  const mm = (x: number) => String(x).padStart(2, '0');
  return { from: `${year}-${mm(m)}-01`, to: `${year}-${mm(m + 2)}-${mm(last)}` };
}

/**
 * Queues an export: refused (409) when the profile files claims in another format; the facility must
 * lie in the caller's scope. With the client's id a repeat answers the first file (another facility
 * or quarter under that id: 409).
 */
export async function startExport(
  ctx: AppContext,
  body: StartExportBody,
  scope: Scope,
  userId: string | null,
): Promise<{ file: ClaimFile; created: boolean }> {
  const format = ctx.profile.insurance.claimFormat;
  if (format !== FORMAT)
    throw new AppError(
      'conflict',
      `This server's profile files claims as ${format ?? 'nothing'}: the Decision 130 XML export is for a profile whose insurance.claimFormat is ${FORMAT}`,
    );
  const period = quarterPeriod(body.quarter);
  if (body.id) {
    const existing = await findClaimFileRow(ctx.db, body.id);
    if (existing) return { file: sameExport(existing, body, period.from), created: false };
  }
  const facility = await claimFacility(ctx.db, body.facility);
  if (!inScope(facility.areaPath, scope))
    throw new AppError('forbidden', 'The facility is outside the places your roles cover');
  const id = body.id ?? newId();
  const now = ctx.clock.now();
  const { job } = await enqueueJob(ctx.db, {
    kind: EXPORT_JOB,
    payload: { fileId: id, facilityId: facility.id, quarter: body.quarter },
    idempotencyKey: `${EXPORT_JOB}|${id}`,
    areaPath: facility.areaPath,
    createdBy: userId,
    now,
  });
  const row = await insertClaimFileRow(ctx.db, {
    id,
    facility_id: facility.id,
    area_path: facility.areaPath,
    direction: 'export',
    format: FORMAT,
    period_from: period.from,
    period_to: period.to,
    status: 'queued',
    claims_count: null,
    size_bytes: null,
    sha256: null,
    job_id: job.id,
    error: null,
    created_by: userId,
    created_at: now,
  });
  if (!row) {
    const existing = await findClaimFileRow(ctx.db, id);
    if (!existing) throw conflict('The file id is taken', 'body.id');
    return { file: sameExport(existing, body, period.from), created: false };
  }
  return { file: toClaimFile(row), created: true };
}

function sameExport(
  row: NonNullable<Awaited<ReturnType<typeof findClaimFileRow>>>,
  body: StartExportBody,
  from: string,
): ClaimFile {
  if (row.direction !== 'export' || row.facility_id !== body.facility || row.period_from !== from)
    throw conflict('Another claim file has this id: a new export needs a new id', 'body.id');
  return toClaimFile(row);
}

export interface ExportPayload {
  fileId: string;
  facilityId: string;
  quarter: string;
}

/** The job: writes the file, checks every record, and records the outcome on the claim_file row. */
export async function runExport(job: JobRun<ExportPayload>): Promise<void> {
  const { ctx, payload } = job;
  const db = job.db;
  const row = await findClaimFileRow(db, payload.fileId);
  if (!row) throw new Error(`claim file ${payload.fileId} does not exist`);
  // Done, or refused by the schema check (the same claims fail again): nothing to retry.
  if (
    row.status === 'done' ||
    (row.status === 'failed' && (row.error as { code?: string })?.code === 'schema')
  )
    return;
  await updateClaimFileRow(db, row.id, { status: 'running', error: null });
  const facility = await claimFacility(db, row.facility_id);
  const signer = createEnvelopeSigner(await signingKeyFor(ctx.config, facility.code));
  const out = await openClaimFileWriter(ctx.config.dataDir, row.id);
  const failures: SchemaFailure[] = [];
  let failureCount = 0;
  try {
    const totals = await streamExportClaims(
      db,
      { facilityId: row.facility_id, quarter: payload.quarter },
      async ({ count, claims }) => {
        const writer = new EnvelopeWriter(
          out,
          { facilityCode: facility.code, createdOn: todayOf(ctx), records: count },
          signer,
        );
        await writer.begin();
        let stt = 0;
        for await (const claim of claims) {
          stt += 1;
          const hoSo = hoSoOf(claim, stt, ctx.profile.timeZone);
          failureCount += hoSo.failures.length;
          for (const f of hoSo.failures) if (failures.length < FAILURES_KEPT) failures.push(f);
          await writer.add(hoSo);
          if (stt % PROGRESS_EVERY === 0) await job.checkpoint({}, { done: stt, total: count });
        }
        if (stt !== count)
          throw new Error(
            `the claims changed while the file was written (${stt} read, ${count} counted): retried`,
          );
        return writer.end();
      },
    );
    if (failureCount > 0) {
      await out.abandon();
      await updateClaimFileRow(db, row.id, {
        status: 'failed',
        claims_count: totals.records,
        error: JSON.stringify({
          code: 'schema',
          message: `${failureCount} field(s) fail the Decision 130 schema check: the file is not handed out`,
          failureCount,
          failures,
        }),
      });
      return;
    }
    await out.finish();
    await updateClaimFileRow(db, row.id, {
      status: 'done',
      claims_count: totals.records,
      size_bytes: totals.bytes,
      sha256: totals.sha256,
      error: null,
    });
    await job.checkpoint({}, { done: totals.records, total: totals.records });
  } catch (err) {
    await out.abandon();
    await updateClaimFileRow(db, row.id, {
      status: 'failed',
      error: JSON.stringify({ code: 'error', message: (err as Error).message }),
    });
    throw err;
  }
}
