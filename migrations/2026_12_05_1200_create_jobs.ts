import { type Kysely, sql } from 'kysely';

/**
 * The background job queue (jobs module): one row per job, claimed by a worker with
 * `FOR UPDATE SKIP LOCKED` under a lease; its checkpoint and progress are written as it runs, so a job
 * whose process died is claimed again after its lease and resumes. The idempotency key is unique: a
 * second enqueue with the same key is the first job. A job is seen where its area is (row-level
 * security as the other place-bound tables; a job with no area, the whole country, only by a national
 * scope); the application role reads and enqueues, the worker (the owner) runs them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table job (
       id uuid primary key,
       kind text not null check (length(kind) between 1 and 100),
       payload jsonb not null default '{}',
       state text not null default 'queued'
         check (state in ('queued', 'running', 'done', 'failed', 'cancelled')),
       progress_done integer not null default 0 check (progress_done >= 0),
       progress_total integer check (progress_total >= 0),
       checkpoint jsonb,
       attempts integer not null default 0 check (attempts >= 0),
       max_attempts integer not null default 5 check (max_attempts between 1 and 100),
       run_after timestamptz not null,
       lease_until timestamptz,
       leased_by text,
       idempotency_key text unique,
       error text,
       created_by uuid references app_user (id),
       area_path ltree,
       created_at timestamptz not null,
       started_at timestamptz,
       finished_at timestamptz
     )`,
    // What a worker looks for: queued jobs due, and running ones whose lease may have ended.
    `create index job_claimable_idx on job (run_after, id) where state in ('queued', 'running')`,
    'create index job_area_path_gist on job using gist (area_path)',
    'create index job_created_idx on job (created_at desc, id desc)',
    'alter table job enable row level security',
    `create policy job_read on job for select to grassroots_app using (app_in_scope(area_path))`,
    `create policy job_insert on job for insert to grassroots_app with check (app_in_scope(area_path))`,
    // Running, progress and ends are the worker's (the owner's); the API only reads and enqueues.
    'revoke update, delete on job from grassroots_app',
    'grant select, insert on job to grassroots_app',
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists job`.execute(db);
}
