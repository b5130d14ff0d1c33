import type { AppContext } from '../../platform/app-context.ts';
import type { Db } from '../../platform/db/database.ts';

/** What a job's code is given for one attempt. */
export interface JobRun<P = unknown, S = unknown> {
  id: string;
  db: Db;
  ctx: AppContext;
  payload: P;
  /** The last checkpoint written (null on a first attempt): where a resumed job picks up. */
  state: S | null;
  /** Saves where the job is and how far (renews the lease); throws when the lease was lost. */
  checkpoint(state: S, progress: { done: number; total?: number | null }): Promise<void>;
  /** Aborted when the worker stops (shutdown): the job should return at its next checkpoint. */
  signal: AbortSignal;
}

export interface JobKind<P = unknown, S = unknown> {
  run(job: JobRun<P, S>): Promise<void>;
  /** Attempts before the job fails (default 5). */
  maxAttempts?: number;
}

const kinds = new Map<string, JobKind>();

/** Registers a kind of job once (at module load); the worker runs only registered kinds. */
export function registerJobKind<P, S>(kind: string, def: JobKind<P, S>): void {
  kinds.set(kind, def as JobKind);
}

export function jobKind(kind: string): JobKind | undefined {
  return kinds.get(kind);
}

export function jobKinds(): string[] {
  return [...kinds.keys()].sort();
}
