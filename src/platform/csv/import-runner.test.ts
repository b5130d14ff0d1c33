import { describe, expect, test } from 'vitest';
import type { Db } from '../db/database.ts';
import { AppError, UnavailableError } from '../http/errors.ts';
import { type CsvRecord, type ImportDefinition, runImport } from './import-runner.ts';

async function* recordsOf(count: number): AsyncIterable<CsvRecord> {
  for (let i = 0; i < count; i++) yield { line: i + 2, values: { code: `C${i}` } };
}

/** A kind whose saves succeed until batch `failAt`, which throws `fault`. */
function failingKind(failAt: number, fault: unknown): ImportDefinition<string> {
  let batches = 0;
  return {
    kind: 'things',
    requiredColumns: ['code'],
    parse: (values) => ({ ok: true, value: values.code! }),
    saveBatch: async (_trx, rows) => {
      batches++;
      if (batches === failAt) throw fault;
      return rows.map(() => 'created' as const);
    },
  };
}

// Each batch "commits" by running its work directly: the runner's bookkeeping is what is tested here.
const direct = { transaction: <R>(work: (trx: Db) => Promise<R>) => work({} as Db), batchSize: 10 };

describe('an import stopped by a fault that is not a row’s', () => {
  test('the database gone after two batches: 503 saying 20 rows were saved, through line 21', async () => {
    const lost = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    const err = await runImport({} as Db, failingKind(3, lost), recordsOf(35), direct).catch((e) => e);
    expect(err).toBeInstanceOf(UnavailableError);
    expect(err.message).toMatch(/20 row\(s\) were saved before this, through line 21/);
    expect(err.retryAfterSeconds).toBeGreaterThan(0);
  });

  test('a row the database refuses is that row’s rejection: the import goes on', async () => {
    const refusal = new AppError('bad_request', 'A value breaks a rule of the data');
    const report = await runImport({} as Db, failingKind(2, refusal), recordsOf(35), direct);
    // The second batch was split down to its rows; the kind's stub refuses only that batch's first try.
    expect(report.read).toBe(35);
    expect(report.created + report.rejected.length).toBe(35);
  });

  test('the database gone before anything was saved: the fault as it was', async () => {
    const lost = Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
    const err = await runImport({} as Db, failingKind(1, lost), recordsOf(5), direct).catch((e) => e);
    expect(err).toBe(lost);
  });

  test('a bug stays a bug (no 4xx or 503 made of it)', async () => {
    const bug = new TypeError('x is undefined');
    const err = await runImport({} as Db, failingKind(2, bug), recordsOf(35), direct).catch((e) => e);
    expect(err).toBe(bug);
  });

  test('no fault: the report counts every row', async () => {
    const report = await runImport({} as Db, failingKind(0, null), recordsOf(35), direct);
    expect(report).toMatchObject({ read: 35, created: 35, rejected: [] });
  });
});
