import type { AppContext } from '../../platform/app-context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { newId } from '../../platform/ids.ts';
import { appointmentsInForce } from '../appointments/index.ts';
import { facilityNamesByIds } from '../facilities/index.ts';
import { householdMembersOf, type ResidentReach, residentReachByIds } from '../residents/index.ts';
import type { ReminderAdapters } from './adapter.ts';
import {
  attachTo,
  groupPerRecipient,
  itemsToSend,
  messageText,
  type PlannedGroup,
  type PlannedItem,
} from './grouping.rules.ts';
import {
  type AttemptEnd,
  claimMessages,
  endAttempt,
  insertItems,
  insertMessage,
  itemsOfMessages,
  knownItemKeys,
  leaveOutItems,
  messagesByKeysForUpdate,
  nextSendAfter,
  optOutsOf,
  setQueuedBody,
} from './outbox.queries.ts';
import {
  type AppointmentReminder,
  afterAttempt,
  type DueReminder,
  type Person,
  planAppointmentItem,
  planItem,
  REMINDER_MAX_ATTEMPTS,
  type ReachInput,
  type SkipReason,
} from './outbox.rules.ts';
import type { ReminderLanguage } from './reminders.enums.ts';
import { inQuietHours, itemKey, nextSendableAt } from './reminders.rules.ts';
import type {
  NewReminderMessageItemRow,
  NewReminderMessageRow,
  ReminderMessageItemRow,
} from './reminders.table.ts';
import { reminderTemplates } from './reminders.templates.ts';

/**
 * The outbox: due windows become items (load the residents and households, decide in
 * outbox.rules.ts), grouped into one message per recipient, channel and day (grouping.rules.ts;
 * written once by key, an item listed once), and a send run delivers what is due through the
 * adapters (claim and commit, leave out what an opt-out or a cancellation took away, call the
 * adapter, write the end). A crash between the claim and the end leaves the message `sending` until
 * its claim ends; the next run sends it again under the same key.
 */

const person = (r: ResidentReach): Person => ({
  residentId: r.id,
  name: r.fullName,
  phone: r.phone,
  birthDate: r.birthDate,
  head: r.head,
  language: r.language,
});

export interface PlanOptions {
  asOf: string;
  now: Date;
  adapters: ReminderAdapters;
  /** Only residents of this subtree (null: all). */
  areaPath: string | null;
  /** An item's name in a language (default: its id). */
  itemName?: (due: DueReminder, language: ReminderLanguage) => string;
}

/** What a plan did, counted by item (a message lists one or more). */
export interface PlanCounts {
  /** Items newly listed in a message. */
  queued: number;
  /** Items listed before (a re-plan). */
  already: number;
  /** Items left for another day: their recipient's message of the day had gone out. */
  later: number;
  /** Messages newly written. */
  messages: number;
  skipped: Record<SkipReason | 'not-active', number>;
}

export const emptyPlanCounts = (): PlanCounts => ({
  queued: 0,
  already: 0,
  later: 0,
  messages: 0,
  skipped: { unreachable: 0, 'opted-out': 0, 'no-channel': 0, 'not-active': 0 },
});

/** The residents of a batch with their households, opt-outs and stations: what planning reads. */
async function loadPeople(db: Db, residentIds: readonly string[], facilityIds: readonly string[] = []) {
  const residents = await residentReachByIds(db, residentIds);
  const households = await householdMembersOf(
    db,
    [...residents.values()].flatMap((r) => (r.householdId ? [r.householdId] : [])),
  );
  const everyone = [...residents.values(), ...[...households.values()].flat()];
  const optOuts = await optOutsOf(
    db,
    everyone.map((p) => p.id),
  );
  const facilities = await facilityNamesByIds(db, [
    ...new Set([
      ...facilityIds,
      ...[...residents.values()].flatMap((r) => (r.registeredFacilityId ? [r.registeredFacilityId] : [])),
    ]),
  ]);
  return { residents, households, optOuts, facilities };
}

type People = Awaited<ReturnType<typeof loadPeople>>;

