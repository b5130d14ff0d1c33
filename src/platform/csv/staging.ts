import { randomInt } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * The staging table of a CSV import on the PostgreSQL server: the checked rows of each batch are sent
 * with `COPY … FROM STDIN` (pg-copy-streams) into an unlogged table of the import's own, and the kind
 * then resolves and writes them set-wise in SQL (ImportDefinition.staged). The table lives as long as
 * the import: it is dropped at the end, and one left by a process that died (kill -9) is dropped by
 * the next import, being no longer held by its session's advisory lock.
 */

/** Advisory lock class of the staging tables (the second key is the table's number). */
const LOCK_CLASS = 19_011;
const PREFIX = 'csv_import_stage_';

export interface StagingColumn {
  name: string;
  /** An SQL type the COPY text form reads: text, int, date, uuid... */
  type: string;
}

export interface StagingTable {
  /** The table's name, safe to write into SQL as it is. */
  name: string;
  /** COPY the rows (cells in the columns' order, `line` first) into the table; resolves once committed. */
  copy(rows: (string | number | null)[][]): Promise<void>;
  /** Drops the table and lets go of its connection. */
  close(): Promise<void>;
}

/** A cell in COPY's text format: \N for NULL, backslash, tab and line breaks escaped. */
export function copyCell(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/**
 * Creates the staging table of an import on a connection of its own (held for the import, with the
 * table's advisory lock), after dropping the tables of imports that died. `readers`: a role that reads
 * the table in the batches' transactions (the application role, under row-level security).
 */
export async function openStagingTable(
  pool: pg.Pool,
  columns: readonly StagingColumn[],
  readers?: string,
): Promise<StagingTable> {
  const client = await pool.connect();
  try {
    await dropAbandoned(client);
    const n = randomInt(1, 2 ** 31 - 1);
    const name = `${PREFIX}${n}`;
    await client.query('select pg_advisory_lock($1, $2)', [LOCK_CLASS, n]);
    // Unlogged: the rows are a copy of the file's, needed only while this import runs.
    await client.query(
      `create unlogged table ${name} (line int primary key, ${columns.map((c) => `${c.name} ${c.type}`).join(', ')})`,
    );
    if (readers) await client.query(`grant select on ${name} to ${readers}`);
    const names = ['line', ...columns.map((c) => c.name)].join(', ');
    return {
      name,
      async copy(rows) {
        if (rows.length === 0) return;
        const text = rows.map((cells) => `${cells.map(copyCell).join('\t')}\n`).join('');
        await pipeline(
          (async function* () {
            // In pieces of about 1 MiB: one huge write would be held whole by the socket.
            for (let i = 0; i < text.length; i += 1 << 20) yield text.slice(i, i + (1 << 20));
          })(),
          client.query(copyFrom(`copy ${name} (${names}) from stdin`)),
        );
      },
      async close() {
        try {
          await client.query(`drop table if exists ${name}`);
          await client.query('select pg_advisory_unlock($1, $2)', [LOCK_CLASS, n]);
          client.release();
        } catch (err) {
          client.release(err as Error);
        }
      },
    };
  } catch (err) {
    client.release(err as Error);
    throw err;
  }
}

/** Drops the staging tables whose import is gone (its session, which held the table's lock, ended). */
async function dropAbandoned(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `select relname as name from pg_class where relkind = 'r' and relname like '${PREFIX}%'
       and relnamespace = 'public'::regnamespace`,
  );
  for (const { name } of rows) {
    const n = Number(name.slice(PREFIX.length));
    if (!Number.isInteger(n)) continue;
    const got = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2) as ok', [
      LOCK_CLASS,
      n,
    ]);
    if (!got.rows[0]?.ok) continue;
    await client.query(`drop table if exists ${name}`);
    await client.query('select pg_advisory_unlock($1, $2)', [LOCK_CLASS, n]);
  }
}
