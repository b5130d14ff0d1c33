import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { withoutScope } from '../../platform/db/unscoped.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { countResidentsInArea, lockResidentsForUpdate, residentIdsInArea } from '../residents/index.ts';
import { attemptRowsOf, replaceDerived } from './due.queries.ts';
import type { ProgrammeDueTable, ProgrammeInvalidDoseTable, ProgrammeRiskTable } from './due.table.ts';
import { evaluateResident } from './engine.ts';
import { programmesOf } from './protocols.ts';
import { residentFactsOf } from './recompute.facts.ts';
import { outreachByWindow, rowsOfAnswer } from './recompute.rules.ts';

/**
 * The due store kept in step with the records: a resident's windows, risk and invalid doses are
 * derived, so a recompute replaces them. It runs in the transaction that changed the records (a
 * `whenResidentRecordsChange` listener), so what is due is never stale once the change commits, and
 * without the request's scope (platform/db/unscoped.ts): a visit carries the place of the facility
 * that made it, and a station must still count its resident's hospital visit.
 */

export interface RecomputeOptions {
  profile: CountryProfile;
  /** The instant written as computed_at (the context's clock). */
  now: Date;
  /** Milliseconds by phase (facts, rules, writes), added to: where a batch's time goes (bench). */
  timings?: Record<string, number>;
}

async function timed<T>(timings: Record<string, number> | undefined, phase: string, work: () => Promise<T>) {
  if (!timings) return work();
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    timings[phase] = (timings[phase] ?? 0) + performance.now() - t0;
  }
}

/** Recomputes these residents inside `trx` (joined, never opened: call it in a transaction). */
export async function recomputeResidents(
  trx: Db,
  residentIds: readonly string[],
  options: RecomputeOptions,
): Promise<void> {
  const ids = [...new Set(residentIds)].sort();
  if (ids.length === 0) return;
  await withoutScope(trx, async (db) => {
    // Two recomputes of one resident queue here, so the second reads what the first committed.
    const t = options.timings;
    await timed(t, 'lock', () => lockResidentsForUpdate(db, ids));
    const programmes = programmesOf(options.profile);
    const kinds = new Map(programmes.map((p) => [p.id, p.kind]));
    const loaded = await timed(t, 'facts', () => residentFactsOf(db, ids));
    const attempts = await timed(t, 'attempts', () => attemptRowsOf(db, ids));
    const outreach = outreachByWindow(attempts, options.profile.timeZone);
    const due: ProgrammeDueTable[] = [];
    const risk: ProgrammeRiskTable[] = [];
    const invalid: ProgrammeInvalidDoseTable[] = [];
    await timed(t, 'rules', async () => {
      for (const [id, r] of loaded) {
        const answer = evaluateResident(r.facts, programmes);
        const rows = rowsOfAnswer({ id, areaPath: r.areaPath }, answer, kinds, outreach, options.now);
        due.push(...rows.due);
        if (rows.risk) risk.push(rows.risk);
        invalid.push(...rows.invalid);
      }
    });
    await timed(t, 'writes', () => replaceDerived(db, ids, { due, risk, invalid }));
  });
}

export interface AreaProgress {
  done: number;
  total: number;
  /** The last resident id recomputed: where a resumed run goes on from. */
  afterId: string | null;
}

export interface RecomputeAreaOptions {
  profile: CountryProfile;
  clock: Clock;
  /** Residents per transaction (2,000 unless told). */
  batch?: number;
  /** Resume after this resident id (a job's checkpoint). */
  afterId?: string | null;
  /** Residents already done before `afterId` (for the progress count). */
  done?: number;
  /** Told after each committed batch; a job checkpoints here. */
  onProgress?: (p: AreaProgress) => Promise<void> | void;
  /** Stops between batches (a worker's shutdown). */
  signal?: AbortSignal;
  /** Milliseconds by phase, added to (bench). */
  timings?: Record<string, number>;
  /** Batches in flight at once on PostgreSQL (1 unless told; the embedded engine runs one). */
  workers?: number;
}

/**
 * Recomputes every resident of an area (null: the whole country), a batch per transaction in id
 * order, so a long run holds no lock for long and a stopped one resumes after its last batch. With
 * `workers` above 1 (PostgreSQL: a connection each) that many batches run at once, on disjoint
 * residents; progress (and so a job's checkpoint) moves only past batches committed in order, so a
 * resumed run never skips one (it may redo one, which writes nothing new). Answers the progress at
 * its end.
 */
export async function recomputeArea(
  db: Db,
  areaPath: string | null,
  options: RecomputeAreaOptions,
): Promise<AreaProgress> {
  const batch = options.batch ?? 2000;
  const workers = Math.max(1, Math.floor(options.workers ?? 1));
  const total = await countResidentsInArea(db, areaPath);
  let progress: AreaProgress = { done: options.done ?? 0, total, afterId: options.afterId ?? null };
  let cursor = progress.afterId;
  let exhausted = false;
  // Each batch's outcome: null when committed, else its error (held, so none goes unhandled).
  const inFlight: { ids: string[]; outcome: Promise<unknown> }[] = [];
  const run = (ids: string[]) =>
    db
      .transaction()
      .execute((trx) =>
        recomputeResidents(trx, ids, {
          profile: options.profile,
          now: options.clock.now(),
          timings: options.timings,
        }),
      )
      .then(
        () => null,
        (error: unknown) => error ?? new Error('recompute batch failed'),
      );
  for (;;) {
    while (!exhausted && inFlight.length < workers && !options.signal?.aborted) {
      const ids = await residentIdsInArea(db, areaPath, { afterId: cursor, limit: batch });
      if (ids.length === 0) exhausted = true;
      else {
        cursor = ids[ids.length - 1]!;
        inFlight.push({ ids, outcome: run(ids) });
      }
    }
    const first = inFlight.shift();
    if (!first) return progress;
    const error = await first.outcome;
    if (error !== null) {
      await Promise.all(inFlight.map((b) => b.outcome));
      throw error;
    }
    progress = { done: progress.done + first.ids.length, total, afterId: first.ids[first.ids.length - 1]! };
    await options.onProgress?.(progress);
  }
}
