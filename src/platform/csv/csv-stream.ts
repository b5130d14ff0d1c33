import fs from 'node:fs';
import type { Readable, TransformCallback } from 'node:stream';
import { Parser } from 'csv-parse';
import { AppError } from '../http/errors.ts';
import type { CsvRecord } from './import-runner.ts';

interface CsvFailure {
  failure: { code?: string; message: string; lines?: number };
}

/**
 * csv-parse, except that a file it cannot read on does not fail the stream: the failure is pushed as
 * the last item, after every record read before it. (A failing stream would drop the records still
 * buffered, so rows before the broken line would be neither imported nor reported.)
 */
class TolerantParser extends Parser {
  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void {
    super._transform(chunk, encoding, (err) => this.settle(err, callback));
  }
  override _flush(callback: TransformCallback): void {
    super._flush((err) => this.settle(err, callback));
  }
  private settle(err: Error | null | undefined, callback: TransformCallback): void {
    if (err) {
      this.push({ failure: err } satisfies CsvFailure);
      this.push(null);
    }
    callback();
  }
}

/**
 * Reads CSV records one at a time from a stream (a file or a request body), with the line number each
 * starts on, so a bad row can be reported as "line 17". Header names are trimmed and lower-cased.
 * A quote inside an unquoted cell is kept as a character. Where the file cannot be read on (a quoted
 * cell closed and followed by more text, a quote never closed) the reader cannot tell where the next
 * record starts: it yields that line as unreadable, with the reason, and stops; the rows before it
 * are imported, and the report says where it stopped.
 */
export async function* readCsvRecords(input: Readable): AsyncGenerator<CsvRecord> {
  const parser = new TolerantParser({
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
    relax_quotes: true,
    info: true,
  });
  input.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<
      { record: Record<string, string>; info: { lines: number } } | CsvFailure
    >) {
      if ('failure' in item) {
        const e = item.failure;
        if (!e.code?.startsWith('CSV_')) throw e;
        yield {
          line: e.lines ?? 0,
          values: {},
          unreadable:
            `the CSV cannot be read from this line on (${e.message}); the rows after it were not read: ` +
            'correct the file and import it again (rows already saved are matched, not duplicated)',
        };
        return;
      }
      yield { line: item.info.lines, values: item.record };
    }
  } finally {
    // The rest of the input is not read: let go of the file (a request body is drained by the server).
    input.unpipe(parser);
    if ('close' in input && typeof input.close === 'function' && input instanceof fs.ReadStream)
      input.destroy();
  }
}

export function readCsvFile(file: string): AsyncGenerator<CsvRecord> {
  if (!fs.existsSync(file)) throw new AppError('bad_request', `The file ${file} does not exist`);
  return readCsvRecords(fs.createReadStream(file));
}
