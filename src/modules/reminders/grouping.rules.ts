/**
 * Reminders grouped per recipient, pure: the items planned for one recipient on one channel on one
 * day make one message (a guardian of three children due, or a resident due for two things, gets one
 * text listing them), its text from the items' lines, whether a new item joins the day's message, and
 * which items a message still carries when it goes out (an opt-out or a cancelled appointment leaves
 * one out). Nothing here reads the clock or the database.
 */
import type { ProgrammeKind } from '../programmes/programmes.enums.ts';
import type { ReminderChannel, ReminderLanguage, ReminderState } from './reminders.enums.ts';
import { itemKey, messageKey, renderReminder, type Templates } from './reminders.rules.ts';

/** One due item (or appointment) planned: whom it reaches, how, and the sentence it adds. */
export interface PlannedItem {
  residentId: string;
  recipientId: string;
  recipientName: string;
  kind: ProgrammeKind | 'appointment';
  programmeId: string;
  itemId: string;
  episodeId: string | null;
  dueFrom: string;
  channel: ReminderChannel;
  language: ReminderLanguage;
  line: string;
  sendAfter: Date;
}

/** One message to plan: a recipient's items of the day on one channel. */
export interface PlannedGroup {
  idempotencyKey: string;
  recipientId: string;
  recipientName: string;
  channel: ReminderChannel;
  language: ReminderLanguage;
  day: string;
  /** Whether any item is about someone else than the recipient. */
  guardian: boolean;
  /** The latest of its items' (all the same within one plan). */
  sendAfter: Date;
  items: PlannedItem[];
}

/**
 * The items of a day grouped into messages, one per recipient and channel, in the order each first
 * appears. Within a message, the recipient's own items first, then the others' by resident, then by due
 * date and item; an item listed twice is kept once.
 *
 * @example groupPerRecipient([childA, childB, mothersOwn], '2026-12-02')
 * // one group keyed 'mother|zalo|2026-12-02' listing mothersOwn, childA, childB
 */
export function groupPerRecipient(items: readonly PlannedItem[], day: string): PlannedGroup[] {
  const groups = new Map<string, PlannedGroup>();
  const seen = new Set<string>();
  for (const item of items) {
    const id = itemKey(item);
    if (seen.has(id)) continue;
    seen.add(id);
    const key = messageKey({ recipientId: item.recipientId, channel: item.channel, day });
    const g = groups.get(key);
    if (!g)
      groups.set(key, {
        idempotencyKey: key,
        recipientId: item.recipientId,
        recipientName: item.recipientName,
        channel: item.channel,
        language: item.language,
        day,
        guardian: item.residentId !== item.recipientId,
        sendAfter: item.sendAfter,
        items: [item],
      });
    else {
      g.items.push(item);
      g.guardian ||= item.residentId !== item.recipientId;
      if (+item.sendAfter > +g.sendAfter) g.sendAfter = item.sendAfter;
    }
  }
  const rank = (g: PlannedGroup, i: PlannedItem) => (i.residentId === g.recipientId ? 0 : 1);
  for (const g of groups.values())
    g.items.sort(
      (a, b) =>
        rank(g, a) - rank(g, b) ||
        a.residentId.localeCompare(b.residentId) ||
        a.dueFrom.localeCompare(b.dueFrom) ||
        a.programmeId.localeCompare(b.programmeId) ||
        a.itemId.localeCompare(b.itemId),
    );
  return [...groups.values()];
}

/**
 * A message's text from its items' lines: one item, its sentence as it is; several, a first line
 * naming the recipient and how many, then one line each.
 *
 * @example messageText(t, 'en', 'Lan', ['An: BCG is due …', 'Bình: MR 1 is due …'])
 * // 'Lan, 2 reminders from the health station:\n- An: BCG is due …\n- Bình: MR 1 is due …'
 */
export function messageText(
  templates: Templates,
  language: ReminderLanguage,
  recipientName: string,
  lines: readonly string[],
): string {
  if (lines.length <= 1) return lines[0] ?? '';
  const head = renderReminder(templates, { group: true }, language, {
    recipient: recipientName,
    count: String(lines.length),
  });
  return [head, ...lines.map((l) => `- ${l}`)].join('\n');
}

/**
 * What becomes of a day's new items for a recipient and channel, given the message the outbox already
 * holds under the day's key: a new message; added to it while it waits (queued, in the same
 * language: its text is written again); or, once it has gone out (or is going), left for another
 * day's message, so that the recipient still gets one message a day.
 */
export function attachTo(
  existing: { state: ReminderState; language: ReminderLanguage } | undefined,
  language: ReminderLanguage,
): 'new' | 'append' | 'later' {
  if (!existing) return 'new';
  return existing.state === 'queued' && existing.language === language ? 'append' : 'later';
}

/** An item of a claimed message, as the send run reads it. */
export interface ItemToSend {
  id: string;
  residentId: string;
  kind: ProgrammeKind | 'appointment';
  itemId: string;
  line: string;
  leftOut: string | null;
}

/**
 * Which items a message still carries when it goes out: one whose resident (or the recipient) opted
 * out of the message's channel, an appointment no longer in force, or one left out before (a merge)
 * is left out, with why. No item kept: the message is skipped.
 */
export function itemsToSend(
  items: readonly ItemToSend[],
  c: {
    recipientId: string;
    channel: ReminderChannel;
    optOuts: ReadonlyMap<string, ReadonlySet<ReminderChannel>>;
    appointmentsInForce: ReadonlySet<string>;
  },
): { kept: ItemToSend[]; leftOut: { id: string; reason: string }[] } {
  const kept: ItemToSend[] = [];
  const leftOut: { id: string; reason: string }[] = [];
  const recipientOut = c.optOuts.get(c.recipientId)?.has(c.channel) ?? false;
  for (const i of items) {
    const reason =
      i.leftOut ??
      (recipientOut || c.optOuts.get(i.residentId)?.has(c.channel)
        ? `opted out of ${c.channel}`
        : i.kind === 'appointment' && !c.appointmentsInForce.has(i.itemId)
          ? 'the appointment was cancelled or rescheduled'
          : null);
    if (reason) leftOut.push({ id: i.id, reason });
    else kept.push(i);
  }
  return { kept, leftOut };
}
