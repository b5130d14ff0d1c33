import Type, { type Static } from 'typebox';
import { Count, IsoDate, Nullable, Uuid } from '../../platform/schema.ts';
import { PROGRAMME_KINDS } from '../programmes/programmes.enums.ts';
import { REMINDER_CHANNELS, REMINDER_LANGUAGES, REMINDER_STATES } from './reminders.enums.ts';

/**
 * Every request and answer of /api/residents/:id/reminder-preferences and /api/residents/:id/reminders,
 * declared once: the routes validate with them, the OpenAPI document shows them, the web app takes
 * its types from them.
 */

export const ResidentParams = Type.Object({ id: Uuid('The resident id') });
export type ResidentParams = Static<typeof ResidentParams>;

const Channel = Type.Enum(REMINDER_CHANNELS, { description: 'A channel reminders go out on' });

export const ChannelPreference = Type.Object({
  channel: Channel,
  optedOut: Type.Boolean(),
  changedAt: Nullable(
    Type.String({ description: 'When the choice was last recorded (ISO 8601); null: never' }),
  ),
});

export const ReminderPreferences = Type.Object({
  residentId: Type.String(),
  /** The profile's channels, in its order. */
  channels: Type.Array(ChannelPreference),
});
export type ReminderPreferences = Static<typeof ReminderPreferences>;

export const PutReminderPreferences = Type.Object(
  {
    optedOut: Type.Array(Channel, {
      uniqueItems: true,
      maxItems: REMINDER_CHANNELS.length,
      description:
        "The channels the resident does not want reminders on (of the profile's); the others are in",
    }),
  },
  { additionalProperties: false },
);
export type PutReminderPreferences = Static<typeof PutReminderPreferences>;

export const ReminderMessageItem = Type.Object({
  residentId: Type.String({ description: 'Whom the item is about' }),
  kind: Type.Enum([...PROGRAMME_KINDS, 'appointment']),
  programmeId: Type.String(),
  itemId: Type.String(),
  episodeId: Nullable(Type.String()),
  dueFrom: IsoDate(),
  leftOut: Nullable(
    Type.String({
      description: 'Why it was left out of the text when the message went out; null: it was in it',
    }),
  ),
});

export const ReminderMessage = Type.Object({
  id: Type.String(),
  recipientId: Type.String({ description: 'Who receives it: the resident, or a guardian' }),
  guardian: Type.Boolean({ description: 'Whether an item is about someone else than the recipient' }),
  day: IsoDate('The day it was planned for: one message per recipient, channel and day'),
  channel: Channel,
  language: Type.Enum(REMINDER_LANGUAGES),
  text: Type.String(),
  state: Type.Enum(REMINDER_STATES),
  attempts: Count(),
  maxAttempts: Count(),
  sendAfter: Type.String({ description: 'Not sent before this instant (ISO 8601)' }),
  sentAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
  createdAt: Type.String(),
  items: Type.Array(ReminderMessageItem, { description: 'What it reminds of, in the order of its text' }),
});
export type ReminderMessage = Static<typeof ReminderMessage>;

export const ReminderMessageList = Type.Object({ items: Type.Array(ReminderMessage) });
export type ReminderMessageList = Static<typeof ReminderMessageList>;
