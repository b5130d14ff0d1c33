import fs from 'node:fs';
import { inject } from 'vitest';
import { embeddedFaultEngine } from '../../../test/fuzz/import-faults.ts';
import { killSuite } from './settlements.kill.suite.ts';

killSuite('embedded', () => embeddedFaultEngine(new Blob([fs.readFileSync(inject('pgliteTemplate'))])));