/** What every message of a resident is planned from (their reach), or null when they are not reminded. */
function reachInputOf(
  ctx: Pick<AppContext, 'profile'>,
  people: People,
  residentId: string,
  options: PlanOptions,
  counts: PlanCounts,
  place: (language: ReminderLanguage) => string | undefined,
): ReachInput | null {
  const settings = ctx.profile.reminders!;
  const r = people.residents.get(residentId);
  if (!r?.current || r.status !== 'active') {
    counts.skipped['not-active']++;
    return null;
  }
  if (options.areaPath && !isWithin(r.areaPath, options.areaPath)) return null;
  const templates = reminderTemplates();
  return {
    resident: person(r),
    household: (r.householdId ? people.households.get(r.householdId) : undefined)?.map(person) ?? [],
    optOuts: people.optOuts,
    profile: {
      locale: ctx.profile.locale,
      timeZone: ctx.profile.timeZone,
      channels: settings.channels,
      quietHours: settings.quietHours,
    },
    available: new Set(options.adapters.keys()),
    templates,
    place: (l) => place(l) ?? templates.place[l],
    asOf: options.asOf,
    now: options.now,
  };
}

function messageRowOf(g: PlannedGroup, id: string, body: string, areaPath: string, now: Date) {
  return {
    id,
    idempotency_key: g.idempotencyKey,
    recipient_id: g.recipientId,
    guardian: g.guardian,
    day: g.day,
    channel: g.channel,
    language: g.language,
    body,
    state: 'queued',
    attempts: 0,
    max_attempts: REMINDER_MAX_ATTEMPTS,
    send_after: g.sendAfter,
    claimed_by: null,
    claimed_until: null,
    last_error: null,
    gateway_ref: null,
    sent_at: null,
    created_at: now,
    updated_at: now,
    area_path: areaPath,
  } satisfies NewReminderMessageRow;
}

function itemRowOf(
  i: PlannedItem,
  messageId: string,
  areaPath: string,
  now: Date,
): NewReminderMessageItemRow {
  return {
    id: newId(),
    message_id: messageId,
    resident_id: i.residentId,
    kind: i.kind,
    programme_id: i.programmeId,
    item_id: i.itemId,
    episode_id: i.episodeId,
    due_from: i.dueFrom,
    line: i.line,
    left_out: null,
    created_at: now,
    area_path: areaPath,
  };
}

/** The text of a message from its stored items, and whether any is about someone else. */
function textOf(rows: readonly ReminderMessageItemRow[], g: PlannedGroup) {
  return {
    body: messageText(
      reminderTemplates(),
      g.language,
      g.recipientName,
      rows.map((r) => r.line),
    ),
    guardian: rows.some((r) => r.resident_id !== g.recipientId),
  };
}

/**
 * Lists a batch's planned items in their recipients' messages of the day, in one transaction: an item
 * listed before is left out; a recipient's new items make a new message, or join the day's message
 * while it waits (its text written again), or, once it has gone out, wait for another day's.
 */
async function save(
  db: Db,
  items: readonly PlannedItem[],
  areaOf: ReadonlyMap<string, string>,
  options: Pick<PlanOptions, 'asOf' | 'now'>,
  counts: PlanCounts,
): Promise<PlanCounts> {
  if (items.length === 0) return counts;
  const now = options.now;
  await inTransaction(db, async (trx) => {
    const known = await knownItemKeys(
      trx,
      items.map((i) => i.residentId),
    );
    const fresh = items.filter((i) => !known.has(itemKey(i)));
    counts.already += items.length - fresh.length;
    const groups = groupPerRecipient(fresh, options.asOf);
    const held = new Map(
      (
        await messagesByKeysForUpdate(
          trx,
          groups.map((g) => g.idempotencyKey),
        )
      ).map((m) => [m.idempotency_key, m]),
    );
    for (const g of groups) {
      const existing = held.get(g.idempotencyKey);
      const how = attachTo(existing, g.language);
      if (how === 'later') {
        counts.later += g.items.length;
        continue;
      }
      const messageId = existing?.id ?? newId();
      if (how === 'new') {
        const body = messageText(
          reminderTemplates(),
          g.language,
          g.recipientName,
          g.items.map((i) => i.line),
        );
        const areaPath = areaOf.get(g.recipientId) ?? areaOf.get(g.items[0]!.residentId)!;
        if (!(await insertMessage(trx, messageRowOf(g, messageId, body, areaPath, now)))) {
          counts.later += g.items.length; // another planner wrote the day's message meanwhile
          continue;
        }
        counts.messages++;
      }
      const n = await insertItems(
        trx,
        g.items.map((i) => itemRowOf(i, messageId, areaOf.get(i.residentId)!, now)),
      );
      counts.queued += n;
      counts.already += g.items.length - n;
      if (how === 'append' || n < g.items.length) {
        const { body, guardian } = textOf(await itemsOfMessages(trx, [messageId]), g);
        await setQueuedBody(trx, messageId, body, guardian, now);
      }
    }
  });
  return counts;
}

