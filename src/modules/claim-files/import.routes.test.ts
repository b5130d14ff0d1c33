import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import { DISTRICT_568, registerAreas, registerStation } from '../../../test/support/places.ts';
import { postExpect } from '../../../test/support/requests.ts';
import { newId } from '../../platform/ids.ts';
import { parseTable } from '../claims/xml130/reader.ts';
import { envelopeChunks, type SampleRecord } from '../claims/xml130/sample-envelope.test-support.ts';
import { createEnvelopeSigner } from '../claims/xml130/signature.ts';
import { signingKeyFor } from '../claims/xml130/signing-keys.ts';
import { hoSoOf } from '../claims/xml130/tables.ts';
import { exportClaimFixture } from '../claims/xml130/xml130.fixtures.ts';
import { JobWorker } from '../jobs/index.ts';
import { insertClaims } from './claim-files.fixtures.ts';

const CODE = '56801';

/** The tables of the export fixture (a claim that passes every check), under another MA_LK and STT. */
function fixtureRecord(maLk: string, stt: number, xml1: Record<string, string> = {}): SampleRecord {
  const tables: SampleRecord = Object.fromEntries(
    hoSoOf(exportClaimFixture({ facilityCode: CODE }), stt, 'Asia/Ho_Chi_Minh').files.map((f) => [
      f.loaiHoSo,
      parseTable(f.xml).map((r): Record<string, string> => ({ ...r, MA_LK: maLk })),
    ]),
  );
  tables.XML1 = [{ ...(tables.XML1?.[0] ?? {}), ...xml1 }];
  return tables;
}

describeOnBothEngines('claim file import', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-import-'));
  let worker: JobWorker;
  let facilityId: string;
  let signed: (records: SampleRecord[]) => Promise<string>;
  beforeAll(async () => {
    // The files and the facility's generated key go to a folder of this suite's own.
    Object.assign(t().ctx.config, { dataDir: dir });
    worker = new JobWorker(t().ctx, {});
    await registerAreas(t(), DISTRICT_568.slice(0, 3));
    facilityId = (await registerStation(t(), CODE, '56801')).id;
    const key = await signingKeyFor(t().ctx.config, CODE);
    signed = async (records) => {
      const chunks = envelopeChunks(CODE, records);
      const signer = createEnvelopeSigner(key);
      for (const c of chunks) signer.write(c);
      return `${chunks.join('')}${signer.signatureElement()}</GIAMDINHHS>`;
    };
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const upload = (e: TestEngine, xml: string, query = '') =>
    e.inject({
      method: 'POST',
      url: `/api/claim-files/imports${query}`,
      headers: { 'content-type': 'application/xml' },
      payload: xml,
    });

  async function importedFile(xml: string) {
    const res = await upload(t(), xml);
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    await worker.runToEnd(file.jobId);
    const done = (await t().inject({ url: `/api/claim-files/${file.id}` })).json();
    const records = (await t().inject({ url: `/api/claim-files/${file.id}/records` })).json();
    return { file: done, records };
  }

  test("another system's file: each bad record refused with its record and field named, the good one stored", async () => {
    const { file, records } = await importedFile(
      await signed([
        fixtureRecord('EXT-1', 1),
        fixtureRecord('EXT-2', 2, { GIOI_TINH: 'F' }),
        fixtureRecord('EXT-3', 3, { T_TONGCHI_BV: '1.00' }),
      ]),
    );
    expect(file).toMatchObject({
      direction: 'import',
      status: 'done',
      claimsCount: 1,
      periodFrom: '2026-11-20',
    });
    expect(records.counts).toMatchObject({ records: 3, accepted: 1, refused: 2, noClaim: 1 });
    expect(
      records.items.map(
        (r: {
          maLk: string;
          stt: string;
          outcome: string;
          problems: { table: string; field: string; code: string }[];
        }) =>
          `${r.maLk}#${r.stt} ${r.outcome} ${r.problems.map((p) => `${p.table}.${p.field}:${p.code}`).join(',')}`,
      ),
    ).toEqual([
      'EXT-1#1 accepted ',
      'EXT-2#2 refused XML1.GIOI_TINH:not-a-number',
      'EXT-3#3 refused XML1.T_TONGCHI_BV:totals',
    ]);
  });

  test.each([
    {
      case: 'a record changed after signing',
      change: (x: string) => x.replace('<SOLUONGHOSO>1', '<SOLUONGHOSO>2'),
      want: 'signature-content',
    },
    {
      case: 'no signature',
      change: (x: string) => x.replace(/<CHUKYDONVI>.*<\/CHUKYDONVI>/s, ''),
      want: 'signature-missing',
    },
  ])('$case: the file fails ($want) and nothing of it is stored', async ({ change, want }) => {
    const { file, records } = await importedFile(change(await signed([fixtureRecord('EXT-9', 1)])));
    expect(file.status).toBe('failed');
    expect(file.error.code).toBe(want);
    expect(records.counts.records).toBe(0);
  });

  test('the upload: refused when not XML, not an envelope, or another facility; a repeat with its id answers the first', async () => {
    const xml = await signed([fixtureRecord('EXT-5', 1)]);
    expect(
      (
        await t().inject({
          method: 'POST',
          url: '/api/claim-files/imports',
          headers: { 'content-type': 'text/csv' },
          payload: 'a',
        })
      ).statusCode,
    ).toBe(415);
    expect((await upload(t(), '<ROOT/>')).json().detail).toContain('the root element is ROOT');
    const other = await upload(t(), xml.replace(`<MACSKCB>${CODE}`, '<MACSKCB>99999'));
    expect([other.statusCode, other.json().detail]).toEqual([
      422,
      expect.stringContaining('MACSKCB is 99999'),
    ]);
    const id = '01938a6e-0000-7000-8000-00000000f11e';
    const first = await upload(t(), xml, `?id=${id}`);
    expect(first.statusCode).toBe(201);
    expect((await upload(t(), xml, `?id=${id}`)).statusCode).toBe(200);
    expect((await upload(t(), `${xml} `, `?id=${id}`)).statusCode).toBe(409);
  });

  test('the round trip: a quarter exported by this server, imported back, gives the same claims field by field', async () => {
    const claimIds = await insertClaims(t().ctx.db, facilityId, [
      { status: 'checked', quarter: '2026-Q4', endedAt: '2026-10-05T02:00:00Z' },
      { status: 'submitted', quarter: '2026-Q4', endedAt: '2026-11-20T03:30:00Z' },
    ]);
    const exported = await postExpect(t(), '/api/claim-files/exports', {
      id: newId(),
      facility: facilityId,
      quarter: '2026-Q4',
    });
    await worker.runToEnd(exported.jobId);
    const content = await t().inject({ url: `/api/claim-files/${exported.id}/content` });
    expect(content.statusCode, content.body).toBe(200);
    const { file, records } = await importedFile(content.body);
    expect(file).toMatchObject({
      status: 'done',
      claimsCount: 2,
      periodFrom: '2026-10-05',
      periodTo: '2026-11-20',
    });
    expect(records.counts).toMatchObject({
      records: 2,
      accepted: 2,
      refused: 0,
      same: 2,
      differs: 0,
      noClaim: 0,
    });
    expect(records.items.map((r: { claimId: string }) => r.claimId).sort()).toEqual([...claimIds].sort());
  });
});
