import { type Kysely, sql } from 'kysely';

/**
 * Reminders (issue 22): the outbox of messages to residents (or a child's guardian) and the residents'
 * opt-outs per channel. A message is one due item (resident, programme, item, episode, due date) once,
 * whatever the channel (`reminder_message_once`), under its idempotency key (unique; the adapter sends
 * it, so a gateway dedupes a resend). Its life: queued → sending (claimed, written before the adapter
 * is called) → sent | failed, or queued again after a failed attempt; skipped when the resident opted
 * out after it was queued. A message found sending after its claim ended (a killed process) is sent
 * again under the same key. Rows carry the reminded RESIDENT's area path (moved by a trigger when the
 * resident moves), with row-level security like the other care tables; nothing is deleted (an opt-in
 * again is an update of the opt-out row, the audit log keeps who and when).
 */
const scoped = (table: string) => [
  `alter table ${table} enable row level security`,
  `create policy ${table}_scope on ${table} for all to grassroots_app
     using (app_in_scope(area_path)) with check (app_in_scope(area_path))`,
  `create index ${table}_area_path_gist on ${table} using gist (area_path)`,
  `revoke delete on ${table} from grassroots_app`,
];

const CHANNELS = `('webhook', 'file', 'sms', 'zalo', 'wechat')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table reminder_message (
      id uuid primary key,
      idempotency_key text not null unique check (length(idempotency_key) between 1 and 300),
      resident_id uuid not null references resident (id),
      recipient_id uuid not null references resident (id),
      guardian boolean not null,
      kind text not null check (kind in ('immunization', 'antenatal', 'postnatal', 'child-health',
        'hypertension', 'diabetes', 'elderly', 'appointment')),
      programme_id text not null,
      item_id text not null,
      episode_id text,
      due_from date not null,
      channel text not null check (channel in ${CHANNELS}),
      language text not null check (language in ('en', 'vi', 'zh')),
      body text not null,
      state text not null default 'queued' check (state in ('queued', 'sending', 'sent', 'failed', 'skipped')),
      attempts integer not null default 0 check (attempts >= 0),
      max_attempts integer not null check (max_attempts between 1 and 100),
      send_after timestamptz not null,
      claimed_by text,
      claimed_until timestamptz,
      last_error text,
      gateway_ref text,
      sent_at timestamptz,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      area_path ltree not null,
      check (state <> 'sending' or (claimed_by is not null and claimed_until is not null))
    )`,
    // One message per due item, whatever channel a re-plan would pick.
    `create unique index reminder_message_once on reminder_message
       (resident_id, programme_id, item_id, coalesce(episode_id, ''), due_from)`,
    // What a send run looks for: queued messages due, and sending ones whose claim may have ended.
    `create index reminder_message_sendable_idx on reminder_message (send_after, id)
       where state in ('queued', 'sending')`,
    'create index reminder_message_resident_idx on reminder_message (resident_id, created_at desc)',
    ...scoped('reminder_message'),

    `create table reminder_opt_out (
      resident_id uuid not null references resident (id),
      channel text not null check (channel in ${CHANNELS}),
      opted_out boolean not null,
      changed_by uuid,
      changed_at timestamptz not null,
      area_path ltree not null,
      primary key (resident_id, channel)
    )`,
    ...scoped('reminder_opt_out'),

    `create function reminders_follow_resident() returns trigger language plpgsql as $$
    begin
      update reminder_message set area_path = new.area_path
      where resident_id = new.id and area_path is distinct from new.area_path;
      update reminder_opt_out set area_path = new.area_path
      where resident_id = new.id and area_path is distinct from new.area_path;
      return null;
    end $$`,
    `create trigger reminders_follow_resident after update of area_path on resident
    for each row when (old.area_path is distinct from new.area_path)
    execute function reminders_follow_resident()`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists reminders_follow_resident on resident`.execute(db);
  await sql`drop function if exists reminders_follow_resident()`.execute(db);
  await sql`drop table if exists reminder_opt_out`.execute(db);
  await sql`drop table if exists reminder_message`.execute(db);
}
