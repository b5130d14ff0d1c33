/**
 * Reminders to residents (or a child's guardian): the outbox, its adapters (webhook, file; the
 * gateways through the same interface) and the jobs that plan and send. Other modules import only
 * this file. Importing it registers the job kinds.
 */
import './reminders.jobs.ts';
import { registerLinkedRecordMover } from '../residents/index.ts';
import { moveReminders, unmoveReminders } from './merge.queries.ts';

// A merge of duplicate residents carries their messages and opt-outs to the survivor, combined so
// that nothing is sent twice (merge.queries.ts); an undo takes back exactly what it did.
registerLinkedRecordMover({ name: 'reminders', move: moveReminders, undo: unmoveReminders });

export {
  adaptersOf,
  type Delivery,
  type OutgoingReminder,
  type ReminderAdapter,
  type ReminderAdapters,
} from './adapter.ts';
export { fileAdapter } from './adapters/file.ts';
export { webhookAdapter } from './adapters/webhook.ts';
export type { DueReminder } from './outbox.rules.ts';
export {
  REMINDER_CHANNELS,
  REMINDER_STATES,
  type ReminderChannel,
  type ReminderState,
} from './reminders.enums.ts';
export { reminderRoutes } from './reminders.routes.ts';
export type { ReminderMessage, ReminderPreferences } from './reminders.schema.ts';
export { planReminders, sendReminders } from './reminders.service.ts';
