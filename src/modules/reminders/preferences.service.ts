import type { AppContext } from '../../platform/app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import { invalidFields, notFound } from '../../platform/http/errors.ts';
import { findResidentRef } from '../residents/index.ts';
import { itemsOfMessages, messageRowsOf, optOutRowsOf, saveOptOut } from './outbox.queries.ts';
import type { ReminderChannel } from './reminders.enums.ts';
import type { PutReminderPreferences, ReminderMessageList, ReminderPreferences } from './reminders.schema.ts';

/**
 * A resident's reminder preferences (opt-out per channel) and messages. The resident must be in the
 * caller's scope (row-level security: a 404 otherwise); the access layer audits each read and write.
 */

async function residentIn(db: Db, id: string) {
  const ref = await findResidentRef(db, id);
  if (!ref) throw notFound('Resident', id);
  return ref;
}

const channelsOf = (ctx: AppContext): readonly ReminderChannel[] => ctx.profile.reminders?.channels ?? [];

export async function getPreferences(ctx: AppContext, id: string): Promise<ReminderPreferences> {
  await residentIn(ctx.db, id);
  const rows = new Map((await optOutRowsOf(ctx.db, id)).map((r) => [r.channel, r]));
  return {
    residentId: id,
    channels: channelsOf(ctx).map((channel) => {
      const r = rows.get(channel);
      return {
        channel,
        optedOut: r?.opted_out ?? false,
        changedAt: r ? new Date(r.changed_at).toISOString() : null,
      };
    }),
  };
}

/** Records the channels opted out (the profile's others opted in); a choice unchanged is not rewritten. */
export async function putPreferences(
  ctx: AppContext,
  id: string,
  body: PutReminderPreferences,
  userId: string | null,
): Promise<ReminderPreferences> {
  const resident = await residentIn(ctx.db, id);
  const channels = channelsOf(ctx);
  const errors = body.optedOut.flatMap((c, i) =>
    channels.includes(c)
      ? []
      : [
          {
            field: `body.optedOut.${i}`,
            message: `${c} is not a channel of this profile (${channels.join(', ')})`,
          },
        ],
  );
  if (errors.length > 0) throw invalidFields(errors);
  const rows = new Map((await optOutRowsOf(ctx.db, id)).map((r) => [r.channel, r]));
  const now = ctx.clock.now();
  for (const channel of channels) {
    const optedOut = body.optedOut.includes(channel);
    if ((rows.get(channel)?.opted_out ?? false) === optedOut) continue;
    await saveOptOut(ctx.db, {
      resident_id: id,
      channel,
      opted_out: optedOut,
      changed_by: userId,
      changed_at: now,
      area_path: resident.areaPath,
    });
  }
  return getPreferences(ctx, id);
}

/** The resident's messages, newest first: with an item about them, or to them (100 at most). */
export async function listMessages(ctx: AppContext, id: string): Promise<ReminderMessageList> {
  await residentIn(ctx.db, id);
  const rows = await messageRowsOf(ctx.db, id, 100);
  const items = await itemsOfMessages(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      recipientId: r.recipient_id,
      guardian: r.guardian,
      day: r.day,
      channel: r.channel,
      language: r.language,
      text: r.body,
      state: r.state,
      attempts: r.attempts,
      maxAttempts: r.max_attempts,
      sendAfter: new Date(r.send_after).toISOString(),
      sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
      lastError: r.last_error,
      createdAt: new Date(r.created_at).toISOString(),
      items: items
        .filter((i) => i.message_id === r.id)
        .map((i) => ({
          residentId: i.resident_id,
          kind: i.kind,
          programmeId: i.programme_id,
          itemId: i.item_id,
          episodeId: i.episode_id,
          dueFrom: i.due_from,
          leftOut: i.left_out,
        })),
    })),
  };
}
