import fs from 'node:fs/promises';
import path from 'node:path';
import type { Delivery, OutgoingReminder, ReminderAdapter } from '../adapter.ts';

export interface FileOptions {
  /** The file the messages are appended to (created with its folder when missing). */
  file: string;
}

/**
 * Appends each message as one JSON line (with its idempotency key, by which a reader dedupes a line
 * written again after a killed run) to a file a gateway or a person picks up. Written = sent. The
 * file holds phone numbers: it is personal data, not a log.
 */
export function fileAdapter(options: FileOptions): ReminderAdapter {
  let ready: Promise<unknown> | undefined;
  return {
    channel: 'file',
    async send(m: OutgoingReminder): Promise<Delivery> {
      try {
        ready ??= fs.mkdir(path.dirname(options.file), { recursive: true });
        await ready;
        const line = JSON.stringify({
          idempotencyKey: m.idempotencyKey,
          messageId: m.messageId,
          channel: m.channel,
          to: m.to,
          language: m.language,
          text: m.text,
        });
        // One write with O_APPEND: a line is whole or absent, never interleaved with another.
        await fs.appendFile(options.file, `${line}\n`, { encoding: 'utf8', mode: 0o600 });
        return { ok: true };
      } catch (err) {
        ready = undefined;
        return { ok: false, error: `not written (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
      }
    },
  };
}
