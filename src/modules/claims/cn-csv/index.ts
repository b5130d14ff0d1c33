/**
 * China: the settlement lines in a documented CSV layout (docs/CLAIMS.md), the profile's
 * `insurance.claimFormat` 'cn-settlement-csv'. The claim-files module uses it through this file.
 */
export { SETTLEMENT_COLUMN_NAMES, SETTLEMENT_COLUMNS } from './cn-csv.layout.ts';
export { settlementRowOf } from './cn-csv.mapping.ts';
export { settlementLines, settlementLinesOfClaims } from './cn-csv.queries.ts';
export { readSettlementLines, type SettlementClaim, SettlementFileError } from './cn-csv.reader.ts';
export type { LineProblem, SettlementRow } from './cn-csv.rules.ts';
export { SETTLEMENT_HEADER, settlementCsvLine } from './cn-csv.writer.ts';
