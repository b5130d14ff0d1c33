/**
 * The Decision 130 import (the agency's side: a facility's file received). The upload streams the
 * body to `<data>/claim-files/<id>.xml` (size-limited, SHA-256 on the way), reads whose file it is
 * (THONGTINDONVI/MACSKCB: a facility in the caller's scope) and queues the job `claim-files.import`.
 * The job reads the file twice from disk, streaming: first the signature (nothing is stored from a
 * file whose signature fails), then record by record: each HOSO accepted whole or refused whole with
 * its problems named (import.rules.ts), stored a batch at a time; then each accepted record is
 * compared field by field with the stored claim its MA_LK names. docs/CLAIMS.md, "Import".
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { quarterOf } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, conflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { SettlementFileError } from '../claims/cn-csv/index.ts';
import {
  ClaimFileFormatError,
  type ClaimFileRecord,
  ClaimFileSignatureError,
  certificateFor,
  checkRecord,
  compareTables,
  type ExportClaim,
  hoSoOf,
  parseTable,
  readClaimFile,
  readEnvelopeFacility,
  streamExportClaims,
  verifyEnvelopeSignature,
} from '../claims/xml130/index.ts';
import { enqueueJob, type JobRun } from '../jobs/index.ts';
import { toClaimFile } from './claim-files.mapping.ts';
import { findClaimFileRow, insertClaimFileRow } from './claim-files.queries.ts';
import type { ClaimFile } from './claim-files.schema.ts';
import { claimFileDir, claimFilePath } from './claim-files.storage.ts';
import type { ClaimFileRow } from './claim-files.table.ts';
import { claimFacility, claimFacilityByCode } from './facilities.refs.ts';
import {
  acceptedRecordsByMaLk,
  finishImportRow,
  insertRecordRows,
  lastStoredPosition,
  markUnmatched,
  recordCounts,
  setComparison,
} from './import.queries.ts';
import type { NewClaimFileRecordRow } from './import.table.ts';
import {
  importSettlementLines,
  SETTLEMENT_FORMAT,
  settlementFileFacility,
} from './settlement-lines.service.ts';

export const IMPORT_JOB = 'claim-files.import';
const FORMAT = 'decision-130-xml';
/** The largest file taken (a hospital's quarter; a station's is a few megabytes). */
export const IMPORT_LIMIT_BYTES = 256 * 1024 * 1024;
/** Records stored per statement, and between two checkpoints. */
const BATCH = 200;

export interface ImportPayload {
  fileId: string;
}

/** Where the upload's transactions run: the caller's scope (req.inScope). */
export type InScope = <T>(work: (trx: Db) => Promise<T>, detail: string) => Promise<T>;

/**
 * Receives a file: its bytes to disk, then its row and job. `id` (the client's, optional) makes a
 * repeat answer the first upload (the same bytes) or 409 (other bytes).
 */
export async function receiveImport(
  ctx: AppContext,
  inScope: InScope,
  body: Readable,
  options: { id?: string | undefined; userId: string | null; contentType: 'xml' | 'csv' },
): Promise<{ file: ClaimFile; created: boolean }> {
  const format = ctx.profile.insurance.claimFormat;
  const wanted = format === FORMAT ? 'xml' : format === SETTLEMENT_FORMAT ? 'csv' : null;
  if (wanted === null)
    throw new AppError(
      'conflict',
      "This server's profile files no claims (insurance.claimFormat is not set)",
    );
  if (options.contentType !== wanted)
    throw new AppError(
      'unsupported_media_type',
      wanted === 'xml'
        ? 'This profile files claims as Decision 130 XML: send the file with Content-Type: application/xml'
        : 'This profile files claims as settlement lines: send the CSV with Content-Type: text/csv (docs/CLAIMS.md)',
    );
  const id = options.id ?? newId();
  await fs.mkdir(claimFileDir(ctx.config.dataDir), { recursive: true, mode: 0o700 });
  const part = `${claimFilePath(ctx.config.dataDir, id, wanted)}.${newId()}.part`;
  const { size, sha256 } = await saveBody(body, part).catch(async (e) => {
    await fs.rm(part, { force: true });
    throw e;
  });
  try {
    if (options.id) {
      const existing = await inScope((trx) => findClaimFileRow(trx, id), `claim file ${id}`);
      if (existing) return { file: sameUpload(existing, sha256), created: false };
    }
    const code =
      wanted === 'xml'
        ? await readEnvelopeFacility(createReadStream(part)).catch((e) => {
            throw e instanceof ClaimFileFormatError ? new AppError('bad_request', e.message) : e;
          })
        : await settlementFileFacility(part);
    const now = ctx.clock.now();
    const today = todayOf(ctx);
    // In place before the job can see its row; taken away again if the row is not written.
    const final = claimFilePath(ctx.config.dataDir, id, wanted);
    await fs.rename(part, final);
    const answer = await inScope(async (trx) => {
      const facility = await claimFacilityByCode(trx, code);
      if (!facility)
        throw new AppError(
          'unprocessable',
          `${wanted === 'xml' ? 'THONGTINDONVI/MACSKCB' : 'facility_code'} is ${code}: no facility with that code lies in the places your roles cover`,
        );
      const { job } = await enqueueJob(trx, {
        kind: IMPORT_JOB,
        payload: { fileId: id } satisfies ImportPayload,
        idempotencyKey: `${IMPORT_JOB}|${id}`,
        areaPath: facility.areaPath,
        createdBy: options.userId,
        now,
      });
      const row = await insertClaimFileRow(trx, {
        id,
        facility_id: facility.id,
        area_path: facility.areaPath,
        direction: 'import',
        format: wanted === 'xml' ? FORMAT : SETTLEMENT_FORMAT,
        // The visits' period is known once the records are read (the job sets it); until then the day received.
        period_from: today,
        period_to: today,
        status: 'queued',
        claims_count: null,
        size_bytes: size,
        sha256,
        job_id: job.id,
        error: null,
        created_by: options.userId,
        created_at: now,
      });
      if (!row) throw conflict('Another claim file has this id: a new import needs a new id', 'query.id');
      return { file: toClaimFile(row), created: true };
    }, `import claim file ${id} of facility ${code}`).catch(async (e) => {
      await fs.rm(final, { force: true });
      throw e;
    });
    return answer;
  } finally {
    await fs.rm(part, { force: true });
  }
}

