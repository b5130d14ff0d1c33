import type { AppContext } from '../../platform/app-context.ts';
import { ProgressBar } from '../../platform/progress.ts';
import { requireArea } from '../areas/index.ts';
import { findUnfinishedJob } from './jobs.queries.ts';
import { enqueueJob } from './jobs.service.ts';
import { JobWorker } from './worker.ts';

/**
 * `grassroots jobs run <kind> [--area CODE]`: takes up the unfinished job of that kind and area if
 * there is one (a killed run resumes from its checkpoint once its lease ends), or enqueues a new one,
 * and runs it to its end with a progress bar. Exit 0 when done, 1 when it failed.
 */
export async function runJobFromCli(
  ctx: AppContext,
  kind: string,
  area: string | undefined,
): Promise<number> {
  // The kinds register when their modules load: the server's modules are the full list.
  await import('../../server.ts');
  const areaPath = area ? (await requireArea(ctx.db, area, 'area')).path : null;
  const now = ctx.clock.now();
  const existing = await findUnfinishedJob(ctx.db, kind, areaPath);
  const job = existing ?? (await enqueueJob(ctx.db, { kind, payload: { areaPath }, areaPath, now })).job;
  console.error(
    `${existing ? 'Resuming' : 'Started'} job ${job.id} (${kind}${areaPath ? ` on ${areaPath}` : ''})`,
  );
  return runJobToEnd(ctx, job.id, kind);
}

/** Runs a queued job to its end in this process with a progress bar: 0 when done, 1 when it failed. */
export async function runJobToEnd(ctx: AppContext, jobId: string, kind: string): Promise<number> {
  const bar = new ProgressBar(kind);
  const worker = new JobWorker(ctx, {
    leaseMs: ctx.config.jobLeaseSeconds * 1000,
    onProgress: (p) => bar.update(p.done, p.state, p.total ?? undefined),
  });
  const stop = () => void worker.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const end = await worker.runToEnd(jobId);
  bar.finish(end.progress_done, end.state);
  console.log(
    `Job ${end.id}: ${end.state}${end.error ? ` (${end.error})` : ''}, ${end.progress_done}${end.progress_total ? `/${end.progress_total}` : ''} done.`,
  );
  return end.state === 'done' ? 0 : 1;
}
