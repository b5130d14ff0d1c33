import type { Insertable, Selectable } from 'kysely';
import type { ProgrammeKind } from '../programmes/programmes.enums.ts';
import type { ReminderChannel, ReminderLanguage, ReminderState } from './reminders.enums.ts';

/**
 * One message of the outbox: what one recipient (a resident, or a child's guardian) receives on one
 * channel on one day, under its idempotency key (`recipient|channel|day`), listing its items
 * (reminder_message_item). The recipient's phone is not copied here: it is read when the message is sent.
 */
export interface ReminderMessageTable {
  id: string;
  idempotency_key: string;
  /** Who receives it. */
  recipient_id: string;
  /** Whether any item is about someone else than the recipient (a child, through their guardian). */
  guardian: boolean;
  /** The day it was planned for (the profile's date). */
  day: string;
  channel: ReminderChannel;
  language: ReminderLanguage;
  /** The text: its items' lines, rendered when queued (again at sending when an item is left out). */
  body: string;
  state: ReminderState;
  /** Attempts count at the claim: a killed attempt counts. */
  attempts: number;
  max_attempts: number;
  /** Not sent before this instant (quiet hours, a retry's backoff). */
  send_after: Date;
  /** The claim of a send run: who holds the message while it is 'sending', and until when. */
  claimed_by: string | null;
  claimed_until: Date | null;
  last_error: string | null;
  gateway_ref: string | null;
  sent_at: Date | null;
  created_at: Date;
  updated_at: Date;
  /** The recipient's area. */
  area_path: string;
}

/**
 * One item a message lists: a due item (or an appointment) of a resident, reminded once whatever the
 * message (unique by resident, programme, item, episode and due date).
 */
export interface ReminderMessageItemTable {
  id: string;
  message_id: string;
  /** The resident the item is about (a child, for a vaccination). */
  resident_id: string;
  kind: ProgrammeKind | 'appointment';
  programme_id: string;
  item_id: string;
  episode_id: string | null;
  due_from: string;
  /** The sentence it adds to the message, in the message's language. */
  line: string;
  /** Why it was left out of the text when the message went out (null: it was in it). */
  left_out: string | null;
  created_at: Date;
  /** The resident's area. */
  area_path: string;
}

/** A resident's choice about one channel: opted out, or (after opting in again) not. */
export interface ReminderOptOutTable {
  resident_id: string;
  channel: ReminderChannel;
  opted_out: boolean;
  changed_by: string | null;
  changed_at: Date;
  area_path: string;
}

export type ReminderMessageRow = Selectable<ReminderMessageTable>;
export type NewReminderMessageRow = Insertable<ReminderMessageTable>;
export type ReminderMessageItemRow = Selectable<ReminderMessageItemTable>;
export type NewReminderMessageItemRow = Insertable<ReminderMessageItemTable>;
export type ReminderOptOutRow = Selectable<ReminderOptOutTable>;