function sameUpload(row: Awaited<ReturnType<typeof findClaimFileRow>> & object, sha256: string): ClaimFile {
  if (row.direction !== 'import' || row.sha256 !== sha256)
    throw conflict('Another claim file has this id: a new import needs a new id', 'query.id');
  return toClaimFile(row);
}

async function saveBody(body: Readable, file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  const out = await fs.open(file, 'w', 0o600);
  let size = 0;
  try {
    for await (const chunk of body) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += buf.length;
      if (size > IMPORT_LIMIT_BYTES)
        throw new AppError(
          'payload_too_large',
          `The file is over ${IMPORT_LIMIT_BYTES / 1024 / 1024} MiB: split the period into smaller files`,
        );
      hash.update(buf);
      await out.write(buf);
    }
    if (size === 0) throw new AppError('bad_request', 'The body is empty: send the Decision 130 XML file');
    await out.sync();
  } finally {
    await out.close();
  }
  return { size, sha256: hash.digest('hex') };
}

/** NGAY_RA (yyyymmddHHmm) → 'YYYY-MM-DD', or undefined. */
const dayOf = (t: string | undefined) =>
  t && /^\d{8}/.test(t) ? `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}` : undefined;

/** The job: signature, then records, then the comparison with the stored claims; the outcome on the row. */
export async function runImport(job: JobRun<ImportPayload>): Promise<void> {
  const { ctx, db, payload } = job;
  const row = await findClaimFileRow(db, payload.fileId);
  if (!row) throw new Error(`claim file ${payload.fileId} does not exist`);
  if (row.status === 'done' || (row.status === 'failed' && row.error)) return;
  await finishImportRow(db, row.id, { status: 'running' });
  if (row.format === SETTLEMENT_FORMAT) return runSettlementImport(job, row);
  const file = claimFilePath(ctx.config.dataDir, row.id);
  try {
    // Pass 1: the envelope and its signature. A refused file stores nothing.
    const envelope = await readClaimFile(createReadStream(file), () => {});
    verifyEnvelopeSignature(
      envelope.signatureXml,
      envelope,
      await certificateFor(ctx.config, envelope.facilityCode),
    );
    if (envelope.declaredCount !== String(envelope.recordCount))
      throw new ClaimFileFormatError(
        `SOLUONGHOSO says ${envelope.declaredCount} but the file holds ${envelope.recordCount} HOSO`,
      );
    // Pass 2: each record judged and stored whole (a batch a statement), resuming after a kill.
    const resumeAfter = await lastStoredPosition(db, row.id);
    let batch: NewClaimFileRecordRow[] = [];
    const days: string[] = [];
    const store = async () => {
      await insertRecordRows(db, batch);
      batch = [];
    };
    await readClaimFile(createReadStream(file), async (record: ClaimFileRecord) => {
      const day = dayOf(record.tables.XML1?.[0]?.NGAY_RA);
      if (day) days.push(day);
      if (record.position <= resumeAfter) return;
      const verdict = checkRecord(record);
      batch.push({
        claim_file_id: row.id,
        position: record.position,
        area_path: row.area_path,
        ma_lk: record.maLk.slice(0, 100),
        stt: record.stt.slice(0, 20),
        outcome: verdict.outcome,
        problems: JSON.stringify(verdict.problems.slice(0, 200)),
        tables: verdict.outcome === 'accepted' ? JSON.stringify(record.tables) : null,
        claim_id: null,
        comparison: null,
        differences: null,
        created_at: ctx.clock.now(),
      });
      if (batch.length >= BATCH) {
        await store();
        await job.checkpoint({}, { done: record.position, total: envelope.recordCount });
      }
    });
    await store();
    days.sort();
    await compareWithClaims(job, row.id, row.facility_id, [...new Set(days.map((d) => quarterKey(d)))]);
    const counts = await recordCounts(db, row.id);
    await finishImportRow(db, row.id, {
      status: 'done',
      claims_count: counts.accepted,
      ...(days.length > 0 ? { period_from: days[0], period_to: days[days.length - 1] } : {}),
      error: null,
    });
    await job.checkpoint({}, { done: envelope.recordCount, total: envelope.recordCount });
  } catch (err) {
    if (err instanceof ClaimFileFormatError || err instanceof ClaimFileSignatureError) {
      const code = err instanceof ClaimFileSignatureError ? err.failure : 'not-an-envelope';
      await finishImportRow(db, row.id, {
        status: 'failed',
        error: JSON.stringify({ code, message: err.message }),
      });
      return;
    }
    throw err;
  }
}

