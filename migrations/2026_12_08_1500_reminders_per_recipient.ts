import { type Kysely, sql } from 'kysely';
import { scopedCareTable } from './support/care-tables.ts';

/**
 * Reminders grouped per recipient (issue 22): a message is now what one recipient receives on one
 * channel on one day (its idempotency key `recipient|channel|day`), listing its items; a guardian of
 * three children due, or a resident due for two things, gets one message. The items move to
 * `reminder_message_item` (one row per due item or appointment, each reminded once: the unique index
 * the message table had), with the sentence it adds to the text and, when it was left out of the text
 * at sending (an opt-out, a cancelled appointment, a merge), why. Each message of before becomes a
 * message of one item (the item's id: its message's). A message's area is its recipient's, an item's
 * its resident's; both follow their resident when they move (the trigger is redefined).
 */

const KINDS = `('immunization', 'antenatal', 'postnatal', 'child-health', 'hypertension', 'diabetes',
  'elderly', 'appointment')`;

const follow = (messagesBy: 'recipient_id' | 'resident_id', items: boolean) => `
  create or replace function reminders_follow_resident() returns trigger language plpgsql as $$
  begin
    update reminder_message set area_path = new.area_path
    where ${messagesBy} = new.id and area_path is distinct from new.area_path;
    ${
      items
        ? `update reminder_message_item set area_path = new.area_path
    where resident_id = new.id and area_path is distinct from new.area_path;`
        : ''
    }
    update reminder_opt_out set area_path = new.area_path
    where resident_id = new.id and area_path is distinct from new.area_path;
    return null;
  end $$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table reminder_message_item (
      id uuid primary key,
      message_id uuid not null references reminder_message (id),
      resident_id uuid not null references resident (id),
      kind text not null check (kind in ${KINDS}),
      programme_id text not null check (length(programme_id) between 1 and 100),
      item_id text not null check (length(item_id) between 1 and 100),
      episode_id text,
      due_from date not null,
      line text not null,
      left_out text check (length(left_out) <= 500),
      created_at timestamptz not null,
      area_path ltree not null
    )`,
    `create unique index reminder_message_item_once on reminder_message_item
       (resident_id, programme_id, item_id, coalesce(episode_id, ''), due_from)`,
    'create index reminder_message_item_message_idx on reminder_message_item (message_id)',
    ...scopedCareTable('reminder_message_item'),
    `insert into reminder_message_item (id, message_id, resident_id, kind, programme_id, item_id, episode_id,
       due_from, line, left_out, created_at, area_path)
     select id, id, resident_id, kind, programme_id, item_id, episode_id, due_from, body, null, created_at, area_path
     from reminder_message`,
    'alter table reminder_message add column day date',
    'update reminder_message set day = created_at::date',
    'alter table reminder_message alter column day set not null',
    `update reminder_message m set area_path = r.area_path from resident r
     where r.id = m.recipient_id and m.area_path is distinct from r.area_path`,
    'drop index reminder_message_once',
    'drop index reminder_message_resident_idx',
    `alter table reminder_message drop column resident_id, drop column kind, drop column programme_id,
       drop column item_id, drop column episode_id, drop column due_from`,
    'create index reminder_message_recipient_idx on reminder_message (recipient_id, created_at desc)',
    'create index reminder_message_item_resident_idx on reminder_message_item (resident_id)',
    follow('recipient_id', true),
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

/** Back to one message per item: each message keeps its first item (the others' lines are lost). */
export async function down(db: Kysely<unknown>): Promise<void> {
  const statements = [
    follow('resident_id', false),
    `alter table reminder_message add column resident_id uuid references resident (id), add column kind text,
       add column programme_id text, add column item_id text, add column episode_id text, add column due_from date`,
    `update reminder_message m set resident_id = i.resident_id, kind = i.kind, programme_id = i.programme_id,
       item_id = i.item_id, episode_id = i.episode_id, due_from = i.due_from, area_path = i.area_path
     from (select distinct on (message_id) * from reminder_message_item order by message_id, created_at, id) i
     where i.message_id = m.id`,
    `alter table reminder_message alter column resident_id set not null, alter column kind set not null,
       alter column programme_id set not null, alter column item_id set not null, alter column due_from set not null`,
    `alter table reminder_message add check (kind in ${KINDS})`,
    'alter table reminder_message drop column day',
    'drop index if exists reminder_message_recipient_idx',
    `create unique index reminder_message_once on reminder_message
       (resident_id, programme_id, item_id, coalesce(episode_id, ''), due_from)`,
    'create index reminder_message_resident_idx on reminder_message (resident_id, created_at desc)',
    'drop table reminder_message_item',
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}
