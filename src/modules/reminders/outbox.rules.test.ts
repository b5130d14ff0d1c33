import { describe, expect, test } from 'vitest';
import {
  afterAttempt,
  channelOf,
  type DueReminder,
  guardianOf,
  type Person,
  type PlanInput,
  planAppointmentItem,
  planItem,
} from './outbox.rules.ts';
import type { ReminderChannel } from './reminders.enums.ts';
import { reminderTemplates } from './reminders.templates.ts';

const TODAY = '2026-12-02';
const p = (residentId: string, birthDate: string | null, phone: string | null, head = false): Person => ({
  residentId,
  name: residentId.toUpperCase(),
  phone,
  birthDate,
  head,
});

describe("a child's guardian", () => {
  const child = p('c', '2023-06-01', null);
  test.each([
    ['the head with a phone', [child, p('h', '1990-01-01', '09', true), p('a', '1980-01-01', '08')], 'h'],
    ['the head of unknown age', [child, p('h', null, '09', true)], 'h'],
    [
      'no head phone: the oldest adult',
      [child, p('h', '1990-01-01', null, true), p('a', '1985-01-01', '08'), p('b', '1950-01-01', '07')],
      'b',
    ],
    ['a 17-year-old sibling is not a guardian', [child, p('s', '2009-06-01', '06')], null],
    ['18 today is', [child, p('s', '2008-12-02', '06')], 's'],
    ['an adult of unknown age is not', [child, p('x', null, '06')], null],
    [
      'the child heading the household is not its own guardian',
      [{ ...child, head: true, phone: '05' }],
      null,
    ],
    ['nobody', [child], null],
  ] as const)('%s', (_what, members, who) =>
    expect(guardianOf('c', members as readonly Person[], TODAY)?.residentId ?? null).toBe(who),
  );
});

describe('the channel', () => {
  const profile: ReminderChannel[] = ['zalo', 'sms', 'file'];
  test.each([
    [['zalo', 'sms', 'file'], [], 'zalo'],
    [['sms', 'file'], [], 'sms'],
    [['zalo', 'file'], ['zalo'], 'file'],
    [['zalo', 'webhook'], ['zalo'], null], // webhook is not a channel of this profile
    [[], [], null],
  ] as const)('adapters %j, opted out %j: %s', (available, out, channel) =>
    expect(channelOf(profile, new Set(available), new Set(out))).toBe(channel),
  );
});

