/**
 * Test fixtures of the reminders: a real local HTTP server standing for a gateway, counting deliveries by Idempotency-Key, and a small world
 * of residents registered through the API (a child whose mother heads the household, adults with and
 * without a phone).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import type { TestEngine } from '../../../test/support/engines.ts';
import { postExpect } from '../../../test/support/requests.ts';
import type { Db } from '../../platform/db/database.ts';
import type { DueReminder } from './outbox.rules.ts';
import type { ReminderMessageItemRow, ReminderMessageRow } from './reminders.table.ts';

export interface Delivered {
  key: string;
  messageId: string;
  to: string;
  text: string;
  channel: string;
}

/** What the receiver answers one request: a status, or no answer at all (a hung gateway). */
export type Behaviour = { status: number } | { hang: true };

export interface Receiver {
  url: string;
  /** Every request, in arrival order (answered or not). */
  seen: Delivered[];
  /** Requests per idempotency key. */
  countByKey(): Map<string, number>;
  /** Decides each request's answer (default: 200); `n` is the how-many-th request of its key (1 first). */
  behave(fn: ((d: Delivered, n: number) => Behaviour) | undefined): void;
  /** Told of each request as it arrives (before it is answered). */
  onRequest(fn: ((d: Delivered, count: number) => void) | undefined): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const seen: Delivered[] = [];
  let behaviour: ((d: Delivered, n: number) => Behaviour) | undefined;
  let listener: ((d: Delivered, count: number) => void) | undefined;
  const hung = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => {
      raw += c.toString('utf8');
    });
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as Record<string, string>;
      const d: Delivered = {
        key: String(req.headers['idempotency-key'] ?? ''),
        messageId: body.messageId ?? '',
        to: body.to ?? '',
        text: body.text ?? '',
        channel: body.channel ?? '',
      };
      seen.push(d);
      const n = seen.filter((s) => s.key === d.key).length;
      listener?.(d, seen.length);
      const b = behaviour?.(d, n) ?? { status: 200 };
      if ('hang' in b) {
        hung.add(res);
        return;
      }
      res.writeHead(b.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `gw-${seen.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/messages`,
    seen,
    countByKey: () => {
      const m = new Map<string, number>();
      for (const s of seen) m.set(s.key, (m.get(s.key) ?? 0) + 1);
      return m;
    },
    behave: (fn) => {
      behaviour = fn;
    },
    onRequest: (fn) => {
      listener = fn;
    },
    close: async () => {
      for (const r of hung) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ReminderWorld {
  householdId: string;
  /** The household's head, with a phone. */
  mother: string;
  /** Three years old, no phone: reached through the mother. */
  child: string;
  /** The child's sister, one year old, no phone: reached through the mother too. */
  sibling: string;
  /** An adult with a phone, living alone. */
  adult: string;
  /** An adult without a phone and no household: nobody to reach. */
  unreachable: string;
}

const ADDRESS = 'Thôn 1';

/** Registers the world's residents through the API, in commune 56801 (DISTRICT_568 registered first). */
export async function buildReminderWorld(t: TestEngine, tag = ''): Promise<ReminderWorld> {
  const household = await postExpect(t, '/api/households', { address: ADDRESS, areaCode: '56801' });
  const resident = async (body: Record<string, unknown>) =>
    (await postExpect(t, '/api/residents', { areaCode: '56801', sex: 'female', ...body })).id as string;
  const mother = await resident({
    fullName: `Nguyễn Thị Mẹ${tag}`,
    birthDate: '1995-03-04',
    phone: '0901000001',
    householdId: household.id,
  });
  const child = await resident({
    fullName: `Bé An${tag}`,
    birthDate: '2023-06-01',
    householdId: household.id,
  });
  const sibling = await resident({
    fullName: `Bé Bình${tag}`,
    birthDate: '2025-01-15',
    householdId: household.id,
  });
  const res = await t.inject({
    method: 'PATCH',
    url: `/api/households/${household.id}`,
    payload: { headResidentId: mother },
  });
  if (res.statusCode !== 200) throw new Error(`head: ${res.statusCode} ${res.body}`);
  const adult = await resident({
    fullName: `Trần Văn Lớn${tag}`,
    sex: 'male',
    birthDate: '1960-01-01',
    phone: '0901000002',
  });
  const unreachable = await resident({ fullName: `Lê Thị Xa${tag}`, birthDate: '1970-01-01' });
  return { householdId: household.id as string, mother, child, sibling, adult, unreachable };
}

let seq = 0;

/** A due window as programmes' dueForReminders answers it (the planner's input). */
export function dueOf(residentId: string, over: Partial<DueReminder> = {}): DueReminder {
  seq++;
  return {
    id: `w-${seq}`,
    residentId,
    programmeId: 'vn-epi',
    kind: 'immunization',
    itemId: `item-${seq}`,
    episodeId: null,
    dueFrom: '2026-11-20',
    overdueAfter: '2026-11-30',
    ...over,
  };
}

export type OutboxMessage = ReminderMessageRow & { items: ReminderMessageItemRow[] };

/** The whole outbox (read as the owner): each message with its items, by recipient and key. */
export async function outboxOf(db: Db): Promise<OutboxMessage[]> {
  const messages = (
    await sql<ReminderMessageRow>`select * from reminder_message order by recipient_id, idempotency_key`.execute(
      db,
    )
  ).rows;
  const items = (
    await sql<ReminderMessageItemRow>`select * from reminder_message_item order by created_at, id`.execute(db)
  ).rows;
  return messages.map((m) => ({ ...m, items: items.filter((i) => i.message_id === m.id) }));
}

/** The message listing an item about this resident (the first, when several). */
export const messageAbout = (rows: readonly OutboxMessage[], residentId: string, itemId?: string) =>
  rows.find((m) => m.items.some((i) => i.resident_id === residentId && (!itemId || i.item_id === itemId)));

/** Empties the outbox and the opt-outs (a test's own start; nothing else is deleted). */
export async function clearOutbox(db: Db): Promise<void> {
  await sql`delete from reminder_message_item`.execute(db);
  await sql`delete from reminder_message`.execute(db);
  await sql`delete from reminder_opt_out`.execute(db);
}
