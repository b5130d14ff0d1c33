/**
 * The claim files (issue 23): the Decision 130 XML export of a facility's quarter (and the imports,
 * helper claim-file-import), the table claim_file, the job kind `claim-files.export`, /api/claim-files.
 * Other modules import only this file. Importing it registers the job kind.
 */
import './claim-files.jobs.ts';
import './import.jobs.ts';

export { CLAIM_FILE_DIRECTIONS, CLAIM_FILE_STATUSES } from './claim-files.enums.ts';
export { claimFileRoutes } from './claim-files.routes.ts';
export type { ClaimFile } from './claim-files.schema.ts';
export { EXPORT_JOB, quarterPeriod } from './export.service.ts';
export { claimFileImportRoutes } from './import.routes.ts';
export { IMPORT_JOB } from './import.service.ts';
export { settlementLineRoutes } from './settlement-lines.routes.ts';
