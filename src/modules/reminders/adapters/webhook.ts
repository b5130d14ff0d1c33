import type { Delivery, OutgoingReminder, ReminderAdapter } from '../adapter.ts';
import type { ReminderChannel } from '../reminders.enums.ts';

export interface WebhookOptions {
  url: string;
  timeoutMs: number;
  /** The channel it serves: `webhook`, or a gateway's (`sms`, `zalo`, `wechat`) reached through its bridge. */
  channel?: ReminderChannel;
}

/** Statuses a retry may cure: the receiver was slow, busy or down. Other 4xx are the message's fault. */
const RETRYABLE_4XX = new Set([408, 409, 425, 429]);

/**
 * HTTP POST of the message as JSON, with its idempotency key as the `Idempotency-Key` header (the
 * same on every attempt, so the receiver dedupes a resend). 2xx within the timeout is sent; a
 * timeout, a lost connection or a 5xx is tried again later; another 4xx fails the message.
 */
export function webhookAdapter(options: WebhookOptions): ReminderAdapter {
  const channel = options.channel ?? 'webhook';
  return {
    channel,
    async send(m: OutgoingReminder): Promise<Delivery> {
      try {
        const res = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': m.idempotencyKey },
          body: JSON.stringify({
            idempotencyKey: m.idempotencyKey,
            messageId: m.messageId,
            channel: m.channel,
            to: m.to,
            language: m.language,
            text: m.text,
          }),
          signal: AbortSignal.timeout(options.timeoutMs),
          redirect: 'error',
        });
        const text = await res.text().catch(() => '');
        if (res.ok) return { ok: true, ref: refOf(res, text) };
        const permanent = res.status >= 400 && res.status < 500 && !RETRYABLE_4XX.has(res.status);
        return { ok: false, error: `HTTP ${res.status}`, permanent };
      } catch (err) {
        const e = err as Error;
        // Never the URL's query or the body: only what kind of failure it was.
        if (e.name === 'TimeoutError')
          return { ok: false, error: `no answer within ${options.timeoutMs} ms` };
        const cause = (e as { cause?: { code?: string } }).cause?.code;
        return { ok: false, error: `not delivered (${cause ?? e.name})` };
      }
    },
  };
}

/** The gateway's reference of the message, when its answer names one (`id` or `messageId`, JSON). */
function refOf(res: Response, text: string): string | undefined {
  if (!res.headers.get('content-type')?.includes('json')) return undefined;
  try {
    const j = JSON.parse(text) as { id?: unknown; messageId?: unknown };
    const ref = j.id ?? j.messageId;
    return typeof ref === 'string' || typeof ref === 'number' ? String(ref).slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}