const quarterKey = (day: string) => {
  const q = quarterOf(day);
  return `${q.year}-Q${q.quarter}`;
};

/**
 * Each stored claim of the facility in the file's quarters against the accepted record of its MA_LK:
 * the tables it exports to (its STT as received) field by field. What no claim matched is 'no-claim'.
 */
async function compareWithClaims(
  job: JobRun<ImportPayload>,
  fileId: string,
  facilityId: string,
  quarters: string[],
) {
  const { db, ctx } = job;
  for (const quarter of quarters) {
    await streamExportClaims(db, { facilityId, quarter }, async ({ claims }) => {
      let pending: ExportClaim[] = [];
      const flush = async () => {
        if (pending.length === 0) return;
        const received = await acceptedRecordsByMaLk(
          db,
          fileId,
          pending.map((c) => c.claimId),
        );
        const byMaLk = new Map(received.map((r) => [r.ma_lk, r]));
        for (const claim of pending) {
          const r = byMaLk.get(claim.claimId);
          if (!r) continue;
          const stored = Object.fromEntries(
            hoSoOf(claim, Number(r.stt) || 1, ctx.profile.timeZone).files.map((f) => [
              f.loaiHoSo,
              parseTable(f.xml),
            ]),
          );
          const differences = compareTables(stored, r.tables as Record<string, Record<string, string>[]>);
          await setComparison(db, fileId, r.position, {
            claimId: claim.claimId,
            comparison: differences.length === 0 ? 'same' : 'differs',
            differences: differences.slice(0, 200),
          });
        }
        pending = [];
      };
      for await (const claim of claims) {
        pending.push(claim);
        if (pending.length >= BATCH) await flush();
      }
      await flush();
    });
  }
  await markUnmatched(db, fileId);
}

/** A settlement-lines file (CN): no signature in this layout; claims judged and stored, then counted. */
async function runSettlementImport(job: JobRun<ImportPayload>, row: ClaimFileRow): Promise<void> {
  const { db, ctx } = job;
  try {
    const { days } = await importSettlementLines(
      db,
      {
        id: row.id,
        areaPath: row.area_path,
        facilityCode: (await claimFacility(db, row.facility_id)).code,
        path: claimFilePath(ctx.config.dataDir, row.id, 'csv'),
        now: ctx.clock.now(),
      },
      await lastStoredPosition(db, row.id),
      (done) => job.checkpoint({}, { done }),
    );
    const counts = await recordCounts(db, row.id);
    await markUnmatched(db, row.id);
    await finishImportRow(db, row.id, {
      status: 'done',
      claims_count: counts.accepted,
      ...(days.length > 0 ? { period_from: days[0], period_to: days[days.length - 1] } : {}),
      error: null,
    });
  } catch (err) {
    if (err instanceof SettlementFileError) {
      await finishImportRow(db, row.id, {
        status: 'failed',
        error: JSON.stringify({ code: 'not-settlement-lines', message: err.message }),
      });
      return;
    }
    throw err;
  }
}
