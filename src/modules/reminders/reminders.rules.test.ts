import { describe, expect, test } from 'vitest';
import {
  afterFailedDelivery,
  ageOn,
  inQuietHours,
  itemKey,
  languageOf,
  messageKey,
  nextSendableAt,
  recipientOf,
  renderReminder,
} from './reminders.rules.ts';
import { reminderTemplates } from './reminders.templates.ts';

const QUIET = { from: '21:00', to: '07:00' };

describe('quiet hours across midnight', () => {
  test.each([
    // Asia/Ho_Chi_Minh is UTC+7: 14:00 UTC is 21:00 there.
    ['Asia/Ho_Chi_Minh', '2026-12-02T13:59:00Z', false],
    ['Asia/Ho_Chi_Minh', '2026-12-02T14:00:00Z', true],
    ['Asia/Ho_Chi_Minh', '2026-12-02T16:59:00Z', true], // 23:59
    ['Asia/Ho_Chi_Minh', '2026-12-02T17:00:00Z', true], // 00:00
    ['Asia/Ho_Chi_Minh', '2026-12-02T23:59:00Z', true], // 06:59
    ['Asia/Ho_Chi_Minh', '2026-12-03T00:00:00Z', false], // 07:00
    ['Asia/Ho_Chi_Minh', '2026-12-03T05:00:00Z', false], // 12:00
    // Asia/Shanghai is UTC+8: 13:00 UTC is 21:00 there.
    ['Asia/Shanghai', '2026-12-02T12:59:00Z', false],
    ['Asia/Shanghai', '2026-12-02T13:00:00Z', true],
    ['Asia/Shanghai', '2026-12-02T16:30:00Z', true], // 00:30
    ['Asia/Shanghai', '2026-12-02T22:59:00Z', true], // 06:59
    ['Asia/Shanghai', '2026-12-02T23:00:00Z', false], // 07:00
    ['Asia/Shanghai', '2026-12-02T14:00:00Z', true], // 22:00 Shanghai, 21:00 Hanoi
  ])('%s at %s: %s', (zone, at, quiet) => expect(inQuietHours(new Date(at), zone, QUIET)).toBe(quiet));

  test('hours within one day, none, and empty', () => {
    const lunch = { from: '12:00', to: '13:30' };
    expect(inQuietHours(new Date('2026-12-02T05:30:00Z'), 'Asia/Ho_Chi_Minh', lunch)).toBe(true);
    expect(inQuietHours(new Date('2026-12-02T06:30:00Z'), 'Asia/Ho_Chi_Minh', lunch)).toBe(false);
    expect(inQuietHours(new Date('2026-12-02T15:00:00Z'), 'Asia/Ho_Chi_Minh', undefined)).toBe(false);
    expect(
      inQuietHours(new Date('2026-12-02T15:00:00Z'), 'Asia/Ho_Chi_Minh', { from: '21:00', to: '21:00' }),
    ).toBe(false);
  });

  test.each([
    ['Asia/Ho_Chi_Minh', '2026-12-02T15:10:30Z', '2026-12-03T00:00:00.000Z'], // 22:10 → 07:00 next day
    ['Asia/Ho_Chi_Minh', '2026-12-02T20:00:00Z', '2026-12-03T00:00:00.000Z'], // 03:00 → 07:00
    ['Asia/Shanghai', '2026-12-02T13:00:00Z', '2026-12-02T23:00:00.000Z'],
    ['Asia/Shanghai', '2026-12-02T05:00:00Z', '2026-12-02T05:00:00.000Z'], // 13:00: now
  ])('%s at %s sends from %s', (zone, at, next) =>
    expect(nextSendableAt(new Date(at), zone, QUIET).toISOString()).toBe(next),
  );
});

describe('the keys', () => {
  const m = {
    residentId: 'r1',
    programmeId: 'epi',
    itemId: 'dtp3',
    episodeId: null,
    dueFrom: '2026-12-01',
  } as const;
  test('the same item has the same key; any part changed, another', () => {
    expect(itemKey(m)).toBe('r1|epi|dtp3|-|2026-12-01');
    expect(itemKey({ ...m })).toBe(itemKey(m));
    const others = [
      { ...m, residentId: 'r2' },
      { ...m, programmeId: 'anc' },
      { ...m, itemId: 'dtp2' },
      { ...m, episodeId: 'p1' },
      { ...m, dueFrom: '2026-12-02' },
    ].map(itemKey);
    expect(new Set([...others, itemKey(m)]).size).toBe(6);
  });
  test.each([
    [{ recipientId: 'm', channel: 'zalo', day: '2026-12-02' }, 'm|zalo|2026-12-02'],
    [{ recipientId: 'm', channel: 'file', day: '2026-12-02' }, 'm|file|2026-12-02'],
    [{ recipientId: 'm', channel: 'zalo', day: '2026-12-03' }, 'm|zalo|2026-12-03'],
    [{ recipientId: 'g', channel: 'zalo', day: '2026-12-02' }, 'g|zalo|2026-12-02'],
  ] as const)('a message is one per recipient, channel and day: %j is %s', (k, key) =>
    expect(messageKey(k)).toBe(key),
  );
});

