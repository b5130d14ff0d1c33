/**
 * The Chinese profile's settlement lines (`insurance.claimFormat` 'cn-settlement-csv'): one CSV row per
 * line of a claim in force, the claim's header repeated on each, in the order below (docs/CLAIMS.md,
 * "China: settlement lines"). Money is yuan with 2 decimals and '.', never a float; a claim's lines
 * follow each other. Pure data: the writer and the check read the same list.
 */

export type ColumnKind = 'uuid' | 'text' | 'date' | 'quarter' | 'int' | 'decimal' | 'kind';

export interface Column {
  name: string;
  kind: ColumnKind;
  required: boolean;
  /** Characters at most (text), or places after '.' (decimal). */
  max?: number;
  decimals?: number;
  meaning: string;
}

const col = (
  name: string,
  kind: ColumnKind,
  required: boolean,
  meaning: string,
  extra: Partial<Column> = {},
) => ({
  name,
  kind,
  required,
  meaning,
  ...extra,
});

export const SETTLEMENT_COLUMNS: readonly Column[] = [
  col('claim_id', 'uuid', true, "the claim's id (the visit's claim at the facility)"),
  col('facility_code', 'text', true, "the facility's code", { max: 20 }),
  col('quarter', 'quarter', true, "the settlement quarter, '2026-Q4'"),
  col('visit_date', 'date', true, 'the visit, YYYY-MM-DD in the profile time zone'),
  col('scheme', 'text', false, 'the scheme that covered the visit (profile data)', { max: 50 }),
  col('insured_id', 'text', false, "the insured person's card or citizen number", { max: 30 }),
  col('main_diagnosis', 'text', false, 'ICD-10 code of the main diagnosis', { max: 10 }),
  col('benefit_percent', 'decimal', true, 'the share the scheme pays of the insured amount', { decimals: 2 }),
  col('line_no', 'int', true, "the line's number in the claim, from 1"),
  col('kind', 'kind', true, 'medicine or service'),
  col('item_code', 'text', true, "the catalogue's code", { max: 50 }),
  col('insurance_code', 'text', false, "the scheme's code for the item", { max: 50 }),
  col('name', 'text', true, "the item's name", { max: 255 }),
  col('unit', 'text', true, 'the unit counted', { max: 50 }),
  col('quantity', 'decimal', true, 'how many units', { decimals: 3 }),
  col('unit_price', 'decimal', true, 'price of one unit', { decimals: 4 }),
  col('hospital_amount', 'decimal', true, 'the line at the facility price', { decimals: 2 }),
  col('insured_amount', 'decimal', true, 'the part within the scheme', { decimals: 2 }),
  col('insurance_pays', 'decimal', true, 'what the scheme pays', { decimals: 2 }),
  col('co_payment', 'decimal', true, "the person's share of the insured part (deductible, co-payment)", {
    decimals: 2,
  }),
  col('patient_pays', 'decimal', true, 'what the person pays outside the scheme', { decimals: 2 }),
  col('currency', 'text', true, 'ISO 4217, CNY', { max: 3 }),
];

export const SETTLEMENT_COLUMN_NAMES = SETTLEMENT_COLUMNS.map((c) => c.name);
