/**
 * China's settlement lines (profile `insurance.claimFormat` 'cn-settlement-csv'): a facility's quarter
 * streamed as CSV (claims/cn-csv's layout), and the import's judging of such a file (claim by claim,
 * each stored whole or refused with its lines and columns named, then compared with the stored claim
 * of the same id line by line). docs/CLAIMS.md, "China: settlement lines".
 */
import { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { AppContext } from '../../platform/app-context.ts';
import { streamCsv } from '../../platform/csv/csv-export.ts';
import { readCsvRecords } from '../../platform/csv/csv-stream.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { inScope, type Scope } from '../access/index.ts';
import {
  readSettlementLines,
  SETTLEMENT_COLUMN_NAMES,
  type SettlementRow,
  settlementLines,
  settlementLinesOfClaims,
  settlementRowOf,
} from '../claims/cn-csv/index.ts';
import { compareTables } from '../claims/xml130/index.ts';
import { claimFacility } from './facilities.refs.ts';
import { insertRecordRows, setComparison } from './import.queries.ts';
import type { NewClaimFileRecordRow } from './import.table.ts';

export const SETTLEMENT_FORMAT = 'cn-settlement-csv';

/** Streams a facility's quarter of settlement lines as CSV into `out`; the number of lines. */
export async function exportSettlementLines(
  ctx: AppContext,
  q: { facility: string; quarter: string },
  scope: Scope,
  out: Writable,
): Promise<number> {
  if (ctx.profile.insurance.claimFormat !== SETTLEMENT_FORMAT)
    throw new AppError(
      'conflict',
      `This server's profile files claims as ${ctx.profile.insurance.claimFormat ?? 'nothing'}: settlement lines are for a profile whose insurance.claimFormat is ${SETTLEMENT_FORMAT}`,
    );
  const facility = await claimFacility(ctx.db, q.facility);
  if (!inScope(facility.areaPath, scope))
    throw new AppError('forbidden', 'The facility is outside the places your roles cover');
  async function* rows() {
    for await (const l of settlementLines(ctx.db, facility.id, q.quarter))
      yield settlementRowOf(l, facility.code);
  }
  return streamCsv(out, SETTLEMENT_COLUMN_NAMES, rows());
}

/** The facility code of a settlement file's first line (the upload learns whose file it is). */
export async function settlementFileFacility(file: string): Promise<string> {
  for await (const r of readCsvRecords(createReadStream(file))) {
    const code = r.values.facility_code?.trim();
    if (!code)
      throw new AppError('bad_request', `line ${r.line}: facility_code is required (see docs/CLAIMS.md)`);
    return code;
  }
  throw new AppError('bad_request', 'The file has no settlement lines');
}

/** The import job's reading of a settlement file: claims stored a batch at a time, then compared. */
export async function importSettlementLines(
  db: Db,
  file: { id: string; areaPath: string; facilityCode: string; path: string; now: Date },
  resumeAfter: number,
  progress: (done: number) => Promise<void>,
): Promise<{ days: string[] }> {
  let batch: NewClaimFileRecordRow[] = [];
  const days: string[] = [];
  const accepted: { position: number; claimId: string; rows: SettlementRow[] }[] = [];
  const store = async () => {
    await insertRecordRows(db, batch);
    batch = [];
    await compare(db, file.id, accepted.splice(0));
  };
  await readSettlementLines(readCsvRecords(createReadStream(file.path)), async (c) => {
    const day = c.rows[0]?.visit_date;
    if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) days.push(day);
    if (c.position <= resumeAfter) return;
    const code = c.rows[0]?.facility_code ?? '';
    if (code !== file.facilityCode) {
      c.problems.push({
        line: c.line,
        column: 'facility_code',
        message: `facility_code ${code} is not the file's facility (${file.facilityCode})`,
      });
      c.outcome = 'refused';
    }
    batch.push({
      claim_file_id: file.id,
      position: c.position,
      area_path: file.areaPath,
      ma_lk: c.claimId.slice(0, 100),
      stt: String(c.position),
      outcome: c.outcome,
      problems: JSON.stringify(
        c.problems.slice(0, 200).map((p) => ({
          table: 'lines',
          row: p.line,
          field: p.column,
          code: 'settlement-line',
          message: p.message,
        })),
      ),
      tables: c.outcome === 'accepted' ? JSON.stringify({ lines: c.rows }) : null,
      claim_id: null,
      comparison: null,
      differences: null,
      created_at: file.now,
    });
    if (c.outcome === 'accepted') accepted.push({ position: c.position, claimId: c.claimId, rows: c.rows });
    if (batch.length >= 200) {
      await store();
      await progress(c.position);
    }
  });
  await store();
  return { days: days.sort() };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function compare(
  db: Db,
  fileId: string,
  claims: { position: number; claimId: string; rows: SettlementRow[] }[],
) {
  const ids = claims.map((c) => c.claimId).filter((id) => UUID.test(id));
  const stored = await settlementLinesOfClaims(db, ids);
  for (const c of claims) {
    const lines = stored.filter((l) => l.claim_id === c.claimId);
    if (lines.length === 0) continue;
    const code = c.rows[0]?.facility_code ?? '';
    const differences = compareTables(
      { lines: lines.map((l) => settlementRowOf(l, code)) },
      { lines: c.rows },
    );
    await setComparison(db, fileId, c.position, {
      claimId: c.claimId,
      comparison: differences.length === 0 ? 'same' : 'differs',
      differences: differences.slice(0, 200),
    });
  }
}
