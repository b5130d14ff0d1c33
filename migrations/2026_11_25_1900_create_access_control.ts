import { type Kysely, sql } from 'kysely';

/**
 * Users, role grants with their scope, sessions and API keys, and the append-only audit log.
 * Also the database role the application runs requests as (`grassroots_app`): not a superuser and not
 * the owner of the tables, so row-level security applies to it, and it cannot change the audit log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Roles are cluster-wide on a server: create it only once.
  await sql`
    do $$ begin
      if not exists (select 1 from pg_roles where rolname = 'grassroots_app') then
        create role grassroots_app nologin;
      end if;
    end $$`.execute(db);
  // The login role must be able to SET ROLE to it (a superuser already can).
  await sql`grant grassroots_app to current_user`.execute(db);

  await sql`
    create table app_user (
      id uuid primary key,
      username text not null,
      display_name text not null,
      password_hash text not null,
      worker_id uuid references health_worker (id),
      active boolean not null default true,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      password_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index app_user_username_key on app_user (lower(username))`.execute(db);

  // One row per role a user holds, with the place it applies to. scope_path null means everywhere
  // (administrator); a facility-bound role takes its facility's area path.
  await sql`
    create table user_role (
      id uuid primary key,
      user_id uuid not null references app_user (id),
      role text not null,
      area_id uuid references area (id),
      facility_id uuid references facility (id),
      scope_path ltree,
      granted_at timestamptz not null default now(),
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index user_role_user_idx on user_role (user_id)`.execute(db);

  await sql`
    create table auth_session (
      id uuid primary key,
      user_id uuid not null references app_user (id),
      kind text not null check (kind in ('session', 'api_key')),
      token_hash text not null unique,
      csrf_token text,
      name text,
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`create index auth_session_user_idx on auth_session (user_id)`.execute(db);

  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      user_id uuid,
      username text,
      role text,
      action text not null,
      resource_type text,
      resource_id text,
      detail text,
      status integer,
      ip text,
      user_agent text,
      reason text,
      flagged boolean not null default false
    )`.execute(db);
  await sql`create index audit_log_at_idx on audit_log (at)`.execute(db);
  await sql`create index audit_log_user_idx on audit_log (user_id, at)`.execute(db);
  await sql`create index audit_log_resource_idx on audit_log (resource_type, resource_id)`.execute(db);

  // Append-only even for a superuser session: updates, deletes and truncates raise.
  await sql`
    create function audit_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'the audit log is append-only' using errcode = '42501';
    end $$`.execute(db);
  await sql`create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only()`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only()`.execute(db);

  // The application role: read and write the data, never delete; only append to the audit log.
  await sql`grant usage on schema public to grassroots_app`.execute(db);
  await sql`grant select, insert, update on all tables in schema public to grassroots_app`.execute(db);
  await sql`revoke update on audit_log from grassroots_app`.execute(db);
  await sql`grant usage on all sequences in schema public to grassroots_app`.execute(db);
  await sql`alter default privileges in schema public grant select, insert, update on tables to grassroots_app`.execute(
    db,
  );
  await sql`alter default privileges in schema public grant usage on sequences to grassroots_app`.execute(db);

  // Scope of the current transaction, set by the request: app.scope_all = 'on', or app.scope = '{56.568,...}'.
  await sql`
    create function app_in_scope(p ltree) returns boolean language sql stable parallel safe as $$
      select coalesce(current_setting('app.scope_all', true), '') = 'on'
          or p <@ coalesce(nullif(current_setting('app.scope', true), ''), '{}')::ltree[]
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists app_in_scope(ltree)`.execute(db);
  for (const t of ['audit_log', 'auth_session', 'user_role', 'app_user']) {
    await sql.raw(`drop table if exists ${t}`).execute(db);
  }
  await sql`drop function if exists audit_log_is_append_only()`.execute(db);
}
