/** Settlement lines as CSV text, in the layout's column order (RFC 4180 quoting). Pure. */
import { SETTLEMENT_COLUMN_NAMES } from './cn-csv.layout.ts';
import type { SettlementRow } from './cn-csv.rules.ts';

const cell = (v: string | null | undefined) => {
  const s = v ?? '';
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The header line. */
export const SETTLEMENT_HEADER = `${SETTLEMENT_COLUMN_NAMES.join(',')}\n`;

/** One row as a CSV line (with its line break). */
export function settlementCsvLine(row: SettlementRow): string {
  return `${SETTLEMENT_COLUMN_NAMES.map((c) => cell(row[c])).join(',')}\n`;
}
