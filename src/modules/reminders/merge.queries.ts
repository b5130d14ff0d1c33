import type { Db } from '../../platform/db/database.ts';
import type { MergeParty } from '../residents/index.ts';

/**
 * A merge of duplicate residents and the outbox: the duplicate's messages and opt-outs go to the
 * survivor, combined so that nothing is sent twice, and an undo puts back exactly what moved. The
 * ids answered say what was done to each row (the merge's snapshot keeps them):
 * - `item:<id>` an item about the duplicate now about the survivor;
 * - `leave:<id>` an item of a waiting message left out of it because the other record had the same
 *   reminder (the one already sent, or the survivor's own when both wait);
 * - `to:<id>` a message to the duplicate now to the survivor;
 * - `opt:<channel>` the duplicate's choice about a channel the survivor had none for, moved;
 * - `optout:<channel>` the survivor opted out of a channel because the duplicate had.
 * Merges made before messages were grouped per recipient (2026_12_08_1500) answered `msg:<id>` (an
 * item now, under its message's id) and `skip:<id>` (a message skipped); their undo still reads them.
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

  const items = await db
    .selectFrom('reminder_message_item as i')
    .innerJoin('reminder_message as m', 'm.id', 'i.message_id')
    .select([
      'i.id',
      'i.resident_id',
      'i.programme_id',
      'i.item_id',
      'i.episode_id',
      'i.due_from',
      'i.left_out',
      'm.state',
    ])
    .where('i.resident_id', 'in', [from.id, to.id])
    .execute();
  const keyOf = (i: (typeof items)[number]) =>
    [i.programme_id, i.item_id, i.episode_id ?? '', i.due_from].join('|');
  const survivors = new Map(items.filter((i) => i.resident_id === to.id).map((i) => [keyOf(i), i]));
  const leave = async (i: (typeof items)[number]) => {
    if (i.state !== 'queued' || i.left_out !== null) return;
    await db.updateTable('reminder_message_item').set({ left_out: MERGED }).where('id', '=', i.id).execute();
    done.push(`leave:${i.id}`);
  };
  for (const i of items.filter((i) => i.resident_id === from.id)) {
    const same = survivors.get(keyOf(i));
    if (!same) {
      await db
        .updateTable('reminder_message_item')
        .set({ resident_id: to.id, area_path: to.areaPath })
        .where('id', '=', i.id)
        .execute();
      done.push(`item:${i.id}`);
    } else if (GONE_OUT.has(i.state) && same.state === 'queued') await leave(same);
    else await leave(i);
  }

  const toDuplicate = await db
    .updateTable('reminder_message')
    .set({ recipient_id: to.id, area_path: to.areaPath })
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
    if (what === 'item' || what === 'msg')
      await db
        .updateTable('reminder_message_item')
        .set({ resident_id: from.id, area_path: from.areaPath })
        .where('id', '=', id)
        .execute();
    else if (what === 'to')
      await db
        .updateTable('reminder_message')
        .set({ recipient_id: from.id, area_path: from.areaPath })
        .where('id', '=', id)
        .execute();
    else if (what === 'leave')
      await db
        .updateTable('reminder_message_item')
        .set({ left_out: null })
        .where('id', '=', id)
        .where('left_out', '=', MERGED)
        .execute();
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
