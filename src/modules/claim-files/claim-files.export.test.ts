import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import { DISTRICT_568, registerAreas, registerStation } from '../../../test/support/places.ts';
import { getOk, postExpect } from '../../../test/support/requests.ts';
import { newId } from '../../platform/ids.ts';
import { checkTable, type TableName } from '../claims/xml130/index.ts';
import { type ClaimFileRecord, readClaimFile } from '../claims/xml130/reader.ts';
import { verifyEnvelopeSignature } from '../claims/xml130/signature.ts';
import { certificateFor } from '../claims/xml130/signing-keys.ts';
import { JobWorker } from '../jobs/index.ts';
import { insertClaims } from './claim-files.fixtures.ts';

/** The test server's data directory: a fresh folder (the files and the facility's key go there). */
function useTempDataDir(t: () => TestEngine): void {
  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-files-'));
    (t().ctx.config as { dataDir: string }).dataDir = dir;
  });
}

async function exportAndRun(t: TestEngine, facility: string, quarter: string) {
  const file = await postExpect(t, '/api/claim-files/exports', { id: newId(), facility, quarter });
  expect(file).toMatchObject({ status: 'queued', direction: 'export', format: 'decision-130-xml' });
  await new JobWorker(t.ctx, { leaseMs: 30_000 }).runToEnd(file.jobId);
  return getOk(t, `/api/claim-files/${file.id}`);
}

const sumCents = (rows: Record<string, string>[], field: string) =>
  rows.reduce((a, r) => a + BigInt((r[field] ?? '0').replace('.', '')), 0n);

describeOnBothEngines('claim files: the Decision 130 export', (t) => {
  let facility: string;
  useTempDataDir(t);
  beforeAll(async () => {
    await registerAreas(t(), DISTRICT_568);
    facility = (await registerStation(t(), '56001', '56801')).id;
    await insertClaims(t().ctx.db, facility, [
      { status: 'checked', quarter: '2026-Q4', endedAt: '2026-10-05T02:00:00Z' },
      { status: 'submitted', quarter: '2026-Q4', endedAt: '2026-11-20T03:30:00Z' },
      { status: 'draft', quarter: '2026-Q4', endedAt: '2026-11-21T03:30:00Z' },
      { status: 'checked', quarter: '2026-Q3', endedAt: '2026-09-01T03:30:00Z' },
      { status: 'checked', quarter: '2027-Q1', endedAt: '2027-01-02T03:30:00Z', mainDiagnosis: null },
    ]);
  });

  test('a quarter is written, signed, passes the schema check, and its totals are its lines', async () => {
    const done = await exportAndRun(t(), facility, '2026-Q4');
    expect(done).toMatchObject({
      status: 'done',
      claimsCount: 2,
      periodFrom: '2026-10-01',
      periodTo: '2026-12-31',
    });
    const res = await t().inject({ url: `/api/claim-files/${done.id}/content` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/xml/);
    expect(Buffer.byteLength(res.body)).toBe(done.sizeBytes);
    const records: ClaimFileRecord[] = [];
    const envelope = await readClaimFile(
      (async function* () {
        yield res.body;
      })(),
      (r) => {
        records.push(r);
      },
    );
    expect(envelope).toMatchObject({ facilityCode: '56001', declaredCount: '2', recordCount: 2 });
    const cert = await certificateFor(t().ctx.config, '56001');
    expect(verifyEnvelopeSignature(envelope.signatureXml, envelope, cert).facilityCode).toBe('56001');
    for (const r of records) {
      expect(r.problems).toEqual([]);
      expect(Object.keys(r.tables)).toEqual(['XML0', 'XML1', 'XML2', 'XML3']);
      for (const [name, rows] of Object.entries(r.tables))
        for (const row of rows) expect(checkTable(name as TableName, row)).toEqual([]);
      const t1 = r.tables.XML1![0]!;
      const lines = [...r.tables.XML2!, ...r.tables.XML3!];
      expect(t1).toMatchObject({
        HO_TEN: 'Trần Thị Mai <B&C>',
        MA_CSKCB: '56001',
        NGAY_SINH: '197503040000',
      });
      for (const [total, line] of [
        ['T_TONGCHI_BV', 'THANH_TIEN_BV'],
        ['T_BHTT', 'T_BHTT'],
        ['T_BNCCT', 'T_BNCCT'],
      ] as const)
        expect(BigInt(t1[total]!.replace('.', '')), total).toBe(sumCents(lines, line));
      expect(r.tables.XML2![0]).toMatchObject({
        MA_THUOC: '40.217',
        SO_LUONG: '30.000',
        DUONG_DUNG: '1.01',
        LIEU_DUNG: '1 viên x 1 lần/ngày x 30 ngày',
      });
    }
  });

  test('a record that fails the check is not handed out: the file failed, the record and field named', async () => {
    const failed = await exportAndRun(t(), facility, '2027-Q1');
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'schema' });
    expect(failed.error.failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: 'XML1', field: 'MA_BENH_CHINH', code: 'required' }),
      ]),
    );
    expect(failed.error.failures[0].record).toMatch(/^[0-9a-f-]{36}#1$/);
    const res = await t().inject({ url: `/api/claim-files/${failed.id}/content` });
    expect(res.statusCode).toBe(409);
  });

  test('the list shows the files; a repeat with the same id answers the first, another body 409', async () => {
    const list = await getOk(t(), `/api/claim-files?facility=${facility}`);
    expect(list.items.length).toBeGreaterThanOrEqual(2);
    const id = newId();
    const first = await postExpect(t(), '/api/claim-files/exports', { id, facility, quarter: '2026-Q3' });
    const again = await postExpect(
      t(),
      '/api/claim-files/exports',
      { id, facility, quarter: '2026-Q3' },
      200,
    );
    expect(again.id).toBe(first.id);
    const other = await postExpect(
      t(),
      '/api/claim-files/exports',
      { id, facility, quarter: '2026-Q2' },
      409,
    );
    expect(other.errors[0].field).toBe('body.id');
    await postExpect(t(), '/api/claim-files/exports', { facility, quarter: '2026-Q5' }, 400);
  });
});

describeOnBothEngines(
  'claim files under the CN profile',
  (t) => {
    test('a Decision 130 export is refused with 409: the profile files settlement CSV', async () => {
      const res = await t().inject({
        method: 'POST',
        url: '/api/claim-files/exports',
        payload: { facility: newId(), quarter: '2026-Q4' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().detail ?? res.json().message).toMatch(/cn-settlement-csv/);
    });
  },
  { profile: 'cn' },
);
