import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';

/** Writes rows as CSV with a header, streaming: an export of a province never sits whole in memory. */
export function csvWriter(columns: string[]) {
  return stringify({ header: true, columns });
}

/**
 * Streams `rows` as CSV (a header of `columns`, then one line per row, objects by column name or
 * arrays in column order) into `out`, with back-pressure; resolves with the number of rows written.
 * Every registry export and the audit export go through here.
 *
 * The first row is read before anything is written, so a query that fails at once (a bad filter) is
 * thrown while the answer can still be an error; a failure later rejects, with `out` destroyed.
 */
export async function streamCsv(
  out: Writable,
  columns: string[],
  rows: AsyncIterable<Record<string, unknown> | unknown[]>,
): Promise<number> {
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  let count = 0;
  async function* counted() {
    if (first.done) return;
    count++;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      count++;
      yield next.value;
    }
  }
  await pipeline(counted(), csvWriter(columns), out);
  return count;
}
