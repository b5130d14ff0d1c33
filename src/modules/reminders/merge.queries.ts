import type { Db } from '../../platform/db/database.ts';
import type { MergeParty } from '../residents/index.ts';

/**
 * A merge of duplicate residents and the outbox: the duplicate's messages and opt-outs go to the
 * survivor, combined so that nothing is sent twice, and an undo puts back exactly what moved. The
 * ids answered say what was done to each row (the merge's snapshot keeps them):
 * - `msg:<id>` a message about the duplicate now about the survivor;
 * - `skip:<id>` a queued message left unsent because the other record had the same reminder (the
 *   one already sent, or the survivor's own when both wait);
 * - `to:<id>` a message to the duplicate (as a guardian) now to the survivor;
 * - `opt:<channel>` the duplicate's choice about a channel the survivor had none for, moved;
 * - `optout:<channel>` the survivor opted out of a channel because the duplicate had.
 */

const MERGED = 'merged: the same reminder was kept on the other record';

/** The state a message is in when it is about to be sent or has been. */
const GONE_OUT = new Set(['sending', 'sent']);

export async function moveReminders(db: Db, from: MergeParty, to: MergeParty): Promise<string[]> {
  const done: string[] = [];

  const choices = await db
    .selectFrom('reminder_opt_out')
    .selectAll()
    .where('resident_id', 'in', [from.id, to.id])
    .execute();
  const survivorHas = new Map(choices.filter((c) => c.resident_id === to.id).map((c) => [c.channel, c]));
  for (const c of choices.filter((c) => c.resident_id === from.id)) {
    const theirs = survivorHas.get(c.channel);
    if (!theirs) {
      await db
        .updateTable('reminder_opt_out')
        .set({ resident_id: to.id, area_path: to.areaPath })
        .where('resident_id', '=', from.id)
        .where('channel', '=', c.channel)
        .execute();
      done.push(`opt:${c.channel}`);
    } else if (c.opted_out && !theirs.opted_out) {
      // Either record's opt-out holds for the person.
      await db
        .updateTable('reminder_opt_out')
        .set({ opted_out: true, changed_by: c.changed_by, changed_at: c.changed_at })
        .where('resident_id', '=', to.id)
        .where('channel', '=', c.channel)
        .execute();
      done.push(`optout:${c.channel}`);
    }
  }

  const messages = await db
    .selectFrom('reminder_message')
    .select(['id', 'resident_id', 'programme_id', 'item_id', 'episode_id', 'due_from', 'state'])
    .where('resident_id', 'in', [from.id, to.id])
    .execute();
  const keyOf = (m: (typeof messages)[number]) =>
    [m.programme_id, m.item_id, m.episode_id ?? '', m.due_from].join('|');
  const survivors = new Map(messages.filter((m) => m.resident_id === to.id).map((m) => [keyOf(m), m]));
  const skip = async (id: string) => {
    await db
      .updateTable('reminder_message')
      .set({ state: 'skipped', last_error: MERGED })
      .where('id', '=', id)
      .where('state', '=', 'queued')
      .execute();
    done.push(`skip:${id}`);
  };
  for (const m of messages.filter((m) => m.resident_id === from.id)) {
    const same = survivors.get(keyOf(m));
    if (!same) {
      await db
        .updateTable('reminder_message')
        .set({ resident_id: to.id, area_path: to.areaPath })
        .where('id', '=', m.id)
        .execute();
      done.push(`msg:${m.id}`);
    } else if (GONE_OUT.has(m.state) && same.state === 'queued') await skip(same.id);
    else if (m.state === 'queued') await skip(m.id);
  }

  const toDuplicate = await db
    .updateTable('reminder_message')
    .set({ recipient_id: to.id })
    .where('recipient_id', '=', from.id)
    .returning('id')
    .execute();
  done.push(...toDuplicate.map((r) => `to:${r.id}`));
  return done;
}

/** A merge undone: what `moveReminders` did, taken back. */
export async function unmoveReminders(
  db: Db,
  done: readonly string[],
  from: MergeParty,
  to: MergeParty,
): Promise<void> {
  for (const entry of done) {
    const at = entry.indexOf(':');
    const what = entry.slice(0, at);
    const id = entry.slice(at + 1);
    if (what === 'msg')
      await db
        .updateTable('reminder_message')
        .set({ resident_id: from.id, area_path: from.areaPath })
        .where('id', '=', id)
        .execute();
    else if (what === 'to')
      await db.updateTable('reminder_message').set({ recipient_id: from.id }).where('id', '=', id).execute();
    else if (what === 'skip')
      await db
        .updateTable('reminder_message')
        .set({ state: 'queued', last_error: null })
        .where('id', '=', id)
        .where('state', '=', 'skipped')
        .where('last_error', '=', MERGED)
        .execute();
    else if (what === 'opt')
      await db
        .updateTable('reminder_opt_out')
        .set({ resident_id: from.id, area_path: from.areaPath })
        .where('resident_id', '=', to.id)
        .where('channel', '=', id as never)
        .execute();
    else if (what === 'optout')
      await db
        .updateTable('reminder_opt_out')
        .set({ opted_out: false })
        .where('resident_id', '=', to.id)
        .where('channel', '=', id as never)
        .execute();
  }
}
