import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { readCsvRecords } from '../../../platform/csv/csv-stream.ts';
import { SETTLEMENT_COLUMN_NAMES, SETTLEMENT_COLUMNS } from './cn-csv.layout.ts';
import { readSettlementLines, type SettlementClaim } from './cn-csv.reader.ts';
import { checkCell, checkRow, type SettlementRow } from './cn-csv.rules.ts';
import { settlementCsvLine } from './cn-csv.writer.ts';

const col = (name: string) => SETTLEMENT_COLUMNS.find((c) => c.name === name)!;

test.each([
  { column: 'claim_id', value: '01938a6e-0000-7000-8000-000000000001', want: null },
  { column: 'claim_id', value: 'abc', want: 'must be a UUID' },
  { column: 'facility_code', value: '', want: 'is required' },
  { column: 'scheme', value: '', want: null },
  { column: 'quarter', value: '2026-Q5', want: 'must be a quarter such as 2026-Q4' },
  { column: 'visit_date', value: '2026-13-01', want: 'must be a date YYYY-MM-DD' },
  { column: 'line_no', value: '0', want: 'must be a whole number from 1' },
  { column: 'kind', value: 'drug', want: 'must be medicine or service' },
  { column: 'insurance_pays', value: '12.345', want: 'has more than 2 decimals' },
  { column: 'insurance_pays', value: '12,30', want: "must be a number written with '.'" },
  { column: 'unit_price', value: '0.1234', want: null },
  { column: 'currency', value: 'CNYY', want: 'is over 3 characters' },
  { column: 'name', value: '阿莫西林胶囊', want: null },
])('checkCell($column, "$value") → $want', ({ column, value, want }) => {
  expect(checkCell(col(column), value)).toBe(want);
});

function settlementRow(over: SettlementRow = {}): SettlementRow {
  return {
    claim_id: '01938a6e-0000-7000-8000-000000000001',
    facility_code: 'CHC110105001',
    quarter: '2026-Q4',
    visit_date: '2026-11-20',
    scheme: 'urban-rural-resident',
    insured_id: '110105198007090012',
    main_diagnosis: 'I10',
    benefit_percent: '85.00',
    line_no: '1',
    kind: 'medicine',
    item_code: 'CNT0001',
    insurance_code: 'XC01AA',
    name: '硝苯地平片, "缓释"',
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
  };
}

test.each<{ case: string; over: SettlementRow; want: string[] }>([
  { case: 'a good line', over: {}, want: [] },
  { case: 'amounts that do not add up', over: { patient_pays: '1.00' }, want: ['hospital_amount'] },
  { case: 'insured part not its shares', over: { insured_amount: '14.00' }, want: ['insured_amount'] },
  { case: 'an unknown column', over: { extra: '1' }, want: ['extra'] },
])('checkRow: $case', ({ over, want }) => {
  expect(checkRow(settlementRow(over), 2).map((p) => p.column)).toEqual(want);
});

describe('the settlement lines file', () => {
  async function read(rows: SettlementRow[]) {
    const text = `${SETTLEMENT_COLUMN_NAMES.join(',')}\n${rows.map(settlementCsvLine).join('')}`;
    const claims: SettlementClaim[] = [];
    await readSettlementLines(readCsvRecords(Readable.from([text])), (c) => void claims.push(c));
    return claims;
  }
  const other = '01938a6e-0000-7000-8000-000000000002';

  test('written then read: the same rows, claim by claim', async () => {
    const rows = [
      settlementRow(),
      settlementRow({ line_no: '2', kind: 'service' }),
      settlementRow({ claim_id: other }),
    ];
    const claims = await read(rows);
    expect(claims.map((c) => [c.claimId, c.outcome, c.rows.length, c.line])).toEqual([
      [rows[0]?.claim_id, 'accepted', 2, 2],
      [other, 'accepted', 1, 4],
    ]);
    expect(claims[0]?.rows[0]).toEqual(rows[0]);
  });

  test('each bad claim refused whole, the line and column named', async () => {
    const claims = await read([
      settlementRow(),
      settlementRow({ line_no: '1' }),
      settlementRow({ claim_id: other, quantity: 'x' }),
      settlementRow({ claim_id: other, line_no: '2', quarter: '2026-Q3' }),
      settlementRow({ line_no: '3' }),
    ]);
    expect(
      claims.map((c) => `${c.outcome}: ${c.problems.map((p) => `${p.line}.${p.column}`).join(' ')}`),
    ).toEqual(['refused: 3.line_no', 'refused: 4.quantity 5.quarter', 'refused: 6.claim_id']);
  });

  test('a file without the columns is refused at once', async () => {
    const error = await readSettlementLines(readCsvRecords(Readable.from(['a,b\n1,2\n'])), () => {}).catch(
      (e) => e,
    );
    expect(error.message).toContain('the header lacks the columns claim_id');
  });
});
