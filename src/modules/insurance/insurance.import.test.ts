import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { importCsvOk } from '../../../test/support/requests.ts';
import { runImport } from '../../platform/csv/import-runner.ts';
import { runImportFile } from '../registry-io.ts';
import { seedCommuneAndDistrict } from './eligibility.fixture.ts';
import { insuranceCardImport } from './insurance.import.ts';

/**
 * The insurance-cards CSV import over the eligibility tests' commune (eligibility.fixture.ts): 22300
 * (province 56) with station 56101 and district centre 56020; province 79 is not in the registry. Residents by citizen id and by code:
 *   An   056090000001 / R1      Bình 056190000002 / R2      Chi  079185000003 / R3
 *   Dũng (no citizen id) / R4
 */

const HEADER =
  'card_number,citizen_id,resident_code,valid_from,valid_to,registered_facility_code,five_years_on,copay_exempt_from,status';

// Line numbers: the header is line 1.
const FILE = [
  HEADER,
  /* 2 good, by citizen id */ 'DN4560000000001,056090000001,,2025-01-01,2025-12-31,56101,2027-01-01,,',
  /* 3 good, by code, history */ 'GD4560000000002,,R2,2024-01-01,2024-12-31,56101,,,',
  /* 4 good, next period */ 'GD4560000000002,,R2,2025-01-01,2025-12-31,56101,,,',
  /* 5 good, other province */ 'DN4790000000003,079185000003,R3,2025-01-01,2026-03-31,79101,,,',
  /* 6 wrong benefit digit */ 'DN3560000000004,,R4,2025-01-01,2025-12-31,56101,,,',
  /* 7 unknown holder */ 'DN4560000000005,056090000099,,2025-01-01,2025-12-31,56101,,,',
  /* 8 unknown facility */ 'HN2560000000004,,R4,2025-01-01,2025-12-31,56999,,,',
  /* 9 overlaps line 2 */ 'DN4560000000001,056090000001,,2025-06-01,2026-05-31,56101,,,',
  /* 10 another's number */ 'DN4560000000001,,R4,2026-01-01,2026-12-31,56101,,,',
  /* 11 reversed period */ 'HN2560000000004,,R4,2025-12-31,2025-01-01,56101,,,',
  /* 12 withdrawn may overlap */ 'HN2560000000009,056090000001,,2025-03-01,2025-12-31,56101,,,withdrawn',
  /* 13 two residents */ 'HN2560000000004,056090000001,R4,2026-01-01,2026-12-31,56101,,,',
  /* 14 good, no facility */ 'TE1560000000004,,R4,2025-01-01,2025-12-31,,,,',
  /* 15 missing date */ 'TE1560000000006,,R4,2026-01-01,,,,,',
].join('\n');

