import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { registerJianwaiCentre } from '../../../test/support/places.ts';
import { SETTLEMENT_HEADER, type SettlementRow, settlementCsvLine } from '../claims/cn-csv/index.ts';
import { JobWorker } from '../jobs/index.ts';

const CENTRE = 'CHC110105001';
const row = (over: SettlementRow = {}): SettlementRow => ({
  claim_id: '01938a6e-0000-7000-8000-00000000c001',
  facility_code: CENTRE,
  quarter: '2026-Q4',
  visit_date: '2026-11-20',
  scheme: 'urban-rural-resident',
  insured_id: '110105198007090012',
  main_diagnosis: 'I10',
  benefit_percent: '85.00',
  line_no: '1',
  kind: 'medicine',
  item_code: 'CNT0001',
  insurance_code: '',
  name: '硝苯地平片',
  unit: '片',
  quantity: '30',
  unit_price: '0.5',
  hospital_amount: '15.00',
  insured_amount: '15.00',
  insurance_pays: '12.75',
  co_payment: '2.25',
  patient_pays: '0.00',
  currency: 'CNY',
  ...over,
});

describeOnBothEngines(
  'settlement lines (cn)',
  (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'settlement-lines-'));
    let centreId: string;
    beforeAll(async () => {
      Object.assign(t().ctx.config, { dataDir: dir });
      centreId = await registerJianwaiCentre(t());
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test("a quarter's lines export as the documented columns (none yet: the header)", async () => {
      const res = await t().inject({
        url: `/api/claim-files/settlement-lines.csv?facility=${centreId}&quarter=2026-Q4`,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toBe(SETTLEMENT_HEADER);
    });

    test('imported: each claim accepted whole or refused with its line and column named', async () => {
      const other = '01938a6e-0000-7000-8000-00000000c002';
      const csv =
        SETTLEMENT_HEADER +
        [row(), row({ line_no: '2', kind: 'service' }), row({ claim_id: other, co_payment: '1.00' })]
          .map(settlementCsvLine)
          .join('');
      const res = await t().inject({
        method: 'POST',
        url: '/api/claim-files/imports',
        headers: { 'content-type': 'text/csv' },
        payload: csv,
      });
      expect(res.statusCode, res.body).toBe(201);
      const file = res.json();
      expect(file).toMatchObject({ direction: 'import', format: 'cn-settlement-csv', facilityId: centreId });
      await new JobWorker(t().ctx, {}).runToEnd(file.jobId);
      expect((await t().inject({ url: `/api/claim-files/${file.id}` })).json()).toMatchObject({
        status: 'done',
        claimsCount: 1,
      });
      const records = (await t().inject({ url: `/api/claim-files/${file.id}/records` })).json();
      expect(records.counts).toMatchObject({ records: 2, accepted: 1, refused: 1, noClaim: 1 });
      expect(
        records.items[1].problems.map((p: { row: number; field: string }) => `${p.row}.${p.field}`),
      ).toEqual(['4.hospital_amount', '4.insured_amount']);
    });

    test('a Decision 130 file is refused under this profile', async () => {
      const res = await t().inject({
        method: 'POST',
        url: '/api/claim-files/imports',
        headers: { 'content-type': 'application/xml' },
        payload: '<GIAMDINHHS/>',
      });
      expect(res.statusCode).toBe(415);
    });
  },
  { profile: 'cn' },
);
