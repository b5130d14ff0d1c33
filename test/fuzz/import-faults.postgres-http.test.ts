import { importFaultSuite } from './import-faults.suite.ts';

importFaultSuite('postgres', 'http', 16_000);
