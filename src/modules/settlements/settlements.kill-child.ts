/**
 * The kill test's child (settlements.kill.suite.ts): takes up the unfinished `settlements.run` job of
 * the quarter argv[2] and area argv[3], or enqueues one, and runs it to its end. With argv[4] 'pause',
 * after each facility's checkpoint it writes `settled <n>` to stderr and blocks for a while, so the
 * parent kills it (SIGKILL) between two facilities.
 */
import { loadConfig } from '../../platform/config.ts';
import { openAppContext } from '../../platform/db/bootstrap.ts';
import { enqueueJob, findUnfinishedJob, JobWorker } from '../jobs/index.ts';
import { SETTLEMENT_RUN } from './index.ts';

const [quarter, areaPath, mode] = process.argv.slice(2);
if (!quarter || !areaPath) throw new Error('usage: settlements.kill-child.ts <quarter> <area path> [pause]');
const { ctx, handle } = await openAppContext(loadConfig());
const job =
  (await findUnfinishedJob(ctx.db, SETTLEMENT_RUN, areaPath)) ??
  (
    await enqueueJob(ctx.db, {
      kind: SETTLEMENT_RUN,
      payload: { quarter, areaPath },
      areaPath,
      now: ctx.clock.now(),
    })
  ).job;
const worker = new JobWorker(ctx, {
  leaseMs: ctx.config.jobLeaseSeconds * 1000,
  onProgress: (p) => {
    if (mode !== 'pause' || p.state !== 'running') return;
    process.stderr.write(`settled ${p.done}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30_000); // frozen between two facilities
  },
});
const end = await worker.runToEnd(job.id);
await handle.close();
process.exit(end.state === 'done' ? 0 : 1);
