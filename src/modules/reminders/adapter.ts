import type { ReminderSettings } from '../../platform/config.ts';
import { fileAdapter } from './adapters/file.ts';
import { webhookAdapter } from './adapters/webhook.ts';
import type { ReminderChannel, ReminderLanguage } from './reminders.enums.ts';

/** What an adapter is given to deliver: the text, the address, and the key a gateway dedupes on. */
export interface OutgoingReminder {
  /** The outbox message's idempotency key: the same on every attempt of the message. */
  idempotencyKey: string;
  messageId: string;
  channel: ReminderChannel;
  /** The recipient's phone number (personal data: never logged, never in an error). */
  to: string;
  text: string;
  language: ReminderLanguage;
}

/**
 * What became of one delivery: sent (with the gateway's reference when it gives one), or not, with
 * an error fit for the outbox (no address, no text); `permanent` when trying again cannot help.
 */
export type Delivery =
  | { ok: true; ref?: string | undefined }
  | { ok: false; error: string; permanent?: boolean | undefined };

/** One way out: the webhook and the file here; sms, zalo and wechat plug in the same way. */
export interface ReminderAdapter {
  readonly channel: ReminderChannel;
  send(message: OutgoingReminder): Promise<Delivery>;
}

export type ReminderAdapters = ReadonlyMap<ReminderChannel, ReminderAdapter>;

/**
 * The adapters the configuration sets up: a channel whose setting is unset has none (a message is not
 * queued on it). The gateways' channels are webhooks to their bridges, which take the same JSON.
 */
export function adaptersOf(settings: ReminderSettings): ReminderAdapters {
  const out = new Map<ReminderChannel, ReminderAdapter>();
  const http = {
    webhook: settings.webhookUrl,
    sms: settings.smsUrl,
    zalo: settings.zaloUrl,
    wechat: settings.wechatUrl,
  };
  for (const [channel, url] of Object.entries(http) as [ReminderChannel, string | undefined][])
    if (url) out.set(channel, webhookAdapter({ channel, url, timeoutMs: settings.timeoutMs }));
  if (settings.file) out.set('file', fileAdapter({ file: settings.file }));
  return out;
}
