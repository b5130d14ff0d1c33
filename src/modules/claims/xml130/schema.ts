/**
 * The schema check of a Decision 130 table, written from the field tables (fields.ts): each field's
 * type, length, decimals and required mark. Every exported file is checked record by record before
 * it is handed out, and the import checks each record it reads with the same function, so a file the
 * agency would send back is caught here first. Pure.
 */
import { type Field, TABLES, type TableName, type TableSpec } from './fields.ts';

/** One record of a table as written or read: element name -> its text ('' or absent: empty). */
export type TableRecord = Readonly<Record<string, string | null | undefined>>;

export const SCHEMA_FAILURES = ['required', 'too-long', 'not-a-number', 'decimals', 'unknown-field'] as const;
export type SchemaFailureCode = (typeof SCHEMA_FAILURES)[number];

export interface SchemaFailure {
  table: string;
  /** The record: its MA_LK and STT as read (`<MA_LK>#<STT>`), or the position given. */
  record: string;
  field: string;
  code: SchemaFailureCode;
  message: string;
}

const NUMBER = /^-?\d+(?:\.(\d+))?$/;

/** What is wrong with one field's text, or null. */
export function checkField(
  field: Field<unknown>,
  text: string | null | undefined,
): Omit<SchemaFailure, 'table' | 'record'> | null {
  const v = text ?? '';
  if (v === '') {
    return field.required
      ? { field: field.name, code: 'required', message: `${field.name} is required` }
      : null;
  }
  if (field.type === 'N') {
    const m = NUMBER.exec(v);
    if (!m)
      return {
        field: field.name,
        code: 'not-a-number',
        message: `${field.name} must be a number written with '.'`,
      };
    const places = m[1]?.length ?? 0;
    if (places > field.decimals)
      return {
        field: field.name,
        code: 'decimals',
        message: `${field.name} has ${places} decimals, at most ${field.decimals} allowed`,
      };
  }
  const length = [...v].length;
  if (field.max !== undefined && length > field.max)
    return {
      field: field.name,
      code: 'too-long',
      message: `${field.name} is ${length} characters long, at most ${field.max} allowed`,
    };
  return null;
}

/**
 * Checks one record of a table against its fields: every failure, each naming the record and field.
 * Fields the table does not have are failures too (a misspelt element is not silently dropped).
 *
 * @example checkTable('XML1', { MA_LK: 'a', STT: '1', GIOI_TINH: '4', ... }) // [{ field: 'GIOI_TINH', ... }]
 */
export function checkTable(
  table: TableName | TableSpec<never>,
  record: TableRecord,
  position?: number,
): SchemaFailure[] {
  const spec = (typeof table === 'string' ? TABLES[table] : table) as TableSpec<unknown>;
  const name = recordName(record, position);
  const failures: SchemaFailure[] = [];
  const known = new Set<string>();
  for (const field of spec.fields) {
    known.add(field.name);
    const failure = checkField(field, record[field.name]);
    if (failure) failures.push({ table: spec.loaiHoSo, record: name, ...failure });
  }
  for (const key of Object.keys(record))
    if (!known.has(key))
      failures.push({
        table: spec.loaiHoSo,
        record: name,
        field: key,
        code: 'unknown-field',
        message: `${key} is not a field of ${spec.loaiHoSo}`,
      });
  return failures;
}

function recordName(record: TableRecord, position: number | undefined): string {
  const key = record.MA_LK ? `${record.MA_LK}#${record.STT ?? ''}` : '';
  return key || (position === undefined ? '?' : `#${position}`);
}