/** Every person a batch knows, by id: their area path. */
function areasOf(people: People): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of [...people.residents.values(), ...[...people.households.values()].flat()])
    out.set(r.id, r.areaPath);
  return out;
}

/** Queues the items of a batch of due windows in their recipients' messages (an item listed once). */
export async function planReminders(
  ctx: Pick<AppContext, 'profile'> & { db: Db },
  dues: readonly DueReminder[],
  options: PlanOptions,
  counts: PlanCounts = emptyPlanCounts(),
): Promise<PlanCounts> {
  if (!ctx.profile.reminders || dues.length === 0) return counts;
  const people = await loadPeople(
    ctx.db,
    dues.map((d) => d.residentId),
  );
  const items: PlannedItem[] = [];
  for (const due of dues) {
    const r = people.residents.get(due.residentId);
    const station = r?.registeredFacilityId ? people.facilities.get(r.registeredFacilityId)?.name : undefined;
    const reach = reachInputOf(ctx, people, due.residentId, options, counts, () => station);
    if (!reach || !r) continue;
    const planned = planItem({
      ...reach,
      due,
      itemName: (l) => options.itemName?.(due, l) ?? due.itemId,
    });
    if ('skip' in planned) counts.skipped[planned.skip]++;
    else items.push(planned.item);
  }
  return save(ctx.db, items, areasOf(people), options, counts);
}

/**
 * Queues the reminders of a batch of appointments (upcoming, in force), an item each naming the
 * facility it is at, in their recipients' messages of the day; one listed before is left as it is.
 */
export async function planAppointmentReminders(
  ctx: Pick<AppContext, 'profile'> & { db: Db },
  appointments: readonly (AppointmentReminder & { facilityId: string })[],
  options: PlanOptions,
  counts: PlanCounts = emptyPlanCounts(),
): Promise<PlanCounts> {
  if (!ctx.profile.reminders || appointments.length === 0) return counts;
  const people = await loadPeople(
    ctx.db,
    appointments.map((a) => a.residentId),
    appointments.map((a) => a.facilityId),
  );
  const items: PlannedItem[] = [];
  for (const a of appointments) {
    const r = people.residents.get(a.residentId);
    const facility = people.facilities.get(a.facilityId)?.name;
    const reach = reachInputOf(ctx, people, a.residentId, options, counts, () => facility);
    if (!reach || !r) continue;
    const planned = planAppointmentItem({ ...reach, appointment: a });
    if ('skip' in planned) counts.skipped[planned.skip]++;
    else items.push(planned.item);
  }
  return save(ctx.db, items, areasOf(people), options, counts);
}

const isWithin = (path: string, ancestor: string) => path === ancestor || path.startsWith(`${ancestor}.`);

export interface SendOptions {
  adapters: ReminderAdapters;
  clock: Clock;
  areaPath: string | null;
  /** How long one delivery may take (the claim of a batch lasts batch × this, and a second). */
  timeoutMs: number;
  /** Messages claimed at a time (default 5): what a killed run may leave `sending`. */
  batch?: number;
  /** Told after every batch (the job's checkpoint: renews its lease, writes progress). */
  onBatch?: (counts: SendCounts) => Promise<void>;
  signal?: AbortSignal;
}

export interface SendCounts {
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
}

export interface SendAnswer extends SendCounts {
  /** Set when the run stopped for the quiet hours: when sending may resume. */
  quietUntil: Date | null;
  /** The earliest instant a queued message waits for (a retry, the quiet hours), or null. */
  nextAt: Date | null;
}

/**
 * Sends what is due, batch by batch, until nothing is left to claim (or the quiet hours begin, or
 * the run is told to stop). Each message is claimed (committed) before its adapter is called, and
 * its end written after; a resent message carries the same idempotency key. An item whose resident
 * or recipient opted out of the channel, or an appointment cancelled, is left out of the text (the
 * text sent is the one kept); a message left with none is skipped.
 */
