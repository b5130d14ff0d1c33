import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import {
  cleanFingerprint,
  embeddedFaultEngine,
  type FaultEngine,
  injectImportFault,
  postgresFaultEngine,
  residentsFile,
} from './import-faults.ts';

/**
 * kill -9 in the middle of a CSV import, by the CLI and by a real server over HTTP, on one engine:
 * every row reported saved is there after a restart, and re-running the file ends as a clean import.
 * One file per engine and way in (import-faults.*.test.ts), each well under two minutes.
 */
export function importFaultSuite(
  engineName: 'embedded' | 'postgres',
  way: 'cli' | 'http',
  rows: number,
): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grassroots-faults-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = residentsFile(dir, rows);
  const engine: FaultEngine | undefined =
    engineName === 'embedded'
      ? embeddedFaultEngine(new Blob([fs.readFileSync(inject('pgliteTemplate'))]), dir)
      : inject('pgTemplate')
        ? postgresFaultEngine(inject('pgTemplate'))
        : undefined;

  describe.skipIf(!engine)(`import faults [${engineName}, ${way}]`, () => {
    let clean: Awaited<ReturnType<typeof cleanFingerprint>>;
    test('a clean import of the file, to compare with', async () => {
      clean = await cleanFingerprint(engine!, file);
      expect(clean).toMatchObject({ residents: rows, codes: rows, history: rows });
    }, 60_000);

    {
      const what = way === 'cli' ? 'the CLI during an import' : 'the server during an HTTP import';
      test(`kill -9 of ${what} loses no row it reported saved; a re-run ends as a clean import`, async () => {
        const outcome = await injectImportFault(engine!, way, file, rows, clean);
        console.log(JSON.stringify(outcome));
        expect(outcome.reportedSaved).toBeGreaterThan(0);
        expect(outcome.foundAfterKill).toBeGreaterThanOrEqual(outcome.reportedSaved);
        expect(outcome).toMatchObject({ lost: 0, duplicates: 0, equalsClean: true, midway: true });
      }, 90_000);
    }
  });
}
