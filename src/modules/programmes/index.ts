import { registerJobKind } from '../jobs/index.ts';
import { registerLinkedRecordMover, whenResidentRecordsChange } from '../residents/index.ts';
import { moveAttempts, unmoveAttempts } from './due.queries.ts';
import { recomputeArea, recomputeResidents } from './recompute.service.ts';

/**
 * The programmes module's public surface: the protocol files (loader and start check), the engine,
 * the state and priority rules, the figures' route, the due store (recompute, worklists, outreach
 * outcomes, what reminders are due for). Other modules import only this file.
 */
export { evaluateResident } from './engine.ts';
export { figureRoutes } from './figures.routes.ts';
export type { ProgrammeFigures } from './figures.schema.ts';
export { pregnancyEnd, pregnancyStart } from './maternal.rules.ts';
export { isReferralLevel, isUncontrolled, type Priority, priorityOf, riskOf } from './priority.rules.ts';
export type { ProgrammeFile, ProgrammeNames } from './protocol.schema.ts';
export {
  checkProgrammes,
  familyOf,
  loadProgrammes,
  type ProgrammeFamily,
  programmes,
  programmesOf,
} from './protocols.ts';
export { queueRecomputeSince, recomputeMark } from './recompute.jobs.ts';
export { type AreaProgress, recomputeArea, recomputeResidents } from './recompute.service.ts';
export { daysOverdue, stateOn } from './state.rules.ts';
export type { RepeatingFile, ScheduleFile, VisitCounts, VisitScheduleFile } from './visits.protocol.ts';
export { visitScheduleFamily } from './visits.rules.ts';
export { codeMatches, visitCounts } from './visits.shared.ts';
export { worklistRoutes } from './worklists.routes.ts';
export { dueForReminders, type ReminderWindow } from './worklists.service.ts';

// A care record changed (a visit, a dose, a pregnancy, the registry's own record): the resident's due
// store is recomputed in the change's transaction, under the change's profile and clock (registered
// once here, so every server, CLI command and job of the process shares it, each with its own context).
whenResidentRecordsChange('programmes', (ctx, trx, ids) =>
  recomputeResidents(trx, ids, { profile: ctx.profile, now: ctx.clock.now() }),
);

// A merge of duplicate residents carries the outreach attempts to the survivor (an undo brings them
// back); the due rows are derived: the merge tells the listeners, and the survivor is recomputed.
registerLinkedRecordMover({
  name: 'outreach_attempts',
  move: (trx, from, to) => moveAttempts(trx, from.id, to),
  undo: (trx, ids, from) => unmoveAttempts(trx, ids, from),
});

/** Batches a PostgreSQL recompute runs at once: the rules in this process overlap the database's writes. */
const RECOMPUTE_WORKERS = 2;

/** `programmes.recompute` { areaPath }: every resident of the area (null: the country), resumable. */
registerJobKind<{ areaPath?: string | null }, { afterId: string | null; done: number }>(
  'programmes.recompute',
  {
    async run(job) {
      await recomputeArea(job.db, job.payload.areaPath ?? null, {
        profile: job.ctx.profile,
        clock: job.ctx.clock,
        afterId: job.state?.afterId ?? null,
        done: job.state?.done ?? 0,
        signal: job.signal,
        // Batches at once on PostgreSQL (a connection each); the embedded engine has one connection.
        workers: job.ctx.engine === 'postgres' ? RECOMPUTE_WORKERS : 1,
        onProgress: (p) =>
          job.checkpoint({ afterId: p.afterId, done: p.done }, { done: p.done, total: p.total }),
      });
    },
  },
);
