import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ReminderChannel } from './reminders.enums.ts';
import { itemKey } from './reminders.rules.ts';
import type {
  NewReminderMessageItemRow,
  NewReminderMessageRow,
  ReminderMessageItemRow,
  ReminderMessageRow,
  ReminderOptOutRow,
} from './reminders.table.ts';

/** The keys (itemKey) of the items the outbox already lists of these residents. */
export async function knownItemKeys(db: Db, residentIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(residentIds)];
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('reminder_message_item')
    .select(['resident_id', 'programme_id', 'item_id', 'episode_id', 'due_from'])
    .where('resident_id', 'in', ids)
    .execute();
  return new Set(
    rows.map((r) =>
      itemKey({
        residentId: r.resident_id,
        programmeId: r.programme_id,
        itemId: r.item_id,
        episodeId: r.episode_id,
        dueFrom: r.due_from,
      }),
    ),
  );
}

/**
 * The messages held under these keys, locked until the transaction ends (a send run's claim skips a
 * locked message, so a message being added to is not sent half-written).
 */
export function messagesByKeysForUpdate(db: Db, keys: readonly string[]) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reminder_message')
    .select(['id', 'idempotency_key', 'state', 'language'])
    .where('idempotency_key', 'in', [...keys])
    .forUpdate()
    .execute();
}

/** Queues a message; false when one is already there under its key (it is left as it is). */
export async function insertMessage(db: Db, row: NewReminderMessageRow): Promise<boolean> {
  const r = await db
    .insertInto('reminder_message')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Lists items in their messages; one already listed (in any message) is left out. Answers how many were new. */
export async function insertItems(db: Db, rows: NewReminderMessageItemRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await db
    .insertInto('reminder_message_item')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return r.length;
}

/** The items of these messages, in the order they were listed. */
export function itemsOfMessages(db: Db, messageIds: readonly string[]): Promise<ReminderMessageItemRow[]> {
  if (messageIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reminder_message_item')
    .selectAll()
    .where('message_id', 'in', [...messageIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A waiting message's text written again (items added to it). */
export async function setQueuedBody(db: Db, id: string, body: string, guardian: boolean, now: Date) {
  await db
    .updateTable('reminder_message')
    .set({ body, guardian, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', 'queued')
    .execute();
}

/**
 * A claimed message's items left out of its text, with why, and its text written again without them
 * (before it is sent: the outbox keeps what went out); false when the claim was lost.
 */
export async function leaveOutItems(
  db: Db,
  c: {
    messageId: string;
    claimedBy: string;
    body: string;
    now: Date;
    leftOut: { id: string; reason: string }[];
  },
): Promise<boolean> {
  const r = await db
    .updateTable('reminder_message')
    .set({ body: c.body, updated_at: c.now })
    .where('id', '=', c.messageId)
    .where('state', '=', 'sending')
    .where('claimed_by', '=', c.claimedBy)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  for (const l of c.leftOut)
    await db
      .updateTable('reminder_message_item')
      .set({ left_out: l.reason.slice(0, 500) })
      .where('id', '=', l.id)
      .where('message_id', '=', c.messageId)
      .execute();
  return true;
}

/**
 * Claims up to `limit` messages to send, in one statement that commits before any is sent: queued
 * ones whose time has come, and sending ones whose claim ended (their run died: sent again under the
 * same key). Each becomes `sending` under this claim, its attempt counted.
 */
export async function claimMessages(
  db: Db,
  c: { claimedBy: string; now: Date; claimedUntil: Date; areaPath: string | null; limit: number },
): Promise<ReminderMessageRow[]> {
  const r = await sql<ReminderMessageRow>`
    update reminder_message m
    set state = 'sending', attempts = m.attempts + 1, claimed_by = ${c.claimedBy},
        claimed_until = ${c.claimedUntil}, updated_at = ${c.now}
    where m.id in (
      select id from reminder_message
      where ((state = 'queued' and send_after <= ${c.now}) or (state = 'sending' and claimed_until <= ${c.now}))
        and (${c.areaPath}::ltree is null or area_path <@ ${c.areaPath}::ltree)
      order by send_after, id
      limit ${c.limit}
      for update skip locked)
    returning m.*`.execute(db);
  return r.rows.sort((a, b) => +a.send_after - +b.send_after || a.id.localeCompare(b.id));
}

export type AttemptEnd =
  | { state: 'sent'; ref: string | null }
  | { state: 'queued'; sendAfter: Date; error: string }
  | { state: 'failed'; error: string }
  | { state: 'skipped'; error: string };

/** Ends a claimed attempt; false when the claim was lost (another run took the message after it ended). */
export async function endAttempt(
  db: Db,
  id: string,
  claimedBy: string,
  now: Date,
  end: AttemptEnd,
): Promise<boolean> {
  const r = await db
    .updateTable('reminder_message')
    .set({
      state: end.state,
      claimed_by: null,
      claimed_until: null,
      updated_at: now,
      ...(end.state === 'sent'
        ? { sent_at: now, gateway_ref: end.ref, last_error: null }
        : { last_error: end.error.slice(0, 500) }),
      ...(end.state === 'queued' ? { send_after: end.sendAfter } : {}),
    })
    .where('id', '=', id)
    .where('state', '=', 'sending')
    .where('claimed_by', '=', claimedBy)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The earliest instant a queued message of the area may be sent (null: none waiting). */
export async function nextSendAfter(db: Db, areaPath: string | null): Promise<Date | null> {
  const r = await sql<{ at: Date | null }>`
    select min(send_after) at from reminder_message
    where state = 'queued' and (${areaPath}::ltree is null or area_path <@ ${areaPath}::ltree)`.execute(db);
  const at = r.rows[0]?.at;
  return at ? new Date(at) : null;
}

/** The channels each of these residents opted out of (every id has an entry). */
export async function optOutsOf(
  db: Db,
  residentIds: readonly string[],
): Promise<Map<string, Set<ReminderChannel>>> {
  const ids = [...new Set(residentIds)];
  const out = new Map<string, Set<ReminderChannel>>(ids.map((id) => [id, new Set()]));
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('reminder_opt_out')
    .select(['resident_id', 'channel'])
    .where('resident_id', 'in', ids)
    .where('opted_out', '=', true)
    .execute();
  for (const r of rows) out.get(r.resident_id)?.add(r.channel);
  return out;
}

export function optOutRowsOf(db: Db, residentId: string): Promise<ReminderOptOutRow[]> {
  return db.selectFrom('reminder_opt_out').selectAll().where('resident_id', '=', residentId).execute();
}

/** Sets one channel's choice of a resident (insert or update: nothing is deleted). */
export async function saveOptOut(db: Db, row: ReminderOptOutRow): Promise<void> {
  await db
    .insertInto('reminder_opt_out')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['resident_id', 'channel']).doUpdateSet({
        opted_out: row.opted_out,
        changed_by: row.changed_by,
        changed_at: row.changed_at,
        area_path: row.area_path,
      }),
    )
    .execute();
}

/** A resident's messages (those with an item about them and those they receive), newest first. */
export function messageRowsOf(db: Db, residentId: string, limit: number): Promise<ReminderMessageRow[]> {
  return db
    .selectFrom('reminder_message')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('recipient_id', '=', residentId),
        eb(
          'id',
          'in',
          eb.selectFrom('reminder_message_item').select('message_id').where('resident_id', '=', residentId),
        ),
      ]),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
