/**
 * The reminders' decisions, pure: quiet hours in the country's time zone, the item's and the message's
 * keys, the language, who receives a child's reminder, the text from its template, and what a failed
 * delivery leads to. Instants and dates are arguments; nothing here reads the clock.
 */
import IntlMessageFormat from 'intl-messageformat';
import { wholeYearsBetween } from '../../platform/dates.ts';
import { afterFailure, type Backoff } from '../jobs/index.ts';
import type { ProgrammeKind } from '../programmes/programmes.enums.ts';
import { REMINDER_LANGUAGES, type ReminderChannel, type ReminderLanguage } from './reminders.enums.ts';

/** Quiet hours as the profile writes them: 'HH:MM' local times; `from` later than `to` spans midnight. */
export interface QuietHours {
  from: string;
  to: string;
}

const minutesOf = (hhmm: string): number => {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new Error(`quiet hours: "${hhmm}" is not HH:MM`);
  return Number(m[1]) * 60 + Number(m[2]);
};

/** Minutes since local midnight of an instant in a time zone. */
export function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(at)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return Number(parts.hour) * 60 + Number(parts.minute);
}

/** Whether an instant falls in the quiet hours of a time zone ([from, to): at `to` sending resumes). */
export function inQuietHours(at: Date, timeZone: string, quiet: QuietHours | undefined): boolean {
  if (!quiet) return false;
  const now = localMinutes(at, timeZone);
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return false;
  return from < to ? now >= from && now < to : now >= from || now < to;
}

/** The first instant at or after `at` outside the quiet hours (zones without daylight saving: VN, CN). */
export function nextSendableAt(at: Date, timeZone: string, quiet: QuietHours | undefined): Date {
  if (!quiet || !inQuietHours(at, timeZone, quiet)) return at;
  const wait = (minutesOf(quiet.to) - localMinutes(at, timeZone) + 1440) % 1440;
  const start = new Date(at.getTime() + wait * 60_000);
  start.setUTCSeconds(0, 0);
  return start;
}

/** What makes one item one: the same due item of the same resident is reminded once, in one message. */
export interface ReminderItemIdentity {
  residentId: string;
  programmeId: string;
  itemId: string;
  episodeId: string | null;
  dueFrom: string;
}

/**
 * An item's key: the outbox lists a due item (or an appointment) in one message only.
 *
 * @example itemKey({ residentId: 'r', programmeId: 'epi', itemId: 'dtp3', episodeId: null, dueFrom: '2026-12-01' })
 * // 'r|epi|dtp3|-|2026-12-01'
 */
export function itemKey(m: ReminderItemIdentity): string {
  return [m.residentId, m.programmeId, m.itemId, m.episodeId ?? '-', m.dueFrom].join('|');
}

/**
 * A message's idempotency key: one message per recipient, channel and day, unique in the outbox and
 * passed to the adapter, so a re-run or a killed run never sends it twice.
 *
 * @example messageKey({ recipientId: 'm', channel: 'zalo', day: '2026-12-02' }) // 'm|zalo|2026-12-02'
 */
export function messageKey(m: { recipientId: string; channel: ReminderChannel; day: string }): string {
  return [m.recipientId, m.channel, m.day].join('|');
}

/** The language of a message: the resident's own when known and written, else the profile's locale's. */
export function languageOf(profileLocale: string, residentLanguage?: string | null): ReminderLanguage {
  const pick = (tag: string | null | undefined) =>
    REMINDER_LANGUAGES.find((l) => tag?.toLowerCase().split('-')[0] === l);
  return pick(residentLanguage) ?? pick(profileLocale) ?? 'en';
}

/** The age below which a reminder goes to the child's guardian (the household's head). */
export const GUARDIAN_BELOW_AGE = 16;

/** Whole years between a birth date and a date, both 'YYYY-MM-DD'. */
export const ageOn = wholeYearsBetween;

export interface Recipient {
  residentId: string;
  phone: string | null;
  name: string;
  /** The language they read (a locale tag, e.g. 'vi-VN' or 'zh'); null: the profile's. */
  language?: string | null;
}

/**
 * Who receives the reminder: a child's guardian (the household's head, when another person with a
 * phone), else the resident; null when nobody has a phone to reach.
 */
export function recipientOf(
  resident: Recipient & { birthDate: string | null },
  head: Recipient | null,
  today: string,
): (Recipient & { guardian: boolean }) | null {
  const minor = resident.birthDate !== null && ageOn(resident.birthDate, today) < GUARDIAN_BELOW_AGE;
  if (minor && head && head.residentId !== resident.residentId && head.phone)
    return { ...head, guardian: true };
  if (resident.phone) return { ...resident, guardian: false };
  if (head?.phone) return { ...head, guardian: true };
  return null;
}

export interface Templates {
  programmes: Record<ProgrammeKind, Record<ReminderLanguage, string>>;
  appointment: Record<ReminderLanguage, string>;
  /** The first line of a message listing several items: `{recipient}` and `{count}`. */
  group: Record<ReminderLanguage, string>;
  /** Where to come when the resident has no registered facility: the words for one's own station. */
  place: Record<ReminderLanguage, string>;
}

export type TemplateValues = Record<string, string>;

/** An item's sentence (or a message's first line) from its template (ICU MessageFormat) in a language. */
export function renderReminder(
  templates: Templates,
  what: { kind: ProgrammeKind } | { appointment: true } | { group: true },
  language: ReminderLanguage,
  values: TemplateValues,
): string {
  const source =
    'kind' in what
      ? templates.programmes[what.kind][language]
      : 'group' in what
        ? templates.group[language]
        : templates.appointment[language];
  return String(new IntlMessageFormat(source, language).format(values));
}

export const REMINDER_BACKOFF: Backoff = { baseMs: 5 * 60_000, capMs: 6 * 60 * 60_000 };

/** A failed delivery is tried again after the backoff, up to `maxAttempts`; then the message fails. */
export function afterFailedDelivery(attempts: number, maxAttempts: number, now: Date) {
  return afterFailure(attempts, maxAttempts, now, REMINDER_BACKOFF);
}
