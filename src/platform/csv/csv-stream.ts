import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../http/errors.ts';
import type { CsvRecord } from './import-runner.ts';

/**
 * Reads CSV records one at a time from a stream (a file or a request body), with the line number each
 * starts on, so a bad row can be reported as "line 17". Header names are trimmed and lower-cased.
 */
export async function* readCsvRecords(input: Readable): AsyncGenerator<CsvRecord> {
  const parser = input.pipe(
    parse({
      columns: (header: string[]) =>
        header.map((h) =>
          h
            .replace(/^\uFEFF/, '')
            .trim()
            .toLowerCase(),
        ),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      yield { line: info.lines, values: record };
    }
  } catch (err) {
    const e = err as { code?: string; message: string; lines?: number };
    if (e.code?.startsWith('CSV_')) {
      throw new AppError(
        'bad_request',
        `The CSV file cannot be read near line ${e.lines ?? '?'}: ${e.message}`,
      );
    }
    throw err;
  }
}

export function readCsvFile(file: string): AsyncGenerator<CsvRecord> {
  if (!fs.existsSync(file)) throw new AppError('bad_request', `The file ${file} does not exist`);
  return readCsvRecords(fs.createReadStream(file));
}
