import { type Kysely, sql } from 'kysely';

/**
 * Row-level security: requests run as `grassroots_app` with their scope set per transaction
 * (app.scope = the caller's area paths, app.scope_all = 'on' for everywhere), so a query that forgets
 * its WHERE clause still returns only rows inside the caller's places. The table owner (migrations,
 * the CLI, the demo loader) is not subject to it.
 *
 * Areas are public administrative data and not restricted. A facility is visible inside the scope
 * and also when it sits above it (a commune station sees its district centre and the provincial
 * hospitals it refers to), but is written only inside it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function app_above_scope(p ltree) returns boolean language sql stable parallel safe as $$
      select p @> coalesce(nullif(current_setting('app.scope', true), ''), '{}')::ltree[]
    $$`.execute(db);

  const statements = [
    'alter table facility enable row level security',
    `create policy facility_read on facility for select to grassroots_app
       using (app_in_scope(area_path) or app_above_scope(area_path))`,
    'create policy facility_insert on facility for insert to grassroots_app with check (app_in_scope(area_path))',
    `create policy facility_update on facility for update to grassroots_app
       using (app_in_scope(area_path)) with check (app_in_scope(area_path))`,

    'alter table facility_status_change enable row level security',
    `create policy facility_status_change_scope on facility_status_change for all to grassroots_app
       using (exists (select 1 from facility f where f.id = facility_id))
       with check (exists (select 1 from facility f where f.id = facility_id and app_in_scope(f.area_path)))`,

    'alter table worker_assignment enable row level security',
    `create policy worker_assignment_scope on worker_assignment for all to grassroots_app
       using (app_in_scope(area_path)) with check (app_in_scope(area_path))`,

    'alter table rotation enable row level security',
    `create policy rotation_read on rotation for select to grassroots_app
       using (app_in_scope(host_area_path)
              or exists (select 1 from facility f where f.id = home_facility_id and app_in_scope(f.area_path)))`,
    `create policy rotation_write on rotation for insert to grassroots_app
       with check (exists (select 1 from facility f where f.id = home_facility_id and app_in_scope(f.area_path)))`,
    `create policy rotation_update on rotation for update to grassroots_app
       using (exists (select 1 from facility f where f.id = home_facility_id and app_in_scope(f.area_path)))`,

    // A health worker is seen where they are (or were) assigned, and where they rotate to. A new
    // worker may be written by anyone allowed to write workers: their assignment places them.
    'alter table health_worker enable row level security',
    `create policy health_worker_read on health_worker for select to grassroots_app
       using (coalesce(current_setting('app.scope_all', true), '') = 'on'
              or exists (select 1 from worker_assignment a where a.worker_id = health_worker.id)
              or exists (select 1 from rotation r where r.worker_id = health_worker.id and r.active))`,
    'create policy health_worker_insert on health_worker for insert to grassroots_app with check (true)',
    `create policy health_worker_update on health_worker for update to grassroots_app
       using (coalesce(current_setting('app.scope_all', true), '') = 'on'
              or exists (select 1 from worker_assignment a where a.worker_id = health_worker.id))
       with check (true)`,

    'alter table training_record enable row level security',
    `create policy training_record_scope on training_record for all to grassroots_app
       using (exists (select 1 from health_worker w where w.id = worker_id))
       with check (exists (select 1 from health_worker w where w.id = worker_id))`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'facility',
    'facility_status_change',
    'worker_assignment',
    'rotation',
    'health_worker',
    'training_record',
  ]) {
    await sql.raw(`alter table ${t} disable row level security`).execute(db);
  }
  for (const [p, t] of [
    ['facility_read', 'facility'],
    ['facility_insert', 'facility'],
    ['facility_update', 'facility'],
    ['facility_status_change_scope', 'facility_status_change'],
    ['worker_assignment_scope', 'worker_assignment'],
    ['rotation_read', 'rotation'],
    ['rotation_write', 'rotation'],
    ['rotation_update', 'rotation'],
    ['health_worker_read', 'health_worker'],
    ['health_worker_insert', 'health_worker'],
    ['health_worker_update', 'health_worker'],
    ['training_record_scope', 'training_record'],
  ]) {
    await sql.raw(`drop policy if exists ${p} on ${t}`).execute(db);
  }
  await sql`drop function if exists app_above_scope(ltree)`.execute(db);
}
