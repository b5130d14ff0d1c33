import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import {
  embeddedFaultEngine,
  type FaultEngine,
  postgresFaultEngine,
} from '../../../test/fuzz/import-faults.ts';
import { readCsvRecords } from '../../platform/csv/csv-stream.ts';
import { runImport } from '../../platform/csv/import-runner.ts';
import { loadProfile } from '../../platform/profile.ts';
import { PROJECT_ROOT } from '../../platform/project-root.ts';
import { areaImport } from '../areas/index.ts';
import { residentImport } from '../residents/index.ts';
import type { ReminderAdapter } from './adapter.ts';
import { dueOf, type Receiver, startReceiver } from './reminders.fixtures.ts';
import { planReminders } from './reminders.service.ts';
import type { ReminderMessageRow } from './reminders.table.ts';

/** 10:00 in Hanoi: outside the quiet hours, whatever the real clock says. */
const DAYTIME = '2026-12-02T10:00:00+07:00';
const MESSAGES = 15;
/** The request the receiver never answers: the child is killed as it arrives (the 2nd of its batch of 5). */
const KILL_AT = 7;
/** The real instant DAYTIME stands for: both children's clocks run on from it. */
const ANCHOR = Date.now();
const shiftedNow = () => Date.now() + Date.parse(DAYTIME) - ANCHOR;

function child(env: Record<string, string>): ChildProcess {
  const full: Record<string, string> = {
    ...(process.env as Record<string, string>),
    GRASSROOTS_PROFILE: 'vn',
    LOG_LEVEL: 'silent',
    JOB_LEASE_SECONDS: '2',
    // Long enough for a loaded machine's receiver to answer (a timeout would queue a retry 5 min later).
    REMINDERS_TIMEOUT_MS: '2000',
    ...env,
  };
  if (!env.DATABASE_URL) delete full.DATABASE_URL;
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(PROJECT_ROOT, 'src/modules/reminders/reminders.kill-child.ts'),
      DAYTIME,
      String(ANCHOR),
    ],
    {
      cwd: PROJECT_ROOT,
      env: full,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
}

const ended = (c: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (c.exitCode !== null || c.signalCode !== null) resolve(c.exitCode);
    else c.once('exit', (code) => resolve(code));
  });

/**
 * kill -9 of a process running the send job, on one engine (a test file per engine): the receiver (a real HTTP server)
 * never answers the KILL_AT-th request and the child is killed as it arrives; a re-run (the CLI's
 * `jobs run`, resuming the job) then sends the rest. Each message reached the receiver under its one
 * key; only messages left `sending` by the kill were sent again, under the same key; all end sent.
 */
