/**
 * The outbox's decisions, pure: who receives a child's reminder (the household's head, or another
 * adult of the household), which channel a message goes out on, the item it lists, and what an
 * attempt leads to. Dates and instants are arguments; nothing here reads the clock or the database.
 */
import type { ProgrammeKind } from '../programmes/programmes.enums.ts';
import type { Delivery } from './adapter.ts';
import type { PlannedItem } from './grouping.rules.ts';
import type { ReminderChannel, ReminderLanguage, ReminderState } from './reminders.enums.ts';
import {
  afterFailedDelivery,
  ageOn,
  languageOf,
  nextSendableAt,
  type QuietHours,
  type Recipient,
  recipientOf,
  renderReminder,
  type Templates,
} from './reminders.rules.ts';

/** Attempts of a message before it fails: 5, 10 and 20 minutes apart (REMINDER_BACKOFF). */
export const REMINDER_MAX_ATTEMPTS = 4;

/** The age from which a household member may receive a child's reminder. */
export const ADULT_AGE = 18;

/** A due window the planner is given (programmes' dueForReminders answers these). */
export interface DueReminder {
  id: string;
  residentId: string;
  programmeId: string;
  kind: ProgrammeKind;
  itemId: string;
  episodeId: string | null;
  dueFrom: string;
  overdueAfter: string | null;
}

/** A person as the planner knows them (a resident, or a member of their household). */
export interface Person extends Recipient {
  birthDate: string | null;
  /** Whether they head the household. */
  head: boolean;
}

/**
 * The guardian of a child: the household's head when another person with a phone (of any age: a head
 * is taken for an adult), else the oldest member of 18 or more with a phone; null when none.
 */
export function guardianOf(childId: string, members: readonly Person[], today: string): Recipient | null {
  const others = members.filter((m) => m.residentId !== childId && m.phone);
  const head = others.find((m) => m.head);
  if (head) return head;
  const adults = others
    .filter((m) => m.birthDate !== null && ageOn(m.birthDate, today) >= ADULT_AGE)
    .sort((a, b) => a.birthDate!.localeCompare(b.birthDate!) || a.residentId.localeCompare(b.residentId));
  return adults[0] ?? null;
}

/** The first of the profile's channels (in its order) that has an adapter and that nobody opted out of. */
export function channelOf(
  profileChannels: readonly ReminderChannel[],
  available: ReadonlySet<ReminderChannel>,
  optedOut: ReadonlySet<ReminderChannel>,
): ReminderChannel | null {
  return profileChannels.find((c) => available.has(c) && !optedOut.has(c)) ?? null;
}

/** Whom a message reaches and how: what every message's plan starts from. */
export interface ReachInput {
  resident: Person;
  /** The resident's household, the resident among them or not. */
  household: readonly Person[];
  /** Channels each resident opted out of (the reminded one and the recipient count). */
  optOuts: ReadonlyMap<string, ReadonlySet<ReminderChannel>>;
  profile: {
    locale: string;
    timeZone: string;
    channels: readonly ReminderChannel[];
    quietHours?: QuietHours;
  };
  available: ReadonlySet<ReminderChannel>;
  templates: Templates;
  /** Where to come, in a language (the resident's station, or the templates' word for it). */
  place: (language: ReminderLanguage) => string;
  /** The day planned for (overdue or not on it) and the instant of planning. */
  asOf: string;
  now: Date;
}

export interface PlanInput extends ReachInput {
  due: DueReminder;
  /** The item's name in a language (the programme's item names). */
  itemName: (language: ReminderLanguage) => string;
}

/** An appointment to remind of (appointments' upcomingAppointments answers these). */
export interface AppointmentReminder {
  id: string;
  residentId: string;
  date: string;
  time: string | null;
}

export interface AppointmentPlanInput extends ReachInput {
  appointment: AppointmentReminder;
}

export type SkipReason = 'unreachable' | 'opted-out' | 'no-channel';

/** The programme id an appointment's messages are kept under (its item: the appointment's id). */
export const APPOINTMENT_PROGRAMME = 'appointment';

interface Reach {
  recipient: Recipient & { guardian: boolean };
  channel: ReminderChannel;
  language: ReminderLanguage;
}