describe('language and recipient', () => {
  test.each([
    ['vi-VN', undefined, 'vi'],
    ['zh-CN', undefined, 'zh'],
    ['vi-VN', 'zh', 'zh'],
    ['zh-CN', 'en-GB', 'en'],
    ['vi-VN', 'fr', 'vi'],
    ['fr-FR', null, 'en'],
  ])('profile %s, resident %s: %s', (profile, own, lang) => expect(languageOf(profile, own)).toBe(lang));

  const head = { residentId: 'h', phone: '0901', name: 'Head' };
  test.each([
    ['2020-05-01', null, 'h', true], // a child: the head
    ['2020-05-01', '0999', 'h', true], // a child with a phone: still the guardian
    ['1990-05-01', '0999', 'c', false], // an adult: themselves
    ['1990-05-01', null, 'h', true], // an adult without a phone: the household's
    ['2010-12-02', null, 'h', true], // 16 today, no phone of their own: the household's
  ])('born %s, phone %s → %s', (birthDate, phone, who, guardian) => {
    const r = recipientOf({ residentId: 'c', phone, name: 'C', birthDate }, head, '2026-12-02');

    expect(r).toMatchObject({ residentId: who, guardian });
  });
  test('nobody to reach', () => {
    expect(
      recipientOf({ residentId: 'c', phone: null, name: 'C', birthDate: '2020-01-01' }, null, '2026-12-02'),
    ).toBeNull();
    expect(ageOn('2010-12-03', '2026-12-02')).toBe(15);
    expect(ageOn('2010-12-02', '2026-12-02')).toBe(16);
  });
});

describe('templates', () => {
  const t = reminderTemplates();
  const values = { name: 'An', item: 'DTP3', dueFrom: '2026-12-01', overdue: 'yes', place: 'TYT Sơn Bình' };
  test.each([
    [
      'en',
      'An: DTP3 is due from 2026-12-01 and is now overdue. Please bring the vaccination booklet to TYT Sơn Bình.',
    ],
    [
      'vi',
      'An: đã đến lịch DTP3 từ ngày 2026-12-01, nay đã quá hạn. Vui lòng mang sổ tiêm chủng đến TYT Sơn Bình.',
    ],
    ['zh', 'An：DTP3自2026-12-01起应接种，现已逾期。请携带预防接种证到TYT Sơn Bình。'],
  ] as const)('immunization in %s', (lang, text) =>
    expect(renderReminder(t, { kind: 'immunization' }, lang, values)).toBe(text),
  );
  test('not overdue, and an appointment with and without a time', () => {
    expect(renderReminder(t, { kind: 'hypertension' }, 'en', { ...values, overdue: 'no' })).toBe(
      'An: your blood pressure follow-up is due from 2026-12-01. Please come to TYT Sơn Bình.',
    );
    expect(
      renderReminder(t, { appointment: true }, 'vi', {
        name: 'An',
        place: 'TYT',
        date: '2026-12-05',
        time: '08:30',
      }),
    ).toBe('An: bạn có lịch hẹn tại TYT vào ngày 2026-12-05 lúc 08:30.');
    expect(
      renderReminder(t, { appointment: true }, 'zh', {
        name: '李明',
        place: '卫生院',
        date: '2026-12-05',
        time: 'none',
      }),
    ).toBe('李明：您预约于2026-12-05在卫生院就诊。');
  });
});

test('a failed delivery is retried after 5, 10, 20 minutes, then fails', () => {
  const now = new Date('2026-12-02T02:00:00Z');
  expect(afterFailedDelivery(1, 4, now)).toEqual({
    state: 'queued',
    runAfter: new Date('2026-12-02T02:05:00Z'),
  });
  expect(afterFailedDelivery(2, 4, now)).toEqual({
    state: 'queued',
    runAfter: new Date('2026-12-02T02:10:00Z'),
  });
  expect(afterFailedDelivery(3, 4, now)).toEqual({
    state: 'queued',
    runAfter: new Date('2026-12-02T02:20:00Z'),
  });
  expect(afterFailedDelivery(4, 4, now)).toEqual({ state: 'failed' });
});
