import type { AppContext } from '../../platform/app-context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { appointmentsInForce } from '../appointments/index.ts';
import { facilityNamesByIds } from '../facilities/index.ts';
import { householdMembersOf, type ResidentReach, residentReachByIds } from '../residents/index.ts';
import type { ReminderAdapters } from './adapter.ts';
import {
  type AttemptEnd,
  claimMessages,
  endAttempt,
  insertMessages,
  nextSendAfter,
  optOutsOf,
} from './outbox.queries.ts';
import {
  type AppointmentReminder,
  afterAttempt,
  type DueReminder,
  type Person,
  type PlannedMessage,
  planAppointmentMessage,
  planMessage,
  REMINDER_MAX_ATTEMPTS,
  type ReachInput,
  type SkipReason,
} from './outbox.rules.ts';
import type { ReminderLanguage } from './reminders.enums.ts';
import { inQuietHours, nextSendableAt } from './reminders.rules.ts';
import type { NewReminderMessageRow } from './reminders.table.ts';
import { reminderTemplates } from './reminders.templates.ts';

/**
 * The outbox: due windows become messages (load the residents and households, decide in
 * outbox.rules.ts, insert once by key), and a send run delivers what is due through the adapters
 * (claim and commit, call the adapter, write the end). A crash between the claim and the end leaves
 * the message `sending` until its claim ends; the next run sends it again under the same key.
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

export interface PlanCounts {
  queued: number;
  /** Already in the outbox (a re-plan). */
  already: number;
  skipped: Record<SkipReason | 'not-active', number>;
}

export const emptyPlanCounts = (): PlanCounts => ({
  queued: 0,
  already: 0,
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

function rowOf(m: PlannedMessage, areaPath: string, now: Date): NewReminderMessageRow {
  return {
    id: newId(),
    idempotency_key: m.idempotencyKey,
    resident_id: m.residentId,
    recipient_id: m.recipientId,
    guardian: m.guardian,
    kind: m.kind,
    programme_id: m.programmeId,
    item_id: m.itemId,
    episode_id: m.episodeId,
    due_from: m.dueFrom,
    channel: m.channel,
    language: m.language,
    body: m.body,
    state: 'queued',
    attempts: 0,
    max_attempts: REMINDER_MAX_ATTEMPTS,
    send_after: m.sendAfter,
    claimed_by: null,
    claimed_until: null,
    last_error: null,
    gateway_ref: null,
    sent_at: null,
    created_at: now,
    updated_at: now,
    area_path: areaPath,
  };
}

async function save(db: Db, rows: NewReminderMessageRow[], counts: PlanCounts): Promise<PlanCounts> {
  const inserted = await insertMessages(db, rows);
  counts.queued += inserted;
  counts.already += rows.length - inserted;
  return counts;
}

/** Queues the messages of a batch of due windows (a window already queued is left as it is). */
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
  const rows: NewReminderMessageRow[] = [];
  for (const due of dues) {
    const r = people.residents.get(due.residentId);
    const station = r?.registeredFacilityId ? people.facilities.get(r.registeredFacilityId)?.name : undefined;
    const reach = reachInputOf(ctx, people, due.residentId, options, counts, () => station);
    if (!reach || !r) continue;
    const planned = planMessage({
      ...reach,
      due,
      itemName: (l) => options.itemName?.(due, l) ?? due.itemId,
    });
    if ('skip' in planned) counts.skipped[planned.skip]++;
    else rows.push(rowOf(planned.message, r.areaPath, options.now));
  }
  return save(ctx.db, rows, counts);
}

/**
 * Queues the reminders of a batch of appointments (upcoming, in force), one per appointment, naming
 * the facility it is at; one already queued is left as it is.
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
  const rows: NewReminderMessageRow[] = [];
  for (const a of appointments) {
    const r = people.residents.get(a.residentId);
    const facility = people.facilities.get(a.facilityId)?.name;
    const reach = reachInputOf(ctx, people, a.residentId, options, counts, () => facility);
    if (!reach || !r) continue;
    const planned = planAppointmentMessage({ ...reach, appointment: a });
    if ('skip' in planned) counts.skipped[planned.skip]++;
    else rows.push(rowOf(planned.message, r.areaPath, options.now));
  }
  return save(ctx.db, rows, counts);
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
 * its end written after; a resent message carries the same idempotency key.
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
    const optOuts = await optOutsOf(
      db,
      claimed.flatMap((m) => [m.resident_id, m.recipient_id]),
    );
    const appointments = await appointmentsInForce(
      db,
      claimed.flatMap((m) => (m.kind === 'appointment' ? [m.item_id] : [])),
    );
    for (const m of claimed) {
      const recipient = reach.get(m.recipient_id);
      let end: AttemptEnd;
      if (optOuts.get(m.resident_id)?.has(m.channel) || optOuts.get(m.recipient_id)?.has(m.channel)) {
        end = { state: 'skipped', error: `opted out of ${m.channel}` };
      } else if (m.kind === 'appointment' && !appointments.has(m.item_id)) {
        end = { state: 'skipped', error: 'the appointment was cancelled or rescheduled' };
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
              text: m.body,
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