export function killSuite(name: string, engine: () => FaultEngine) {
  describe(`reminders.send killed mid-run [${name}]`, () => {
    let receiver: Receiver;
    beforeAll(async () => {
      receiver = await startReceiver();
    });
    afterAll(() => receiver.close());

    test('the re-run sends each message under its one key; only what was in flight is resent', async () => {
      const target = await engine().fresh();
      try {
        const profile = loadProfile('vn');
        let handle = await target.open();
        try {
          await runImport(
            handle.db,
            areaImport(profile),
            readCsvRecords(
              Readable.from([
                'code,name,level,parent_code\n56,Khánh Hòa,province,\n568,Khánh Sơn,district,56\n56801,Sơn Bình,commune,568\n',
              ]),
            ),
          );
          const lines = ['code,full_name,sex,birth_date,phone,area_code'];
          for (let i = 0; i < MESSAGES; i++)
            lines.push(`K-${i},Người ${i},female,1980-01-01,09010000${String(i).padStart(2, '0')},56801`);
          await runImport(
            handle.db,
            residentImport(profile, '2026-12-02'),
            readCsvRecords(Readable.from([`${lines.join('\n')}\n`])),
          );
          const ids = (
            await sql<{ id: string }>`select id from resident order by code`.execute(handle.db)
          ).rows.map((r) => r.id);
          const zalo: ReminderAdapter = { channel: 'zalo', send: async () => ({ ok: true }) };
          const planned = await planReminders(
            { db: handle.db, profile },
            ids.map((id) => dueOf(id)),
            {
              asOf: '2026-12-02',
              now: new Date(DAYTIME),
              adapters: new Map([['zalo', zalo]]),
              areaPath: null,
            },
          );
          expect(planned.queued).toBe(MESSAGES);
        } finally {
          await handle.close();
        }

        // The first run, killed as the KILL_AT-th request arrives (left unanswered).
        const env = { ...target.env, REMINDERS_ZALO_URL: receiver.url };
        const first = child(env);
        receiver.behave((_d, _n) => (receiver.seen.length === KILL_AT ? { hang: true } : { status: 200 }));
        receiver.onRequest((_d, count) => {
          if (count === KILL_AT) first.kill('SIGKILL');
        });
        await ended(first);
        expect(first.signalCode).toBe('SIGKILL');
        receiver.onRequest(undefined);
        receiver.behave(undefined);
        expect(receiver.seen).toHaveLength(KILL_AT);

        handle = await target.open();
        let inFlight: ReminderMessageRow[];
        let wait: number;
        try {
          const rows = (await sql<ReminderMessageRow>`select * from reminder_message`.execute(handle.db))
            .rows;
          // Not sent yet as far as the database knows (on the embedded engine a kill may also lose
          // the last commits, which leaves their messages sending: resent under the same key too).
          inFlight = rows.filter((r) => r.state === 'sending');
          expect(rows.filter((r) => r.state === 'sent').length).toBeLessThan(KILL_AT);
          expect(inFlight.length).toBeGreaterThan(0);
          expect(rows.some((r) => r.state === 'queued')).toBe(true); // the kill fell mid-run
          // The re-run may take them up once their claim (and the job's lease) ended.
          wait = Math.max(...inFlight.map((r) => +new Date(r.claimed_until!))) - shiftedNow();
        } finally {
          await handle.close();
        }
        // A claim lasts 5 × 2 s + 1 s (longer than the job's lease, 2 s): the re-run starts after it.
        await new Promise((r) => setTimeout(r, Math.max(0, wait) + 100));

        const second = child(env);
        let err = '';
        second.stderr?.on('data', (c: Buffer) => {
          err = `${err}${c}`.slice(-2000);
        });
        expect(await ended(second), err).toBe(0);

        handle = await target.open();
        try {
          const rows = (await sql<ReminderMessageRow>`select * from reminder_message`.execute(handle.db))
            .rows;
          expect(
            rows.map((r) => r.state),
            rows.flatMap((r) => (r.last_error ? [r.last_error] : [])).join('; '),
          ).toEqual(Array(MESSAGES).fill('sent'));
          const keyOf = new Map(rows.map((r) => [r.id, r.idempotency_key]));
          const keysByMessage = new Map<string, Set<string>>();
          for (const s of receiver.seen)
            keysByMessage.set(s.messageId, (keysByMessage.get(s.messageId) ?? new Set()).add(s.key));
          expect(keysByMessage.size).toBe(MESSAGES);
          for (const [id, keys] of keysByMessage) expect([...keys]).toEqual([keyOf.get(id)]);
          const resent = [...receiver.countByKey()].filter(([, n]) => n > 1).map(([k]) => k);
          expect(resent.length).toBeGreaterThanOrEqual(1); // the unanswered one
          const inFlightKeys = new Set(inFlight.map((r) => r.idempotency_key));
          for (const k of resent) expect(inFlightKeys.has(k)).toBe(true);
          expect(Math.max(...receiver.countByKey().values())).toBe(2);
        } finally {
          await handle.close();
        }
      } finally {
        await target.drop();
      }
    }, 150_000); // two process starts: about 10 s on an idle machine, much more on a loaded one
  });
}
