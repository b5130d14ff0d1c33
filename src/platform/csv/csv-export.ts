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
 */
export async function streamCsv(
  out: Writable,
  columns: string[],
  rows: AsyncIterable<Record<string, unknown> | unknown[]>,
): Promise<number> {
  let count = 0;
  async function* counted() {
    for await (const row of rows) {
      count++;
      yield row;
    }
  }
  await pipeline(counted(), csvWriter(columns), out);
  return count;
}
