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
// The import (claim-file-import): the reader, the signature's check, the import's rules.
export {
  checkRecord,
  compareTables,
  type FieldDifference,
  type ImportProblem,
  type RecordVerdict,
} from './import.rules.ts';
export {
  type ClaimFileEnvelope,
  ClaimFileFormatError,
  type ClaimFileRecord,
  parseTable,
  readClaimFile,
  readEnvelopeFacility,
} from './reader.ts';
export {
  checkField,
  checkTable,
  SCHEMA_FAILURES,
  type SchemaFailure,
  type SchemaFailureCode,
  type TableRecord,
} from './schema.ts';
export {
  ClaimFileSignatureError,
  createEnvelopeSigner,
  type EnvelopeSigner,
  type SignatureFailure,
  verifyEnvelopeSignature,
} from './signature.ts';
export { certificateFor, signingKeyFor } from './signing-keys.ts';
export type { ExportClaim, ExportLine } from './source.ts';
export { type HoSo, hoSoOf, recordOf, tableXml } from './tables.ts';
