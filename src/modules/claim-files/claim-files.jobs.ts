import { registerJobKind } from '../jobs/index.ts';
import { EXPORT_JOB, type ExportPayload, runExport } from './export.service.ts';

/**
 * 'claim-files.export': writes one claim file (its row names the facility and quarter). Killed and
 * run again, it writes the file again from the start (the half-written .part is replaced).
 */
registerJobKind<ExportPayload, Record<string, never>>(EXPORT_JOB, { maxAttempts: 3, run: runExport });
