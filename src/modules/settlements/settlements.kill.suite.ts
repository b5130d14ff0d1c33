import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import type { FaultEngine } from '../../../test/fuzz/import-faults.ts';
import { readCsvRecords } from '../../platform/csv/csv-stream.ts';
import { runImport } from '../../platform/csv/import-runner.ts';
import { loadProfile } from '../../platform/profile.ts';
import { PROJECT_ROOT } from '../../platform/project-root.ts';
import { areaImport } from '../areas/index.ts';
import { facilityImport } from '../facilities/index.ts';
import { insertClaimsInto } from './settlements.fixtures.ts';

const QUARTER = '2026-Q3';
const AREA = '56.568';

function child(env: Record<string, string>, pause: boolean): ChildProcess {
  const full: Record<string, string> = {
    ...(process.env as Record<string, string>),
    GRASSROOTS_PROFILE: 'vn',
    LOG_LEVEL: 'silent',
    JOB_LEASE_SECONDS: '2',
    ...env,
  };
  if (!env.DATABASE_URL) delete full.DATABASE_URL;
  const script = path.join(PROJECT_ROOT, 'src/modules/settlements/settlements.kill-child.ts');
  return spawn(process.execPath, ['--import', 'tsx', script, QUARTER, AREA, ...(pause ? ['pause'] : [])], {
    cwd: PROJECT_ROOT,
    env: full,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

const ended = (c: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (c.exitCode !== null || c.signalCode !== null) resolve(c.exitCode);
    else c.once('exit', (code) => resolve(code));
  });

/**
 * kill -9 of a process running a settlement of three facilities, between the first and the second
 * (on one engine: a test file per engine); a second process resumes the job. Each facility is settled
 * once with the amounts of a clean run, and each accepted claim is marked paid exactly once.
 */
export function killSuite(name: string, engine: () => FaultEngine) {
  describe(`settlements.run killed between facilities [${name}]`, () => {
    test('the resumed run settles every facility once, the same amounts, claims paid once', async () => {
      const target = await engine().fresh();
      try {
        const profile = loadProfile('vn');
        let handle = await target.open();
        try {
          const csv = (text: string) => readCsvRecords(Readable.from([text]));
          await runImport(
            handle.db,
            areaImport(profile),
            csv(
              'code,name,level,parent_code\n56,P,province,\n568,D,district,56\n56801,A,commune,568\n56802,B,commune,568\n',
            ),
          );
          await runImport(
            handle.db,
            facilityImport(profile, '2026-12-02'),
            csv(
              'code,name,kind,area_code\nK0001,S1,commune_health_station,56801\nK0002,S2,commune_health_station,56801\nK0003,S3,commune_health_station,56802\n',
            ),
          );
          const facilities = await handle.db
            .selectFrom('facility')
            .select(['id', 'area_path'])
            .orderBy('id')
            .execute();
          expect(facilities).toHaveLength(3);
          for (const f of facilities)
            await insertClaimsInto(handle.db, 'VND', { id: f.id, areaPath: f.area_path }, [
              { quarter: QUARTER, status: 'accepted', pays: 100_000, accepted: 100_000 },
              {
                quarter: QUARTER,
                status: 'partly-accepted',
                pays: 50_000,
                accepted: 40_000,
                rejected: 10_000,
              },
              { quarter: QUARTER, status: 'rejected', pays: 30_000, rejected: 30_000 },
            ]);
        } finally {
          await handle.close();
        }

        // The first run, killed (SIGKILL) while it waits between its first and second facility.
        const first = child(target.env, true);
        let said = '';
        await new Promise<void>((resolve) => {
          first.stderr?.on('data', (c: Buffer) => {
            said += String(c);
            if (said.includes('settled 1')) {
              first.kill('SIGKILL');
              resolve();
            }
          });
          first.once('exit', () => resolve());
        });
        await ended(first);
        expect(first.signalCode, said).toBe('SIGKILL');

        handle = await target.open();
        try {
          const saved = await handle.db.selectFrom('settlement').select('id').execute();
          // The embedded engine may also lose the last commit (no fsync): at most the first is there.
          expect(saved.length).toBeLessThanOrEqual(1);
        } finally {
          await handle.close();
        }

        const second = child(target.env, false);
        let err = '';
        second.stderr?.on('data', (c: Buffer) => {
          err = `${err}${c}`.slice(-2000);
        });
        expect(await ended(second), err).toBe(0);

        handle = await target.open();
        try {
          const rows = await handle.db
            .selectFrom('settlement')
            .select(['status', 'claimed', 'accepted', 'rejected', 'balance', 'next_advance'])
            .execute();
          expect(
            rows.map((r) => ({ ...r, claimed: Number(r.claimed), accepted: Number(r.accepted) })),
          ).toEqual(
            Array(3).fill({
              status: 'computed',
              claimed: 180_000,
              accepted: 140_000,
              rejected: 40_000,
              balance: 140_000,
              next_advance: 112_000,
            }),
          );
          const paid = await handle.db
            .selectFrom('claim_event')
            .select(({ fn }) => fn.countAll<string>().as('n'))
            .where('to_status', '=', 'paid')
            .executeTakeFirstOrThrow();
          expect(Number(paid.n)).toBe(6);
          const claims = await handle.db
            .selectFrom('claim')
            .select('status')
            .where('status', '=', 'paid')
            .execute();
          expect(claims).toHaveLength(6);
        } finally {
          await handle.close();
        }
      } finally {
        await target.drop();
      }
    }, 150_000); // two process starts: seconds on an idle machine, much more on a loaded one
  });
}
