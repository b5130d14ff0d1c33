import { registerJobKind } from '../jobs/index.ts';
import { type RunPayload, type RunState, runSettlements, SETTLEMENT_RUN } from './run.service.ts';
import { isQuarter } from './settlement.rules.ts';

/**
 * 'settlements.run' { quarter, areaPath, facilityId? }: settles each facility (its own transaction)
 * and checkpoints after it; a resumed run starts after the last facility checkpointed, and a facility
 * settled again (killed after its commit, before the checkpoint) computes the same figures and pays
 * nothing twice. Signed settlements are left as they are (counted as frozen).
 *
 * Started only by POST /api/settlements/runs (permission settlements.run), which gives the quarter:
 * the generic job start (POST /api/jobs, the CLI's `jobs run`, jobs.run) cannot, so a job enqueued
 * there fails naming the route instead of settling with a lesser permission.
 */
registerJobKind<RunPayload, RunState>(SETTLEMENT_RUN, {
  maxAttempts: 5,
  async run(job) {
    if (typeof job.payload?.quarter !== 'string' || !isQuarter(job.payload.quarter))
      throw new Error(
        'settlements.run needs its quarter: start it with POST /api/settlements/runs (settlements.run)',
      );
    await runSettlements(
      job.db,
      { profile: job.ctx.profile, now: () => job.ctx.clock.now(), jobId: job.id },
      job.payload,
      {
        state: job.state,
        signal: job.signal,
        checkpoint: (state, done, total) => job.checkpoint({ ...state }, { done, total }),
      },
    );
  },
});
