import { registerJobKind } from '../jobs/index.ts';
import { IMPORT_JOB, type ImportPayload, runImport } from './import.service.ts';

// A file refused for its signature or form fails at once (the row says why); other errors are retried.
registerJobKind<ImportPayload, Record<string, never>>(IMPORT_JOB, { maxAttempts: 3, run: runImport });
