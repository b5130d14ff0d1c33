import { sql } from 'kysely';
import type pg from 'pg';
import type { Db } from '../db/database.ts';
import { translateDatabaseError } from '../db/database-errors.ts';
import { AppError, UnavailableError } from '../http/errors.ts';
import type { ImportReport, RejectedRow } from './import-report.schema.ts';
import { openStagingTable, type StagingColumn, type StagingTable } from './staging.ts';

/**
 * One CSV record: header name to raw cell text, and the line it started on in the file. A record the
 * CSV reader could not read (a stray quote...) carries `unreadable` instead, and is reported as such.
 */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
  unreadable?: string;
}

export type { ImportReport, RejectedRow };

export interface ImportProgress {
  read: number;
  /** Rows in batches already committed: they survive whatever happens next (kill -9 included). */
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
   * A batch the database refuses is split and saved again in parts (see saveRows), so it must keep
   * no state across calls other than what it read from the database.
   */
  saveBatch(
    trx: Db,
    rows: { line: number; value: T }[],
  ): Promise<(('created' | 'updated') | { reason: string })[]>;
  /**
   * The set-wise path on the PostgreSQL server (when the caller gives ImportOptions.staging): each
   * batch's checked rows are first sent with COPY into a staging table (`line` and these columns),
   * then `save` resolves and writes them in SQL, with saveBatch's contract. When the database refuses
   * a batch for a row's sake, the batch is saved again through saveBatch, in halves down to the row.
   */
  staged?: StagedImport<T>;
}

/** A kind's staging table and its set-wise save (see ImportDefinition.staged). */
export interface StagedImport<T> {
  columns: readonly StagingColumn[];
  /** A checked row's cells, in the columns' order (null for NULL). */
  cells(value: T): (string | number | null)[];
  /** Saves the batch's rows, already in `table` under their lines. */
  save(
    trx: Db,
    table: string,
    rows: { line: number; value: T }[],
  ): Promise<(('created' | 'updated') | { reason: string })[]>;
}

/** Opens one batch's transaction, runs `work` in it and commits: `detail` says what for (the audit). */
export type BatchTransaction = <R>(work: (trx: Db) => Promise<R>, detail: string) => Promise<R>;

export interface ImportOptions {
  batchSize?: number;
  onProgress?(p: ImportProgress): void;
  /**
   * How each batch's transaction is opened: by default a plain transaction on `db`; over HTTP one in
   * the caller's scope with its audit entry (access-control's `req.inScope`).
   */
  transaction?: BatchTransaction;
  /**
   * The PostgreSQL server's pool, for a kind with a staged path: batches go through a staging table
   * filled by COPY (ImportDefinition.staged).
   */
  staging?: pg.Pool;
  /** The role that reads the staging table in the batches' transactions (the application role). */
  stagingReaders?: string;
}

/** The longest cell the import takes: longer than any field of the registries (names 200, addresses 500). */
export const MAX_CELL_LENGTH = 1000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * What makes a row's cells unusable whatever its kind, or null: a control character (PostgreSQL cannot
 * store a NUL), bytes that were not UTF-8 (the reader turns them into U+FFFD: the text is already
 * broken), or a cell longer than any field (a 1 MiB code would not even fit in an index).
 */
export function cellProblem(values: Record<string, string>): string | null {
  for (const [column, text] of Object.entries(values)) {
    if (typeof text !== 'string') continue;
    if (text.length > MAX_CELL_LENGTH)
      return `${column} is ${text.length} characters long; a cell holds at most ${MAX_CELL_LENGTH}`;
    if (CONTROL.test(text))
      return `${column} holds a control character such as NUL (tabs and line breaks are allowed)`;
    if (text.includes('\uFFFD'))
      return `${column} is not valid UTF-8 text (bytes that are not UTF-8, or U+FFFD): save the file as UTF-8`;
  }
  return null;
}

/**
 * The reason to report for one row the database refused, or undefined when the failure is not the
 * row's fault (the connection, a deadlock...), which stops the import.
 */
function rowFault(err: unknown): string | undefined {
  // A lost database (503) is no row's fault: the import stops there, saying what it had saved.
  const known = err instanceof AppError ? err : translateDatabaseError(err);
  return known && known.status < 500 ? known.message : undefined;
}

/**
 * Streams records through a module's import definition: each batch is committed on its own, durably,
 * before it is counted as saved, so good rows are kept whatever comes later (a bad row, a kill -9),
 * and each bad row is reported with its line and the reason. Rows are upserted by their official
 * code, so re-running the same file creates no duplicates.
 */
