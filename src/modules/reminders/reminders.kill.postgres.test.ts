import { describe, inject } from 'vitest';
import { postgresFaultEngine } from '../../../test/fuzz/import-faults.ts';
import { killSuite } from './reminders.kill.suite.ts';

if (inject('pgTemplate')) killSuite('postgres', () => postgresFaultEngine(inject('pgTemplate')));
else describe.skip('reminders.send killed mid-run [postgres]: no server', () => {});
