/**
 * The kill test's child (reminders.kill.suite.ts): what `grassroots jobs run reminders.send` does
 * (jobs.cli.ts: take up the unfinished job or start one, run it to its end), without loading the
 * whole server, on a clock that reads argv[2] (a daytime instant: the real clock may be in the quiet
 * hours) at the real instant argv[3] (epoch ms) and runs on from there: both runs share one clock.
 */
import type { AppContext } from '../../platform/app-context.ts';
import { loadConfig } from '../../platform/config.ts';
import { openAppContext } from '../../platform/db/bootstrap.ts';
import { enqueueJob, findUnfinishedJob, JobWorker } from '../jobs/index.ts';
import './index.ts';

const offset = Date.parse(process.argv[2] ?? '') - Number(process.argv[3]);
if (Number.isNaN(offset)) throw new Error('usage: reminders.kill-child.ts <instant> <epoch ms>');
const opened = await openAppContext(loadConfig());
const ctx: AppContext = { ...opened.ctx, clock: { now: () => new Date(Date.now() + offset) } };
const job =
  (await findUnfinishedJob(ctx.db, 'reminders.send', null)) ??
  (await enqueueJob(ctx.db, { kind: 'reminders.send', payload: { areaPath: null }, now: ctx.clock.now() }))
    .job;
const worker = new JobWorker(ctx, { leaseMs: ctx.config.jobLeaseSeconds * 1000 });
const end = await worker.runToEnd(job.id);
await opened.handle.close();
process.exit(end.state === 'done' ? 0 : 1);
