import { importFaultSuite } from './import-faults.suite.ts';

importFaultSuite('postgres', 'cli', 16_000, true);