describeOnBothEngines('insurance cards CSV import', (t) => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const e = t();
    await seedCommuneAndDistrict(e);
    const report = await importCsvOk(
      e,
      'residents',
      [
        'code,citizen_id,full_name,sex,birth_date,area_code',
        'R1,056090000001,Nguyễn Văn An,male,1990-02-01,22300',
        'R2,056190000002,Trần Thị Bình,female,1990-03-01,22300',
        'R3,079185000003,Lê Thị Chi,female,1985-04-01,22300',
        'R4,,Phạm Văn Dũng,male,2024-05-01,22300',
      ].join('\n'),
    );
    expect(report.created).toBe(4);
    const found = await e.inject({ url: '/api/residents?area=22300&limit=10' });
    for (const r of found.json().items as { id: string; code: string }[]) ids[r.code] = r.id;
  });

  test('a file with bad rows stores the good ones and reports each bad one with its line and reason', async () => {
    const report = await importCsvOk(t(), 'insurance-cards', FILE);
    expect(report).toMatchObject({ read: 14, created: 6, updated: 0 });
    const reasons = Object.fromEntries(report.rejected.map((r) => [r.line, r.reason]));
    expect(Object.keys(reasons).map(Number)).toEqual([6, 7, 8, 9, 10, 11, 13, 15]);
    expect(reasons[6]).toContain('wrong benefit code');
    expect(reasons[7]).toBe('citizen_id 056090000099 is not a known resident');
    expect(reasons[8]).toBe('registered_facility_code 56999 is not a known facility');
    expect(reasons[9]).toContain('overlaps the holder');
    expect(reasons[9]).toContain('DN4560000000001 valid 2025-01-01 to 2025-12-31');
    expect(reasons[10]).toBe('card_number DN4560000000001 is held by another resident');
    expect(reasons[11]).toContain('before valid_from');
    expect(reasons[13]).toBe('citizen_id and resident_code name two different residents');
    expect(reasons[15]).toBe('valid_to is required');

    const cards = async (code: string) =>
      (await t().inject({ url: `/api/residents/${ids[code]}/insurance-cards` })).json().items as {
        cardNumber: string;
        validFrom: string;
        status: string;
        registeredFacilityCode: string | null;
        fiveYearsOn: string | null;
      }[];
    expect((await cards('R1')).map((c) => [c.cardNumber, c.status])).toEqual([
      ['DN4560000000001', 'active'],
      ['HN2560000000009', 'withdrawn'],
    ]);
    expect((await cards('R1'))[0]).toMatchObject({
      registeredFacilityCode: '56101',
      fiveYearsOn: '2027-01-01',
    });
    expect((await cards('R2')).map((c) => c.validFrom)).toEqual(['2024-01-01', '2025-01-01']);
    expect((await cards('R3')).map((c) => c.cardNumber)).toEqual(['DN4790000000003']);
    expect((await cards('R4'))[0]).toMatchObject({
      cardNumber: 'TE1560000000004',
      registeredFacilityCode: null,
    });
  });

  test('re-running the same file adds nothing and reports the same bad rows', async () => {
    const report = await importCsvOk(t(), 'insurance-cards', FILE);
    expect(report).toMatchObject({ read: 14, created: 0, updated: 6 });
    expect(report.rejected.map((r) => r.line)).toEqual([6, 7, 8, 9, 10, 11, 13, 15]);
    const count = await t()
      .ctx.db.selectFrom('insurance_card')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(6);
  });

  test('a later row of the same card updates it: the file can correct an end date', async () => {
    const report = await importCsvOk(
      t(),
      'insurance-cards',
      `${HEADER}\nTE1560000000004,,R4,2025-01-01,2025-06-30,,,,\n`,
    );
    expect(report).toMatchObject({ created: 0, updated: 1, rejected: [] });
    const items = (await t().inject({ url: `/api/residents/${ids.R4}/insurance-cards` })).json().items;
    expect(items[0].validTo).toBe('2025-06-30');
  });

  test('imported cards answer at the point of care', async () => {
    const res = await t().inject({
      url: '/api/eligibility?card=DN4790000000003&facility=56020&date=2025-06-01&visitKind=self-referred',
    });
    expect(res.json()).toMatchObject({ valid: true, onRoute: false, routeRule: 'self-referred' });
  });

  test('an overlap across batches is found as within one (batches of two rows)', async () => {
    const rows = [
      'GD4560000000002,,R2,2026-01-01,2026-12-31,56101,,,',
      'CN3560000000002,,R2,2026-06-01,2027-05-31,56101,,,',
      'CN3560000000002,,R2,2027-01-01,2027-12-31,56101,,,',
    ];
    async function* records() {
      const header = HEADER.split(',');
      for (const [i, row] of rows.entries()) {
        const cells = row.split(',');
        yield { line: i + 2, values: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])) };
      }
    }
    const report = await runImport(t().ctx.db, insuranceCardImport(t().ctx.profile), records(), {
      batchSize: 1,
    });
    expect(report).toMatchObject({ created: 2, updated: 0 });
    expect(report.rejected).toEqual([{ line: 3, reason: expect.stringContaining('overlaps the holder') }]);
  });

  test('the export imports back unchanged, and the CLI imports a file', async () => {
    const res = await t().inject({ url: '/api/exports/insurance-cards' });
    expect(res.statusCode).toBe(200);
    const lines = res.body.trim().split(/\r?\n/);
    expect(lines[0]).toBe(HEADER);
    expect(lines).toHaveLength(1 + 8);
    expect(lines).toContain('DN4560000000001,056090000001,R1,2025-01-01,2025-12-31,56101,2027-01-01,,active');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cards-')), 'cards.csv');
    fs.writeFileSync(file, res.body);
    const report = await runImportFile(t().ctx, 'insurance-cards', file);
    expect(report).toMatchObject({ read: 8, created: 0, updated: 8, rejected: [] });
  });

  test('a file without the card columns is refused as a whole', async () => {
    const res = await t().inject({
      method: 'POST',
      url: '/api/imports/insurance-cards',
      headers: { 'content-type': 'text/csv' },
      payload: 'citizen_id,valid_from\n056090000001,2025-01-01\n',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('card_number');
  });

  test('a file of enrolments (the CN columns) is refused as a whole under VN, and nothing is stored', async () => {
    const before = await t().ctx.db.selectFrom('insurance_card').select('id').execute();
    const res = await t().inject({
      method: 'POST',
      url: '/api/imports/insurance-cards',
      headers: { 'content-type': 'text/csv' },
      payload:
        'citizen_id,resident_code,scheme,insured_area_code,member_number,valid_from,valid_to,status\n' +
        '056090000001,,resident,568,,2027-01-01,2027-12-31,active\n',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe(
      'The insurance-cards file lacks the column(s) card_number; the header must include card_number, valid_from, valid_to',
    );
    expect(await t().ctx.db.selectFrom('insurance_card').select('id').execute()).toHaveLength(before.length);
  });
});
