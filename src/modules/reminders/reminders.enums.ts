/** The channels are declared with the profile's `reminders` key (profiles name theirs). */
export { REMINDER_CHANNELS, type ReminderChannel } from '../../platform/profile.schema.ts';

/**
 * A message's life in the outbox: the attempt is written (sending) before the adapter is called;
 * skipped: the resident opted out of its channel after it was queued.
 */
export const REMINDER_STATES = ['queued', 'sending', 'sent', 'failed', 'skipped'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

/** The languages templates are written in. */
export const REMINDER_LANGUAGES = ['en', 'vi', 'zh'] as const;
export type ReminderLanguage = (typeof REMINDER_LANGUAGES)[number];
