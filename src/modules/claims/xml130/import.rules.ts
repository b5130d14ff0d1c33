/**
 * The import's judgement of one HOSO, pure: the reader's problems, the schema check of every row of
 * tables 0-3 (schema.ts, the same check the export passes), each row's MA_LK that of its XML1, and
 * table 1's totals equal to the sums of tables 2 and 3 (Decision 130: "Table 1 totals are the sums of
 * tables 2 and 3"). A record with any problem is refused whole; the others are accepted whole.
 * Then, for an accepted record that matches a stored claim (MA_LK is the claim's id), the field by
 * field comparison with the tables that claim exports to.
 */
import { TABLES, type TableName } from './fields.ts';
import type { ClaimFileRecord, FieldValues } from './reader.ts';
import { checkTable } from './schema.ts';

/** One thing wrong with a record: the table, the row (1-based; null for the record), the field. */
export interface ImportProblem {
  table: string | null;
  row: number | null;
  field: string | null;
  code: string;
  message: string;
}

export interface RecordVerdict {
  position: number;
  maLk: string;
  stt: string;
  outcome: 'accepted' | 'refused';
  problems: ImportProblem[];
}

const CHECKED = new Set<string>(Object.keys(TABLES));

/** Table 1's totals and the line field each one sums (tables 2 and 3). */
export const TOTALS: readonly (readonly [string, string])[] = [
  ['T_TONGCHI_BV', 'THANH_TIEN_BV'],
  ['T_TONGCHI_BH', 'THANH_TIEN_BH'],
  ['T_BNTT', 'T_BNTT'],
  ['T_BNCCT', 'T_BNCCT'],
  ['T_BHTT', 'T_BHTT'],
];

/** Exact cents of a money text ('125000.5' → 12500050n); undefined when it is not money. */
export function centsOf(text: string | undefined): bigint | undefined {
  const m = /^(-?)(\d{1,15})(?:\.(\d{1,2}))?$/.exec((text ?? '').trim());
  if (!m) return undefined;
  const cents = BigInt(m[2] ?? '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

const money = (cents: bigint) => {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

/**
 * The verdict on one record as read.
 *
 * @example checkRecord(record).problems // [{ table: 'XML2', row: 3, field: 'DON_GIA', code: 'not-a-number', ... }]
 */
export function checkRecord(record: ClaimFileRecord): RecordVerdict {
  const problems: ImportProblem[] = record.problems.map((p) => {
    const [table, field] = p.field.includes('.') ? p.field.split('.', 2) : [p.field, null];
    return {
      table: table ?? null,
      row: null,
      field: field ?? null,
      code: 'unreadable',
      message: `${p.field} ${p.message}`,
    };
  });
  for (const [table, rows] of Object.entries(record.tables)) {
    // Tables without a field table here (4-12, 15) are kept as received, unchecked.
    if (!CHECKED.has(table)) continue;
    rows.forEach((row, i) => {
      for (const f of checkTable(table as TableName, row, i + 1))
        problems.push({ table, row: i + 1, field: f.field, code: f.code, message: f.message });
      if (table !== 'XML1' && record.maLk && row.MA_LK !== undefined && row.MA_LK !== record.maLk)
        problems.push({
          table,
          row: i + 1,
          field: 'MA_LK',
          code: 'other-record',
          message: `MA_LK ${row.MA_LK} is not this HOSO's (${record.maLk})`,
        });
    });
  }
  problems.push(...totalsProblems(record.tables));
  return {
    position: record.position,
    maLk: record.maLk,
    stt: record.stt,
    outcome: problems.length === 0 ? 'accepted' : 'refused',
    problems,
  };
}

/** Table 1's totals against the sums of its lines (only when every amount reads as money). */
export function totalsProblems(tables: Record<string, FieldValues[]>): ImportProblem[] {
  const summary = tables.XML1?.[0];
  if (!summary) return [];
  const lines = [...(tables.XML2 ?? []), ...(tables.XML3 ?? [])];
  const out: ImportProblem[] = [];
  for (const [total, lineField] of TOTALS) {
    const stated = centsOf(summary[total]);
    const parts = lines.map((l) => centsOf(l[lineField] || '0'));
    if (stated === undefined || parts.some((p) => p === undefined)) continue;
    const sum = parts.reduce<bigint>((a, b) => a + (b ?? 0n), 0n);
    if (sum !== stated)
      out.push({
        table: 'XML1',
        row: 1,
        field: total,
        code: 'totals',
        message: `${total} is ${money(stated)} but the lines' ${lineField} add up to ${money(sum)}`,
      });
  }
  return out;
}

/** One field that differs between a stored claim's tables and the file's. */
export interface FieldDifference {
  table: string;
  row: number;
  field: string;
  stored: string | null;
  received: string | null;
}

/**
 * Field by field: the tables a stored claim exports to against the tables received (same tables,
 * same rows in order, same text in every field; a missing row or table is a difference per field).
 */
export function compareTables(
  stored: Record<string, FieldValues[]>,
  received: Record<string, FieldValues[]>,
): FieldDifference[] {
  const out: FieldDifference[] = [];
  const tables = [...new Set([...Object.keys(stored), ...Object.keys(received)])].sort();
  for (const table of tables) {
    const a = stored[table] ?? [];
    const b = received[table] ?? [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const ra = a[i] ?? {};
      const rb = b[i] ?? {};
      for (const field of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
        const sa = ra[field] ?? null;
        const sb = rb[field] ?? null;
        if ((sa ?? '') !== (sb ?? '')) out.push({ table, row: i + 1, field, stored: sa, received: sb });
      }
    }
  }
  return out;
}
