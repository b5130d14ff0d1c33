/**
 * One HOSO's tables as XML text, from the field tables (fields.ts): a claim gives one record of
 * tables 0 and 1, and one record of table 2 per medicine line and of table 3 per service line. Each
 * record is checked by the schema check as it is made. Pure: a HOSO is small, so its tables are built
 * as strings; the file around them is streamed (envelope.ts).
 */
import { type TableName, type TableSpec, XML0, XML1, XML2, XML3 } from './fields.ts';
import { checkTable, type SchemaFailure, type TableRecord } from './schema.ts';
import type { ClaimRow, ExportClaim, LineRow } from './source.ts';
import { element, XML_DECLARATION } from './xml-writer.ts';

/** The record of one row: every field's text, in the table's order. */
export function recordOf<R>(spec: TableSpec<R>, row: R): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of spec.fields) out[f.name] = f.value(row) ?? '';
  return out;
}

/** A table's XML document for its records (already made by recordOf), with the declaration. */
export function tableXml(spec: TableSpec<never>, records: readonly TableRecord[]): string {
  const fieldsOf = (r: TableRecord) => spec.fields.map((f) => element(f.name, r[f.name])).join('');
  if (!spec.list || !spec.item)
    return `${XML_DECLARATION}<${spec.root}>${records.map(fieldsOf).join('')}</${spec.root}>`;
  const items = records.map((r) => `<${spec.item}>${fieldsOf(r)}</${spec.item}>`).join('');
  return `${XML_DECLARATION}<${spec.root}><${spec.list}>${items}</${spec.list}></${spec.root}>`;
}

export interface HoSo {
  /** LOAIHOSO -> the table's XML (only the tables the claim has: no medicine lines, no table 2). */
  files: { loaiHoSo: TableName; xml: string }[];
  failures: SchemaFailure[];
}

/** The tables of one claim (its place in the file `stt`), each record checked. */
export function hoSoOf(claim: ExportClaim, stt: number, timeZone: string): HoSo {
  const row: ClaimRow = { claim, stt, timeZone };
  const failures: SchemaFailure[] = [];
  const files: HoSo['files'] = [];
  const add = <R>(spec: TableSpec<R>, rows: R[]) => {
    if (rows.length === 0) return;
    const records = rows.map((r) => recordOf(spec, r));
    records.forEach((r, i) => {
      failures.push(...checkTable(spec as TableSpec<never>, r, i + 1));
    });
    files.push({ loaiHoSo: spec.loaiHoSo as TableName, xml: tableXml(spec as TableSpec<never>, records) });
  };
  const lines = (kind: 'medicine' | 'service'): LineRow[] =>
    claim.lines.filter((l) => l.kind === kind).map((line, i) => ({ ...row, line, stt: i + 1 }));
  // The tables of EXPORTED_TABLES, in order; 13 and 14 wait for referrals (fields.ts).
  add(XML0, [row]);
  add(XML1, [row]);
  add(XML2, lines('medicine'));
  add(XML3, lines('service'));
  return { files, failures };
}
