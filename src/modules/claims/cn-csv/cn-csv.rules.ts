/**
 * The settlement lines' check, pure: each row against the layout (cn-csv.layout.ts), then its amounts
 * (hospital = scheme pays + co-payment + patient pays; the insured part within the hospital amount;
 * exact cents), then the rows of one claim together (one header, line numbers once each). A claim
 * with any bad row is refused whole, each problem naming the CSV line and the column.
 */
import { type Column, SETTLEMENT_COLUMNS } from './cn-csv.layout.ts';

export type SettlementRow = Record<string, string>;

export interface LineProblem {
  line: number;
  column: string | null;
  message: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = /^-?\d{1,15}(?:\.(\d+))?$/;

/** What is wrong with one cell, or null. */
export function checkCell(column: Column, value: string | undefined): string | null {
  const v = (value ?? '').trim();
  if (v === '') return column.required ? 'is required' : null;
  switch (column.kind) {
    case 'uuid':
      return UUID.test(v) ? null : 'must be a UUID';
    case 'date':
      return /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v) ? null : 'must be a date YYYY-MM-DD';
    case 'quarter':
      return /^\d{4}-Q[1-4]$/.test(v) ? null : 'must be a quarter such as 2026-Q4';
    case 'int':
      return /^[1-9]\d{0,5}$/.test(v) ? null : 'must be a whole number from 1';
    case 'kind':
      return v === 'medicine' || v === 'service' ? null : 'must be medicine or service';
    case 'decimal': {
      const m = DECIMAL.exec(v);
      if (!m) return "must be a number written with '.'";
      if ((m[1]?.length ?? 0) > (column.decimals ?? 0)) return `has more than ${column.decimals} decimals`;
      return null;
    }
    default:
      return [...v].length > (column.max ?? Number.POSITIVE_INFINITY)
        ? `is over ${column.max} characters`
        : null;
  }
}

/** Exact cents of a checked money cell. */
const cents = (v: string | undefined) => {
  const [whole = '0', frac = ''] = (v ?? '0').trim().replace('-', '').split('.');
  const c = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0').slice(0, 2));
  return (v ?? '').trim().startsWith('-') ? -c : c;
};

/** The problems of one row (its CSV line given). */
export function checkRow(row: SettlementRow, line: number): LineProblem[] {
  const out: LineProblem[] = [];
  for (const c of SETTLEMENT_COLUMNS) {
    const m = checkCell(c, row[c.name]);
    if (m) out.push({ line, column: c.name, message: `${c.name} ${m}` });
  }
  for (const key of Object.keys(row))
    if (!SETTLEMENT_COLUMNS.some((c) => c.name === key))
      out.push({ line, column: key, message: `${key} is not a column of the settlement lines` });
  if (out.length > 0) return out;
  const [hospital, insured, pays, co, patient] = [
    'hospital_amount',
    'insured_amount',
    'insurance_pays',
    'co_payment',
    'patient_pays',
  ].map((k) => cents(row[k]));
  if (hospital !== (pays ?? 0n) + (co ?? 0n) + (patient ?? 0n))
    out.push({
      line,
      column: 'hospital_amount',
      message: 'hospital_amount is not insurance_pays + co_payment + patient_pays',
    });
  if ((insured ?? 0n) > (hospital ?? 0n) || insured !== (pays ?? 0n) + (co ?? 0n))
    out.push({
      line,
      column: 'insured_amount',
      message: 'insured_amount must be insurance_pays + co_payment, within hospital_amount',
    });
  return out;
}

/** The header columns every row of a claim repeats. */
const HEADER = SETTLEMENT_COLUMNS.slice(
  0,
  SETTLEMENT_COLUMNS.findIndex((c) => c.name === 'line_no'),
).map((c) => c.name);

/** The rows of one claim together: the same header on each, each line number once. */
export function checkClaimRows(rows: { row: SettlementRow; line: number }[]): LineProblem[] {
  const out: LineProblem[] = [];
  const first = rows[0];
  const seen = new Set<string>();
  for (const { row, line } of rows) {
    for (const h of HEADER)
      if (first && (row[h] ?? '') !== (first.row[h] ?? ''))
        out.push({
          line,
          column: h,
          message: `${h} differs from the claim's first line (line ${first.line})`,
        });
    const no = row.line_no ?? '';
    if (seen.has(no))
      out.push({ line, column: 'line_no', message: `line_no ${no} repeats within the claim` });
    seen.add(no);
  }
  return out;
}
