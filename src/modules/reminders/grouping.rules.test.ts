import { describe, expect, test } from 'vitest';
import {
  attachTo,
  groupPerRecipient,
  type ItemToSend,
  itemsToSend,
  messageText,
  type PlannedItem,
} from './grouping.rules.ts';
import type { ReminderChannel } from './reminders.enums.ts';
import { reminderTemplates } from './reminders.templates.ts';

const DAY = '2026-12-02';
const AT = new Date('2026-12-02T02:00:00Z');

/** An item of `resident` reaching `recipient` (default: themselves) on zalo, in Vietnamese. */
const item = (resident: string, itemId: string, over: Partial<PlannedItem> = {}): PlannedItem => ({
  residentId: resident,
  recipientId: resident,
  recipientName: resident.toUpperCase(),
  kind: 'immunization',
  programmeId: 'vn-epi',
  itemId,
  episodeId: null,
  dueFrom: '2026-11-20',
  channel: 'zalo',
  language: 'vi',
  line: `${resident}:${itemId}`,
  sendAfter: AT,
  ...over,
});
const toMother = (child: string, itemId: string, over: Partial<PlannedItem> = {}) =>
  item(child, itemId, { recipientId: 'm', recipientName: 'M', ...over });

describe('one message per recipient, channel and day', () => {
  test.each([
    {
      what: "a guardian's three children due: one message listing the three",
      items: [toMother('c1', 'bcg'), toMother('c2', 'mr-1'), toMother('c3', 'dtp3')],
      want: [['m|zalo|2026-12-02', true, ['c1:bcg', 'c2:mr-1', 'c3:dtp3']]],
    },
    {
      what: 'a resident due for two items: one message',
      items: [item('a', 'htn', { kind: 'hypertension' }), item('a', 'eld', { kind: 'elderly' })],
      want: [['a|zalo|2026-12-02', false, ['a:eld', 'a:htn']]],
    },
    {
      what: "a mother's own item first, then her child's",
      items: [toMother('c1', 'bcg'), item('m', 'anc-4', { recipientName: 'M', kind: 'antenatal' })],
      want: [['m|zalo|2026-12-02', true, ['m:anc-4', 'c1:bcg']]],
    },
    {
      what: 'two recipients: two messages, in the order they first appear',
      items: [item('b', 'x'), item('a', 'y'), item('b', 'z')],
      want: [
        ['b|zalo|2026-12-02', false, ['b:x', 'b:z']],
        ['a|zalo|2026-12-02', false, ['a:y']],
      ],
    },
    {
      what: 'a child opted out of zalo: its item goes on the file, in a message of its own',
      items: [toMother('c1', 'bcg'), toMother('c2', 'mr-1', { channel: 'file' })],
      want: [
        ['m|zalo|2026-12-02', true, ['c1:bcg']],
        ['m|file|2026-12-02', true, ['c2:mr-1']],
      ],
    },
    {
      what: 'the same item twice (two pages of one plan): listed once',
      items: [item('a', 'x'), item('a', 'x')],
      want: [['a|zalo|2026-12-02', false, ['a:x']]],
    },
    {
      what: 'the same item of another episode or due date: both',
      items: [
        item('a', 'anc-1', { episodeId: 'p1' }),
        item('a', 'anc-1', { episodeId: 'p2' }),
        item('a', 'anc-1', { episodeId: 'p2', dueFrom: '2026-12-01' }),
      ],
      want: [['a|zalo|2026-12-02', false, ['a:anc-1', 'a:anc-1', 'a:anc-1']]],
    },
    { what: 'nothing planned: no message', items: [], want: [] },
  ] as const)('$what', ({ items, want }) => {
    const groups = groupPerRecipient(items as readonly PlannedItem[], DAY);
    expect(groups.map((g) => [g.idempotencyKey, g.guardian, g.items.map((i) => i.line)])).toEqual(want);
  });

  test('within a message, by resident, then due date, then programme and item', () => {
    const [g] = groupPerRecipient(
      [
        toMother('c2', 'b', { dueFrom: '2026-11-01' }),
        toMother('c1', 'z', { dueFrom: '2026-11-02' }),
        toMother('c1', 'a', { dueFrom: '2026-11-02', programmeId: 'vn-ch' }),
        toMother('c1', 'y', { dueFrom: '2026-11-01' }),
      ],
      DAY,
    );
    expect(g!.items.map((i) => i.line)).toEqual(['c1:y', 'c1:a', 'c1:z', 'c2:b']);
  });

  test('the latest of its items’ send times, the language and name of its recipient', () => {
    const later = new Date('2026-12-03T00:00:00Z');
    const [g] = groupPerRecipient([toMother('c1', 'a'), toMother('c2', 'b', { sendAfter: later })], DAY);
    expect(g).toMatchObject({
      recipientId: 'm',
      recipientName: 'M',
      language: 'vi',
      day: DAY,
      sendAfter: later,
    });
  });
});

