import type { AppContext } from '../../platform/app-context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { findClaimFileRow } from './claim-files.queries.ts';
import { recordCounts, recordRows } from './import.queries.ts';
import type { ClaimFileRecord, RecordList, RecordListQuery } from './import.schema.ts';
import type { ClaimFileRecordRow } from './import.table.ts';

function toRecord(r: ClaimFileRecordRow): ClaimFileRecord {
  return {
    position: r.position,
    maLk: r.ma_lk,
    stt: r.stt,
    outcome: r.outcome,
    problems: (r.problems ?? []) as ClaimFileRecord['problems'],
    claimId: r.claim_id,
    comparison: r.comparison,
    differences: (r.differences ?? null) as ClaimFileRecord['differences'],
  };
}

/** A page of an imported file's records (the file must be in the caller's scope). */
export async function listImportRecords(
  ctx: AppContext,
  id: string,
  q: RecordListQuery,
): Promise<RecordList> {
  const file = await findClaimFileRow(ctx.db, id);
  if (file?.direction !== 'import') throw notFound('Imported claim file', id);
  const limit = q.limit ?? 100;
  const rows = await recordRows(ctx.db, {
    fileId: id,
    outcome: q.outcome,
    afterPosition: q.after ?? 0,
    limit,
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map(toRecord),
    nextAfter: rows.length > limit ? (page[page.length - 1]?.position ?? null) : null,
    counts: await recordCounts(ctx.db, id),
  };
}
