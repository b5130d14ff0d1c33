import type { App, AppContext } from '../../platform/app-context.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import { getPreferences, listMessages, putPreferences } from './preferences.service.ts';
import {
  PutReminderPreferences,
  ReminderMessageList,
  ReminderPreferences,
  ResidentParams,
} from './reminders.schema.ts';
import { reminderTemplates } from './reminders.templates.ts';

const doc = routeDoc(['reminders']);
const read = { permission: 'reminders.read' } as const;
const write = { permission: 'reminders.write' } as const;

/** A resident's reminder opt-outs (per channel) and messages. Planning and sending are jobs. */
export function reminderRoutes(app: App, _ctx: AppContext): void {
  // A broken templates file stops the start, as a broken profile does.
  reminderTemplates();

  app.get(
    '/residents/:id/reminder-preferences',
    doc(read, "A resident's reminder channels (the profile's), each opted out or not", {
      params: ResidentParams,
      response: { 200: ReminderPreferences },
    }),
    (req) => getPreferences(req.ctx, req.params.id),
  );

  app.put(
    '/residents/:id/reminder-preferences',
    doc(
      write,
      "Record the channels a resident does not want reminders on (the profile's others are in); a queued message on a channel opted out is not sent",
      { params: ResidentParams, body: PutReminderPreferences, response: { 200: ReminderPreferences } },
    ),
    (req) => putPreferences(req.ctx, req.params.id, req.body, req.principal?.userId ?? null),
  );

  app.get(
    '/residents/:id/reminders',
    doc(read, "A resident's reminder messages, newest first: about them, or to them as a child's guardian", {
      params: ResidentParams,
      response: { 200: ReminderMessageList },
    }),
    (req) => listMessages(req.ctx, req.params.id),
  );
}