describe('planning one due window', () => {
  const due: DueReminder = {
    id: 'w',
    residentId: 'c',
    programmeId: 'vn-epi',
    kind: 'immunization',
    itemId: 'mr-1',
    episodeId: null,
    dueFrom: '2026-11-20',
    overdueAfter: '2026-12-10',
  };
  const base: PlanInput = {
    due,
    resident: p('c', '2025-06-01', null),
    household: [p('c', '2025-06-01', null), p('m', '1995-01-01', '0901', true)],
    optOuts: new Map(),
    profile: {
      locale: 'vi-VN',
      timeZone: 'Asia/Ho_Chi_Minh',
      channels: ['zalo', 'sms', 'file'],
      quietHours: { from: '21:00', to: '07:00' },
    },
    available: new Set(['zalo', 'file']),
    templates: reminderTemplates(),
    itemName: (l) => (l === 'vi' ? 'Sởi mũi 1' : 'MR 1'),
    place: () => 'TYT Sơn Bình',
    asOf: TODAY,
    now: new Date('2026-12-02T02:00:00Z'),
  };

  test('to the guardian on the first channel, not overdue yet, at once outside the quiet hours', () => {
    const r = planItem(base);
    expect(r).toEqual({
      item: {
        residentId: 'c',
        recipientId: 'm',
        recipientName: 'M',
        kind: 'immunization',
        programmeId: 'vn-epi',
        itemId: 'mr-1',
        episodeId: null,
        dueFrom: '2026-11-20',
        channel: 'zalo',
        language: 'vi',
        line: 'C: đã đến lịch Sởi mũi 1 từ ngày 2026-11-20. Vui lòng mang sổ tiêm chủng đến TYT Sơn Bình.',
        sendAfter: new Date('2026-12-02T02:00:00Z'),
      },
    });
  });

  test.each([
    ['the guardian opted out of zalo: the file', { optOuts: new Map([['m', new Set(['zalo'])]]) }, 'file'],
    ['the child opted out of zalo: the file', { optOuts: new Map([['c', new Set(['zalo'])]]) }, 'file'],
    ['every channel opted out', { optOuts: new Map([['m', new Set(['zalo', 'file'])]]) }, 'opted-out'],
    ['no adapter for any channel', { available: new Set(['webhook']) }, 'no-channel'],
    ['nobody with a phone', { household: [] }, 'unreachable'],
  ] as const)('%s', (_what, over, expected) => {
    const r = planItem({ ...base, ...(over as Partial<PlanInput>) });
    expect('item' in r ? r.item.channel : r.skip).toBe(expected);
  });

  test('overdue on the day after overdueAfter; planned in the quiet hours it waits for 07:00; Chinese by locale', () => {
    const r = planItem({
      ...base,
      asOf: '2026-12-11',
      now: new Date('2026-12-02T15:00:00Z'), // 22:00 in Hanoi
      profile: { ...base.profile, locale: 'zh-CN' },
    });
    if (!('item' in r)) throw new Error('no item');
    expect(r.item.line).toBe('C：MR 1自2026-11-20起应接种，现已逾期。请携带预防接种证到TYT Sơn Bình。');
    expect(r.item.sendAfter.toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });
});

describe("an appointment's reminder", () => {
  const {
    due: _due,
    itemName: _name,
    ...reach
  } = {
    due: null,
    itemName: null,
    resident: p('a', '1960-01-01', '0902'),
    household: [],
    optOuts: new Map(),
    profile: {
      locale: 'vi-VN',
      timeZone: 'Asia/Ho_Chi_Minh',
      channels: ['sms', 'file'] as ReminderChannel[],
    },
    available: new Set<ReminderChannel>(['file']),
    templates: reminderTemplates(),
    place: () => 'TYT Sơn Bình',
    asOf: TODAY,
    now: new Date('2026-12-02T02:00:00Z'),
  };
  test.each([
    [null, 'vi-VN', null, 'A: bạn có lịch hẹn tại TYT Sơn Bình vào ngày 2026-12-03.'],
    ['08:30', 'vi-VN', null, 'A: bạn có lịch hẹn tại TYT Sơn Bình vào ngày 2026-12-03 lúc 08:30.'],
    ['08:30', 'vi-VN', 'en', 'A: you have an appointment at TYT Sơn Bình on 2026-12-03 at 08:30.'],
    [null, 'zh-CN', null, 'A：您预约于2026-12-03在TYT Sơn Bình就诊。'],
  ] as const)('at %s, locale %s, reader %s: %s', (time, locale, language, body) => {
    const r = planAppointmentItem({
      ...reach,
      resident: { ...reach.resident, language },
      profile: { ...reach.profile, locale },
      appointment: { id: 'ap', residentId: 'a', date: '2026-12-03', time },
    });
    expect(r).toEqual({
      item: expect.objectContaining({
        recipientId: 'a',
        kind: 'appointment',
        programmeId: 'appointment',
        itemId: 'ap',
        dueFrom: '2026-12-03',
        channel: 'file',
        line: body,
      }),
    });
  });
});

describe('what an attempt leads to', () => {
  const now = new Date('2026-12-02T13:50:00Z'); // 20:50 in Hanoi
  const quiet = { from: '21:00', to: '07:00' };
  test.each([
    [{ ok: true }, 1, { state: 'sent' }],
    [{ ok: false, error: 'HTTP 422', permanent: true }, 1, { state: 'failed' }],
    [{ ok: false, error: 'HTTP 503' }, 4, { state: 'failed' }],
    // 5 minutes later is 20:55: before the quiet hours.
    [{ ok: false, error: 'HTTP 503' }, 1, { state: 'queued', sendAfter: new Date('2026-12-02T13:55:00Z') }],
    // 20 minutes later is 21:10: moved to 07:00 the next morning.
    [{ ok: false, error: 'HTTP 503' }, 3, { state: 'queued', sendAfter: new Date('2026-12-03T00:00:00Z') }],
  ] as const)('%j after attempt %i: %j', (delivery, attempts, end) =>
    expect(afterAttempt(delivery, attempts, 4, now, 'Asia/Ho_Chi_Minh', quiet)).toEqual(end),
  );
});
