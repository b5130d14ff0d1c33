/**
 * Reads settlement lines back (streaming: one claim's rows held at a time) into claims judged whole:
 * accepted, or refused with each problem naming the CSV line and column (cn-csv.rules.ts). A claim's
 * rows are consecutive; a claim id met again after another claim is refused as split.
 */
import type { CsvRecord } from '../../../platform/csv/import-runner.ts';
import { SETTLEMENT_COLUMN_NAMES } from './cn-csv.layout.ts';
import { checkClaimRows, checkRow, type LineProblem, type SettlementRow } from './cn-csv.rules.ts';

export interface SettlementClaim {
  /** 1-based position of the claim in the file. */
  position: number;
  claimId: string;
  /** The CSV line of its first row. */
  line: number;
  rows: SettlementRow[];
  outcome: 'accepted' | 'refused';
  problems: LineProblem[];
}

/** The file has no usable header: nothing can be read. */
export class SettlementFileError extends Error {}

/** Reads the claims of a settlement-lines file in order, calling `onClaim` for each (awaited). */
export async function readSettlementLines(
  records: AsyncIterable<CsvRecord>,
  onClaim: (claim: SettlementClaim) => Promise<void> | void,
): Promise<{ claims: number }> {
  let current:
    | { claimId: string; rows: { row: SettlementRow; line: number }[]; problems: LineProblem[] }
    | undefined;
  let position = 0;
  const done = new Set<string>();
  let checkedHeader = false;
  const flush = async () => {
    if (!current) return;
    const problems = [...current.problems, ...checkClaimRows(current.rows)];
    if (done.has(current.claimId))
      problems.push({
        line: current.rows[0]?.line ?? 0,
        column: 'claim_id',
        message: `claim ${current.claimId} was met before another claim's lines: a claim's lines follow each other`,
      });
    done.add(current.claimId);
    position += 1;
    await onClaim({
      position,
      claimId: current.claimId,
      line: current.rows[0]?.line ?? 0,
      rows: current.rows.map((r) => r.row),
      outcome: problems.length === 0 ? 'accepted' : 'refused',
      problems,
    });
    current = undefined;
  };
  for await (const r of records) {
    if (r.unreadable) throw new SettlementFileError(`line ${r.line} cannot be read: ${r.unreadable}`);
    if (!checkedHeader) {
      const missing = SETTLEMENT_COLUMN_NAMES.filter((c) => !(c in r.values));
      if (missing.length > 0)
        throw new SettlementFileError(`the header lacks the columns ${missing.join(', ')}`);
      checkedHeader = true;
    }
    const claimId = (r.values.claim_id ?? '').trim();
    if (current && current.claimId !== claimId) await flush();
    current ??= { claimId, rows: [], problems: [] };
    current.rows.push({ row: r.values, line: r.line });
    current.problems.push(...checkRow(r.values, r.line));
  }
  await flush();
  return { claims: position };
}
