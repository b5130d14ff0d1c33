/**
 * The Decision 130 file (QĐ 130/QĐ-BYT as amended by 4750 and 3176): the field tables, the formats,
 * the schema check, the streamed envelope, and the export's streaming read. The claim-files module
 * and the import (claim-file-import) use it through this file.
 */
export { type EnvelopeTotals, EnvelopeWriter, type Sink } from './envelope.ts';
export {
  type ClaimStream,
  EXPORTED_STATUSES,
  type ExportSelection,
  streamExportClaims,
} from './export.queries.ts';
export {
  EXPORTED_TABLES,
  type Field,
  type FieldType,
  TABLES,
  type TableName,
  type TableSpec,
} from './fields.ts';
export {
  checkField,
  checkTable,
  SCHEMA_FAILURES,
  type SchemaFailure,
  type SchemaFailureCode,
  type TableRecord,
} from './schema.ts';
export { createEnvelopeSigner, type EnvelopeSigner } from './signature.ts';
export { signingKeyFor } from './signing-keys.ts';
export type { ExportClaim, ExportLine } from './source.ts';
export { type HoSo, hoSoOf, recordOf, tableXml } from './tables.ts';
