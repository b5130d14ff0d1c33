import { sql } from 'kysely';
import { beforeAll, beforeEach, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { DISTRICT_568, registerAreas, registerJianwaiCentre } from '../../../test/support/places.ts';
import { postExpect } from '../../../test/support/requests.ts';
import { loadConfig } from '../../platform/config.ts';
import { addDays } from '../../platform/dates.ts';
import { adaptersOf } from './adapter.ts';
import {
  buildReminderWorld,
  dueOf,
  messageAbout,
  type OutboxMessage,
  outboxOf,
  type ReminderWorld,
} from './reminders.fixtures.ts';
import { planReminders } from './reminders.service.ts';

/**
 * A resident's own language and merges, on both engines (VN): the language is one of the profile's
 * (any case, stored as the profile spells it; another is a 400 naming body.language) and the
 * reminders to them are written in it; a merge moves the duplicate's items, the messages to it and its
 * opt-outs to the survivor, combined so that nothing is sent twice (the same reminder on both records:
 * the one that went out is kept, a waiting twin left out of its message), and its undo puts back what
 * it did.
 */
describeOnBothEngines('reminders: language and merges (vn)', (t) => {
  let w: ReminderWorld;
  const adapters = adaptersOf({ ...loadConfig({}).reminders, file: '/dev/null' });

  beforeAll(async () => {
    await registerAreas(t(), DISTRICT_568);
    w = await buildReminderWorld(t());
  });
  beforeEach(async () => {
    await sql`delete from reminder_message_item`.execute(t().ctx.db);
    await sql`delete from reminder_message`.execute(t().ctx.db);
  });

  const plan = (dues: ReturnType<typeof dueOf>[], asOf = t().today) =>
    planReminders(t().ctx, dues, { asOf, now: t().ctx.clock.now(), adapters, areaPath: null });
  const messages = () => outboxOf(t().ctx.db);
  const patch = (id: string, payload: Record<string, unknown>) =>
    t().inject({ method: 'PATCH', url: `/api/residents/${id}`, payload });
  const person = async (fullName: string, extra: Record<string, unknown> = {}) =>
    (
      await postExpect(t(), '/api/residents', {
        fullName,
        areaCode: '56801',
        sex: 'male',
        birthDate: '1950-05-05',
        phone: '0903000003',
        ...extra,
      })
    ).id as string;

  test("a language of the profile's, in any case; another is a 400; the reminders are written in it", async () => {
    const bad = await patch(w.adult, { language: 'fr' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'body.language' });
    const ok = await patch(w.adult, { language: 'EN' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().language).toBe('en');
    // The child's reminder goes to the mother, read in her language.
    expect((await patch(w.mother, { language: 'zh-CN' })).statusCode).toBe(200);
    await plan([
      dueOf(w.adult, { kind: 'hypertension', programmeId: 'vn-htn', itemId: 'follow-up' }),
      dueOf(w.child, { itemId: 'mr-1' }),
    ]);
    const rows = await messages();
    const [toAdult, toMother] = [messageAbout(rows, w.adult), messageAbout(rows, w.child)];
    expect(toAdult).toMatchObject({ language: 'en' });
    expect(toAdult!.body).toMatch(/^Trần Văn Lớn: your blood pressure follow-up is due from 2026-11-20/);
    expect(toMother).toMatchObject({ recipient_id: w.mother, language: 'zh' });
    expect(toMother!.body).toContain('请携带预防接种证');
    const cleared = await patch(w.adult, { language: null });
    expect(cleared.json().language).toBeNull();
    const created = await postExpect(t(), '/api/residents', {
      fullName: 'Lý Văn Hoa',
      areaCode: '56801',
      language: 'zh-cn',
    });
    expect(created.language).toBe('zh-CN');
  });

  test.each([
    ['the survivor has none: it takes the duplicate’s', null, 'en', 'en'],
    ['the survivor keeps its own', 'zh-CN', 'en', 'zh-CN'],
    ['neither has one', null, null, null],
  ] as const)('a merge and the language: %s; the undo puts it back', async (_what, theirs, dups, kept) => {
    const survivor = await person('Mai Văn Ngữ', { language: theirs });
    const duplicate = await person('Mai Văn Ngữ', { birthDate: '1950-05-07', language: dups });
    const merged = await t().inject({
      method: 'POST',
      url: '/api/residents/merge',
      payload: { survivorId: survivor, duplicateId: duplicate, reason: 'Một người' },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().survivor.language).toBe(kept);
    const undone = await t().inject({
      method: 'POST',
      url: `/api/residents/merges/${merged.json().merge.id}/undo`,
    });
    expect(undone.statusCode, undone.body).toBe(200);
    const back = await t().inject({ url: `/api/residents/${survivor}` });
    expect(back.json().language).toBe(theirs);
  });

  test("a merge moves the duplicate's messages and opt-outs, sends nothing twice, and is undone", async () => {
    const survivor = await person('Hoàng Văn Gộp');
    const duplicate = await person('Hoàng Văn Gộp', { birthDate: '1950-05-06' });
    await t().inject({
      method: 'PUT',
      url: `/api/residents/${duplicate}/reminder-preferences`,
      payload: { optedOut: ['zalo'] },
    });
    const same = { kind: 'hypertension', programmeId: 'vn-htn', dueFrom: '2026-11-20' } as const;
    const sent = (id: string) =>
      sql`update reminder_message set state = 'sent', sent_at = now() where id = ${id}`.execute(t().ctx.db);
    // Both records were reminded of the same follow-up: the duplicate's went out, the survivor's waits.
    await plan([dueOf(survivor, { ...same, itemId: 'bp' }), dueOf(duplicate, { ...same, itemId: 'bp' })]);
    await sent(messageAbout(await messages(), duplicate)!.id);
    // And the duplicate alone had two more, a message a day: one waiting, one sent.
    await plan([dueOf(duplicate, { ...same, itemId: 'dm' })], addDays(t().today, 1));
    await plan([dueOf(duplicate, { ...same, itemId: 'eld' })], addDays(t().today, 2));
    await sent(messageAbout(await messages(), duplicate, 'eld')!.id);
    const before = await messages();

    const merged = await t().inject({
      method: 'POST',
      url: '/api/residents/merge',
      payload: { survivorId: survivor, duplicateId: duplicate, reason: 'Hai hồ sơ một người' },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    // The opt-out, two items moved, one left out, and the three messages to the duplicate now to the survivor.
    expect(merged.json().moved.reminders).toBe(7);
    const after = await messages();
    const itemOf = (rows: OutboxMessage[], item: string, who: string) => {
      const m = messageAbout(rows, who, item);
      return (
        m && {
          ...m.items.find((i) => i.item_id === item && i.resident_id === who)!,
          state: m.state,
          to: m.recipient_id,
        }
      );
    };
    // The follow-up went out from the duplicate: the survivor's twin is left out of its message.
    expect(itemOf(after, 'bp', survivor)).toMatchObject({
      state: 'queued',
      left_out: 'merged: the same reminder was kept on the other record',
    });
    expect(itemOf(after, 'bp', duplicate)).toMatchObject({ state: 'sent', to: survivor, left_out: null });
    expect(itemOf(after, 'dm', survivor)).toMatchObject({ state: 'queued', to: survivor, left_out: null });
    expect(itemOf(after, 'eld', survivor)).toMatchObject({ state: 'sent', to: survivor });
    const prefs = await t().inject({ url: `/api/residents/${survivor}/reminder-preferences` });
    expect(prefs.json().channels).toContainEqual(
      expect.objectContaining({ channel: 'zalo', optedOut: true }),
    );
    // Planning the survivor's items again adds nothing (the moved ones count as theirs).
    const again = await plan([
      dueOf(survivor, { ...same, itemId: 'dm' }),
      dueOf(survivor, { ...same, itemId: 'eld' }),
    ]);
    expect(again).toMatchObject({ queued: 0, already: 2 });

    const undone = await t().inject({
      method: 'POST',
      url: `/api/residents/merges/${merged.json().merge.id}/undo`,
    });
    expect(undone.statusCode, undone.body).toBe(200);
    const back = await messages();
    const shape = (rows: OutboxMessage[]) =>
      rows
        .flatMap((m) =>
          m.items.map((i) => [m.id, m.recipient_id, m.state, m.area_path, i.id, i.resident_id, i.left_out]),
        )
        .sort();
    expect(shape(back)).toEqual(shape(before));
    const dupPrefs = await t().inject({ url: `/api/residents/${duplicate}/reminder-preferences` });
    expect(dupPrefs.json().channels).toContainEqual(
      expect.objectContaining({ channel: 'zalo', optedOut: true }),
    );
    const survPrefs = await t().inject({ url: `/api/residents/${survivor}/reminder-preferences` });
    expect(survPrefs.json().channels).toContainEqual(
      expect.objectContaining({ channel: 'zalo', optedOut: false }),
    );
  });
});

/** The CN profile's languages: Chinese and English; Vietnamese is not one of them. */
describeOnBothEngines(
  'residents: language (cn)',
  (t) => {
    test('zh-CN and en are taken, vi-VN is a 400 naming body.language', async () => {
      await registerJianwaiCentre(t());
      const body = { fullName: '王小明', areaCode: '110105001' };
      expect((await postExpect(t(), '/api/residents', { ...body, language: 'zh-CN' })).language).toBe(
        'zh-CN',
      );
      expect((await postExpect(t(), '/api/residents', { ...body, language: 'EN' })).language).toBe('en');
      const bad = await t().inject({
        method: 'POST',
        url: '/api/residents',
        payload: { ...body, language: 'vi-VN' },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0]).toEqual({
        field: 'body.language',
        message: 'is not a language of this profile (zh-CN, en)',
      });
    });
  },
  { profile: 'cn' },
);