export async function sendReminders(
  ctx: Pick<AppContext, 'profile'> & { db: Db },
  options: SendOptions,
  counts: SendCounts = { sent: 0, retrying: 0, failed: 0, skipped: 0 },
): Promise<SendAnswer> {
  const db = ctx.db;
  const zone = ctx.profile.timeZone;
  const quiet = ctx.profile.reminders?.quietHours;
  const batch = options.batch ?? 5;
  const claimedBy = `send:${newId()}`;
  for (;;) {
    if (options.signal?.aborted) break;
    const now = options.clock.now();
    if (inQuietHours(now, zone, quiet)) {
      return {
        ...counts,
        quietUntil: nextSendableAt(now, zone, quiet),
        nextAt: await nextSendAfter(db, options.areaPath),
      };
    }
    const claimed = await claimMessages(db, {
      claimedBy,
      now,
      claimedUntil: new Date(now.getTime() + batch * options.timeoutMs + 1000),
      areaPath: options.areaPath,
      limit: batch,
    });
    if (claimed.length === 0) break;
    const reach = await residentReachByIds(
      db,
      claimed.map((m) => m.recipient_id),
    );
    const items = await itemsOfMessages(
      db,
      claimed.map((m) => m.id),
    );
    const optOuts = await optOutsOf(db, [
      ...claimed.map((m) => m.recipient_id),
      ...items.map((i) => i.resident_id),
    ]);
    const appointments = await appointmentsInForce(
      db,
      items.flatMap((i) => (i.kind === 'appointment' ? [i.item_id] : [])),
    );
    for (const m of claimed) {
      const recipient = reach.get(m.recipient_id);
      const { kept, leftOut } = itemsToSend(
        items
          .filter((i) => i.message_id === m.id)
          .map((i) => ({
            id: i.id,
            residentId: i.resident_id,
            kind: i.kind,
            itemId: i.item_id,
            line: i.line,
            leftOut: i.left_out,
          })),
        { recipientId: m.recipient_id, channel: m.channel, optOuts, appointmentsInForce: appointments },
      );
      let text = m.body;
      if (leftOut.length > 0) {
        if (kept.length > 0)
          text = messageText(
            reminderTemplates(),
            m.language,
            recipient?.fullName ?? '',
            kept.map((k) => k.line),
          );
        const at = options.clock.now();
        if (!(await leaveOutItems(db, { messageId: m.id, claimedBy, body: text, now: at, leftOut })))
          continue;
      }
      let end: AttemptEnd;
      if (kept.length === 0) {
        end = { state: 'skipped', error: [...new Set(leftOut.map((l) => l.reason))].join('; ') };
      } else if (!recipient?.phone || !recipient.current) {
        end = { state: 'failed', error: 'the recipient has no phone number' };
      } else {
        const adapter = options.adapters.get(m.channel);
        const delivery = adapter
          ? await adapter.send({
              idempotencyKey: m.idempotency_key,
              messageId: m.id,
              channel: m.channel,
              to: recipient.phone,
              text,
              language: m.language,
            })
          : ({ ok: false, error: `no adapter is configured for ${m.channel}` } as const);
        const after = afterAttempt(delivery, m.attempts, m.max_attempts, options.clock.now(), zone, quiet);
        const error = delivery.ok ? '' : delivery.error;
        end =
          after.state === 'sent'
            ? { state: 'sent', ref: (delivery.ok && delivery.ref) || null }
            : after.state === 'queued'
              ? { state: 'queued', sendAfter: after.sendAfter, error }
              : { state: 'failed', error };
      }
      // A lost claim (another run took the message after it ended) leaves the row to that run.
      if (!(await endAttempt(db, m.id, claimedBy, options.clock.now(), end))) continue;
      if (end.state === 'sent') counts.sent++;
      else if (end.state === 'queued') counts.retrying++;
      else if (end.state === 'failed') counts.failed++;
      else counts.skipped++;
    }
    await options.onBatch?.(counts);
  }
  return { ...counts, quietUntil: null, nextAt: await nextSendAfter(db, options.areaPath) };
}
