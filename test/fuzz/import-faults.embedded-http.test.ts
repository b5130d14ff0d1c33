import { importFaultSuite } from './import-faults.suite.ts';

importFaultSuite('embedded', 'http', 8000, true);