/**
 * Whom a message reaches, on which channel, in which language (the recipient's own, else the
 * profile's locale), or why nobody: no phone, every channel opted out, no channel with an adapter.
 */
export function reachOf(i: ReachInput): Reach | { skip: SkipReason } {
  const guardian = guardianOf(i.resident.residentId, i.household, i.asOf);
  const recipient = recipientOf(i.resident, guardian, i.asOf);
  if (!recipient) return { skip: 'unreachable' };
  const optedOut = new Set([
    ...(i.optOuts.get(i.resident.residentId) ?? []),
    ...(i.optOuts.get(recipient.residentId) ?? []),
  ]);
  const channel = channelOf(i.profile.channels, i.available, optedOut);
  if (!channel) {
    const anyAvailable = i.profile.channels.some((c) => i.available.has(c));
    return { skip: anyAvailable ? 'opted-out' : 'no-channel' };
  }
  return { recipient, channel, language: languageOf(i.profile.locale, recipient.language ?? null) };
}

/**
 * One due window's item (the sentence it adds to its recipient's message of the day), or why there is
 * none: nobody to reach by phone, every channel opted out, or no channel of the profile with an
 * adapter. Not sent before the quiet hours end.
 */
export function planItem(i: PlanInput): { item: PlannedItem } | { skip: SkipReason } {
  const reach = reachOf(i);
  if ('skip' in reach) return reach;
  const { recipient, channel, language } = reach;
  const overdue = i.due.overdueAfter !== null && i.asOf > i.due.overdueAfter;
  const line = renderReminder(i.templates, { kind: i.due.kind }, language, {
    name: i.resident.name,
    item: i.itemName(language),
    dueFrom: i.due.dueFrom,
    overdue: overdue ? 'yes' : 'no',
    place: i.place(language),
  });
  const d = i.due;
  return {
    item: {
      residentId: d.residentId,
      recipientId: recipient.residentId,
      recipientName: recipient.name,
      kind: d.kind,
      programmeId: d.programmeId,
      itemId: d.itemId,
      episodeId: d.episodeId,
      dueFrom: d.dueFrom,
      channel,
      language,
      line,
      sendAfter: nextSendableAt(i.now, i.profile.timeZone, i.profile.quietHours),
    },
  };
}

/**
 * An appointment's item (its place: the facility it is at), or why there is none; one per
 * appointment (a reschedule is another appointment, so another item).
 */
export function planAppointmentItem(i: AppointmentPlanInput): { item: PlannedItem } | { skip: SkipReason } {
  const reach = reachOf(i);
  if ('skip' in reach) return reach;
  const { recipient, channel, language } = reach;
  const a = i.appointment;
  const line = renderReminder(i.templates, { appointment: true }, language, {
    name: i.resident.name,
    date: a.date,
    time: a.time ?? 'none',
    place: i.place(language),
  });
  return {
    item: {
      residentId: a.residentId,
      recipientId: recipient.residentId,
      recipientName: recipient.name,
      kind: 'appointment',
      programmeId: APPOINTMENT_PROGRAMME,
      itemId: a.id,
      episodeId: null,
      dueFrom: a.date,
      channel,
      language,
      line,
      sendAfter: nextSendableAt(i.now, i.profile.timeZone, i.profile.quietHours),
    },
  };
}

/**
 * What one attempt leads to: sent; or, failed, tried again after the backoff (moved past the quiet
 * hours) until the message's attempts are spent; a permanent failure ends it at once.
 */
export function afterAttempt(
  delivery: Delivery,
  attempts: number,
  maxAttempts: number,
  now: Date,
  timeZone: string,
  quiet: QuietHours | undefined,
): { state: Extract<ReminderState, 'sent' | 'failed'> } | { state: 'queued'; sendAfter: Date } {
  if (delivery.ok) return { state: 'sent' };
  if (delivery.permanent) return { state: 'failed' };
  const next = afterFailedDelivery(attempts, maxAttempts, now);
  if (next.state === 'failed') return { state: 'failed' };
  return { state: 'queued', sendAfter: nextSendableAt(next.runAfter, timeZone, quiet) };
}
