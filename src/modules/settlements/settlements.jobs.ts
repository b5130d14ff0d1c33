import { registerJobKind } from '../jobs/index.ts';
import { type RunPayload, type RunState, runSettlements, SETTLEMENT_RUN } from './run.service.ts';

/**
 * 'settlements.run' { quarter, areaPath, facilityId? }: settles each facility (its own transaction)
 * and checkpoints after it; a resumed run starts after the last facility checkpointed, and a facility
 * settled again (killed after its commit, before the checkpoint) computes the same figures and pays
 * nothing twice. Signed settlements are left as they are (counted as frozen).
 */
registerJobKind<RunPayload, RunState>(SETTLEMENT_RUN, {
  maxAttempts: 5,
  async run(job) {
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
