import { describe, inject } from 'vitest';
import { postgresFaultEngine } from '../../../test/fuzz/import-faults.ts';
import { killSuite } from './settlements.kill.suite.ts';

if (inject('pgTemplate')) killSuite('postgres', () => postgresFaultEngine(inject('pgTemplate')));
else describe.skip('settlements.run killed between facilities [postgres]: no server', () => {});