export async function runImport<T>(
  db: Db,
  def: ImportDefinition<T>,
  records: AsyncIterable<CsvRecord>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const batchSize = options.batchSize ?? 2000;
  const staged = options.staging ? def.staged : undefined;
  let staging: StagingTable | undefined;
  let copying: Promise<void> = Promise.resolve();
  const report: ImportReport = { kind: def.kind, read: 0, created: 0, updated: 0, rejected: [] };
  let batch: { line: number; value: T }[] = [];
  let checkedHeader = false;

  // Each batch commits with the server's own synchronous_commit (on by default): a commit reported
  // here is on disk. (With it off, PGlite, which has no WAL writer of its own, kept the commits in
  // memory until a later flush: a kill -9 after "saved 50000" lost thousands of rows.)
  const open: BatchTransaction =
    options.transaction ??
    (db.isTransaction
      ? // Joined to a caller's transaction: each batch is a savepoint, so a refused one can be undone.
        async (work) => {
          await sql`savepoint import_batch`.execute(db);
          try {
            const value = await work(db);
            await sql`release savepoint import_batch`.execute(db);
            return value;
          } catch (err) {
            await sql`rollback to savepoint import_batch`.execute(db);
            throw err;
          }
        }
      : (work) => db.transaction().execute(work));

  type Row = { line: number; value: T };
  type Outcome = 'created' | 'updated' | { reason: string };
  const span = (rows: Row[]) =>
    `lines ${rows[0]!.line}-${rows[rows.length - 1]!.line}, ${rows.length} row(s) of ${def.kind}`;
  /**
   * Saves rows in one transaction; when the database refuses them for a row's sake (a value too
   * large for an index, a number past its column, a constraint), the rows are saved again in two
   * halves, down to the single row, which is reported with the reason. Earlier rows of a batch are
   * committed before later ones, so a row may still refer to one before it.
   */
  const saveRows = async (rows: Row[]): Promise<Outcome[]> => {
    try {
      return await open((trx) => def.saveBatch(trx, rows), span(rows));
    } catch (err) {
      const fault = rowFault(err);
      if (fault === undefined) throw err;
      if (rows.length === 1) return [{ reason: `the database refused the row: ${fault}` }];
      const half = Math.ceil(rows.length / 2);
      return [...(await saveRows(rows.slice(0, half))), ...(await saveRows(rows.slice(half)))];
    }
  };
  /** A staged batch, set-wise; refused for a row's sake, it is saved again row-wise (saveRows). */
  const saveStaged = async (rows: Row[], table: string): Promise<Outcome[]> => {
    try {
      return await open((trx) => staged!.save(trx, table, rows), span(rows));
    } catch (err) {
      if (rowFault(err) === undefined) throw err;
      return saveRows(rows);
    }
  };
  // The last line of the last committed batch: what an import that stops on a fault has kept.
  let savedThrough = 0;
  const save = async (rows: Row[], table?: string) => {
    const outcomes = table ? await saveStaged(rows, table) : await saveRows(rows);
    savedThrough = rows[rows.length - 1]!.line;
    outcomes.forEach((o, i) => {
      if (o === 'created') report.created++;
      else if (o === 'updated') report.updated++;
      else report.rejected.push({ line: rows[i]!.line, reason: o.reason });
    });
    // Counted once committed: a progress line never names a row that could still be lost.
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
    let copied: Promise<void> | undefined;
    if (staged) {
      staging ??= await openStagingTable(options.staging!, staged.columns, options.stagingReaders);
      const table = staging;
      // Copied while the batch before is still being saved (one COPY after the other).
      copied = copying = copying.then(() => table.copy(rows.map((r) => [r.line, ...staged.cells(r.value)])));
      copying.catch(() => undefined);
    }
    await saving;
    saving = copied ? copied.then(() => save(rows, staging!.name)) : save(rows);
    saving.catch(() => undefined); // awaited at the next flush or at the end; not unhandled meanwhile
  };

  try {
    await readAndSave();
  } catch (err) {
    throw withSavedSoFar(err, report.created + report.updated, savedThrough);
  }
  report.rejected.sort((a, b) => a.line - b.line);
  return report;

  async function readAndSave(): Promise<void> {
    try {
      for await (const record of records) {
        if (record.unreadable !== undefined) {
          report.read++;
          report.rejected.push({ line: record.line, reason: record.unreadable });
          continue;
        }
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
        const problem = cellProblem(record.values);
        const checked: RowCheck<T> = problem ? { ok: false, reason: problem } : def.parse(record.values);
        if (checked.ok) batch.push({ line: record.line, value: checked.value });
        else report.rejected.push({ line: record.line, reason: checked.reason });
        if (batch.length >= batchSize) await flush();
      }
      await flush();
    } finally {
      // Never return (or throw) while a batch is still being written.
      await saving?.catch(() => undefined);
      await copying.catch(() => undefined);
      await staging?.close();
    }
    await saving;
  }
}

/**
 * An import that stops on a fault that is not a row's (the database gone, a missing column found
 * late) has already committed its earlier batches: the answer says how many rows and through which
 * line, so the sender knows that sending the same file again saves the rest without duplicates.
 * A fault that is not the client's nor the database's stays as it is (a 500 is a bug).
 */
function withSavedSoFar(err: unknown, saved: number, through: number): unknown {
  if (saved === 0) return err;
  const known = err instanceof AppError ? err : translateDatabaseError(err);
  if (!known) return err;
  const message = `${known.message}. ${saved} row(s) were saved before this, through line ${through}; sending the same file again saves the rest without duplicates`;
  return known instanceof UnavailableError
    ? new UnavailableError(message, known.retryAfterSeconds)
    : new AppError(known.code, message, known.errors);
}
