import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import {
  cleanFingerprint,
  cliImportOnce,
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
  /** Also run the real CLI on a file of bad rows (in the files that have time to spare). */
  badFile = false,
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

    if (badFile)
      test('the real CLI reports each bad row of a file with its line and reason, keeps the rest, exits 1', async () => {
        const bad = path.join(dir, 'bad.csv');
        fs.writeFileSync(
          bad,
          Buffer.concat([
            Buffer.from('code,full_name,sex,birth_date,occupation,area_code\n'),
            Buffer.from('B-1,Lê Văn Một,male,1990,,56802\n'),
            Buffer.from('B-2,Lê Văn\u0000Hai,male,1990,,56802\n'),
            Buffer.from(`B-3${'x'.repeat(1024 * 1024)},Lê Văn Ba,male,1990,,56802\n`),
            Buffer.from('B-4,Lê Văn '),
            Buffer.from([0xff, 0xfe]),
            Buffer.from(',male,1990,,56802\n'),
            Buffer.from('B-5,Lê Văn Năm,male,1990,,56802\n'),
          ]),
        );
        const { code, stdout, codes } = await cliImportOnce(engine!, bad);
        expect(code).toBe(1);
        expect(stdout).toContain('5 row(s) read: 2 created, 0 updated, 3 rejected.');
        expect(stdout).toMatch(/line 3: full_name holds a control character/);
        expect(stdout).toMatch(/line 4: code is \d+ characters long/);
        expect(stdout).toMatch(/line 5: full_name is not valid UTF-8/);
        expect(codes).toEqual(['B-1', 'B-5']);
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
