import type { Insertable, Selectable } from 'kysely';
import type { ProgrammeKind } from '../programmes/programmes.enums.ts';
import type { ReminderChannel, ReminderLanguage, ReminderState } from './reminders.enums.ts';

/**
 * One message of the outbox: a due item (or an appointment) of a resident, to the resident or their
 * guardian, on one channel, under its idempotency key. The recipient's phone is not copied here: it is
 * read when the message is sent.
 */
export interface ReminderMessageTable {
  id: string;
  idempotency_key: string;
  /** The resident the reminder is about (a child, for a vaccination). */
  resident_id: string;
  /** Who receives it: the resident, or their guardian (`guardian`). */
  recipient_id: string;
  guardian: boolean;
  kind: ProgrammeKind | 'appointment';
  programme_id: string;
  item_id: string;
  episode_id: string | null;
  due_from: string;
  channel: ReminderChannel;
  language: ReminderLanguage;
  /** The text, rendered from the template when the message was queued. */
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
export type ReminderOptOutRow = Selectable<ReminderOptOutTable>;
