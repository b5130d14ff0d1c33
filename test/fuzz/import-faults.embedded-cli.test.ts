import { importFaultSuite } from './import-faults.suite.ts';

importFaultSuite('embedded', 'cli', 8000);
