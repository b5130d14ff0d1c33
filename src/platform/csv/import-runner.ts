import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import type { ImportReport, RejectedRow } from './import-report.schema.ts';

/** One CSV record: header name to raw cell text, and the line it started on in the file. */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

export type { ImportReport, RejectedRow };

export interface ImportProgress {
  read: number;
  saved: number;
  rejected: number;
}

export type RowCheck<T> = { ok: true; value: T } | { ok: false; reason: string };

/** What a module gives the runner for one kind of import. */
export interface ImportDefinition<T> {
  kind: string;
  /** Header names the file must have. */
  requiredColumns: string[];
  /** Checks one row on its own (formats, required values, profile codes). Pure. */
  parse(values: Record<string, string>): RowCheck<T>;
  /**
   * Saves a batch in one transaction: checks what needs the database (references, duplicates) and
   * writes the good rows. Returns, per row, 'created', 'updated' or the reason it was rejected.
   * Rows in a batch are in file order, so a row may refer to one earlier in the same batch.
   */
  saveBatch(
    trx: Db,
    rows: { line: number; value: T }[],
  ): Promise<(('created' | 'updated') | { reason: string })[]>;
}

export interface ImportOptions {
  batchSize?: number;
  onProgress?(p: ImportProgress): void;
}

/**
 * Streams records through a module's import definition: each batch is committed on its own, so good
 * rows are kept whatever comes later, and each bad row is reported with its line and the reason.
 * Rows are upserted by their official code, so re-running the same file creates no duplicates.
 */
export async function runImport<T>(
  db: Db,
  def: ImportDefinition<T>,
  records: AsyncIterable<CsvRecord>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const batchSize = options.batchSize ?? 2000;
  const report: ImportReport = { kind: def.kind, read: 0, created: 0, updated: 0, rejected: [] };
  let batch: { line: number; value: T }[] = [];
  let checkedHeader = false;

  // Batches committed by the runner itself do not each wait for their commit to reach the disk; the
  // last commit does, and the log is written in order, so every batch is durable before the report
  // is returned. (Inside a request the request's transaction commits once, as usual.)
  const ownCommits = !db.isTransaction;
  const save = async (rows: { line: number; value: T }[]) => {
    const outcomes = await inTransaction(db, async (trx) => {
      if (ownCommits) await sql`set local synchronous_commit = off`.execute(trx);
      return def.saveBatch(trx, rows);
    });
    outcomes.forEach((o, i) => {
      if (o === 'created') report.created++;
      else if (o === 'updated') report.updated++;
      else report.rejected.push({ line: rows[i]!.line, reason: o.reason });
    });
    options.onProgress?.({
      read: report.read,
      saved: report.created + report.updated,
      rejected: report.rejected.length,
    });
  };
  // One batch is saved while the next is read and checked (the database and the parsing overlap);
  // batches are still saved one after the other, in file order, each seeing the ones before.
  let saving: Promise<void> | undefined;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await saving;
    saving = save(rows);
    saving.catch(() => undefined); // awaited at the next flush or at the end; not unhandled meanwhile
  };

  try {
    for await (const record of records) {
      if (!checkedHeader) {
        const missing = def.requiredColumns.filter((c) => !(c in record.values));
        if (missing.length > 0) {
          throw new AppError(
            'bad_request',
            `The ${def.kind} file lacks the column(s) ${missing.join(', ')}; the header must include ${def.requiredColumns.join(', ')}`,
          );
        }
        checkedHeader = true;
      }
      report.read++;
      const checked = def.parse(record.values);
      if (checked.ok) batch.push({ line: record.line, value: checked.value });
      else report.rejected.push({ line: record.line, reason: checked.reason });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } finally {
    // Never return (or throw) while a batch is still being written.
    await saving?.catch(() => undefined);
  }
  await saving;
  if (ownCommits && saving) {
    // A transaction with an id commits with a durable write, flushing every batch's commit before it.
    await db.transaction().execute((trx) => sql`select txid_current()`.execute(trx));
  }
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}