describe("a message's text", () => {
  const t = reminderTemplates();
  test.each([
    ['vi', [], ''],
    ['vi', ['An: đã đến lịch BCG.'], 'An: đã đến lịch BCG.'],
    [
      'vi',
      ['An: BCG.', 'Bình: MR 1.'],
      'Mẹ Lan, bạn có 2 lời nhắc của trạm y tế:\n- An: BCG.\n- Bình: MR 1.',
    ],
    [
      'en',
      ['An: BCG.', 'Bình: MR 1.', 'Lan: ANC 4.'],
      'Mẹ Lan, 3 reminders from the health station:\n- An: BCG.\n- Bình: MR 1.\n- Lan: ANC 4.',
    ],
    [
      'zh',
      ['甲：卡介苗。', '乙：麻疹。'],
      'Mẹ Lan，您有2条来自卫生机构的提醒：\n- 甲：卡介苗。\n- 乙：麻疹。',
    ],
  ] as const)('%s, %j: %j', (language, lines, text) =>
    expect(messageText(t, language, 'Mẹ Lan', lines)).toBe(text),
  );
});

describe("a new item and the day's message held", () => {
  test.each([
    [undefined, 'vi', 'new'],
    [{ state: 'queued', language: 'vi' }, 'vi', 'append'],
    // The recipient changed language since: their next day's message is in the new one.
    [{ state: 'queued', language: 'vi' }, 'en', 'later'],
    [{ state: 'sending', language: 'vi' }, 'vi', 'later'],
    [{ state: 'sent', language: 'vi' }, 'vi', 'later'],
    [{ state: 'failed', language: 'vi' }, 'vi', 'later'],
    [{ state: 'skipped', language: 'vi' }, 'vi', 'later'],
  ] as const)('held %j, item in %s: %s', (existing, language, how) =>
    expect(attachTo(existing, language)).toBe(how),
  );
});

describe('what a message carries when it goes out', () => {
  const its: ItemToSend[] = [
    { id: '1', residentId: 'c1', kind: 'immunization', itemId: 'bcg', line: 'c1', leftOut: null },
    { id: '2', residentId: 'c2', kind: 'immunization', itemId: 'mr-1', line: 'c2', leftOut: null },
    { id: '3', residentId: 'c3', kind: 'appointment', itemId: 'ap1', line: 'c3', leftOut: null },
  ];
  const none = new Map<string, Set<ReminderChannel>>();
  test.each([
    ['nothing changed', none, ['ap1'], [], ['1', '2', '3'], []],
    [
      'a child opted out of the channel',
      new Map([['c2', new Set(['zalo'])]]),
      ['ap1'],
      [],
      ['1', '3'],
      ['2'],
    ],
    [
      'a child opted out of another channel',
      new Map([['c2', new Set(['sms'])]]),
      ['ap1'],
      [],
      ['1', '2', '3'],
      [],
    ],
    [
      'the recipient opted out: every item',
      new Map([['m', new Set(['zalo'])]]),
      ['ap1'],
      [],
      [],
      ['1', '2', '3'],
    ],
    ['the appointment was cancelled', none, [], [], ['1', '2'], ['3']],
    ['an item left out by a merge', none, ['ap1'], ['1'], ['2', '3'], ['1']],
  ] as const)('%s', (_what, optOuts, inForce, merged, kept, leftOut) => {
    const r = itemsToSend(
      its.map((i) => (merged.includes(i.id as never) ? { ...i, leftOut: 'merged' } : i)),
      {
        recipientId: 'm',
        channel: 'zalo',
        optOuts: optOuts as ReadonlyMap<string, ReadonlySet<ReminderChannel>>,
        appointmentsInForce: new Set(inForce),
      },
    );
    expect([r.kept.map((k) => k.id), r.leftOut.map((l) => l.id)]).toEqual([kept, leftOut]);
  });

  test('each left out with why', () => {
    const r = itemsToSend(its, {
      recipientId: 'm',
      channel: 'zalo',
      optOuts: new Map([['c1', new Set<ReminderChannel>(['zalo'])]]),
      appointmentsInForce: new Set(),
    });
    expect(r.leftOut).toEqual([
      { id: '1', reason: 'opted out of zalo' },
      { id: '3', reason: 'the appointment was cancelled or rescheduled' },
    ]);
  });
});
