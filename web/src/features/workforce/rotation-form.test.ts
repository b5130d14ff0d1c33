import { describe, expect, it } from 'vitest';
import { parseClash, type RotationValues, rotationBody, rotationProblems } from './rotation-form.ts';

const ok: RotationValues = {
  workerId: '0193a2b4-0000-7000-8000-000000000001',
  hostFacilityId: '0193a2b4-0000-7000-8000-000000000002',
  startDate: '2026-12-07',
  endDate: '2027-03-31',
  weekdays: ['4', '2'],
  session: 'morning',
  note: '',
};

describe('the schedule-a-rotation form checks what the API checks', () => {
  it('a complete plan has no problem', () => {
    expect(rotationProblems(ok)).toEqual({});
  });

  it.each([
    [{ workerId: '' }, 'workerId', 'validation.required'],
    [{ hostFacilityId: '' }, 'hostFacilityId', 'validation.required'],
    [{ startDate: '' }, 'startDate', 'validation.required'],
    [{ startDate: '2026-13-01' }, 'startDate', 'workforce.validation.date'],
    [{ endDate: '2026-12-06' }, 'endDate', 'workforce.validation.endBeforeStart'],
    [{ endDate: '2027-12-07' }, 'endDate', 'workforce.validation.atMostYear'],
    [{ weekdays: [] as string[] }, 'weekdays', 'workforce.validation.weekday'],
    [{ note: 'x'.repeat(1001) }, 'note', 'validation.tooLong'],
  ] as const)('%o → %s: %s', (change, field, key) => {
    expect(rotationProblems({ ...ok, ...change })[field]?.key).toBe(key);
  });

  it('a plan of one day, and one of a year less a day, are fine', () => {
    expect(rotationProblems({ ...ok, endDate: ok.startDate })).toEqual({});
    expect(rotationProblems({ ...ok, endDate: '2027-12-06' })).toEqual({});
  });

  it('the body sends weekdays as sorted numbers and no empty note', () => {
    expect(rotationBody(ok)).toEqual({
      workerId: ok.workerId,
      hostFacilityId: ok.hostFacilityId,
      startDate: '2026-12-07',
      endDate: '2027-03-31',
      weekdays: [2, 4],
      session: 'morning',
    });
  });
});

describe("the API's clash answer, read for the reader's language", () => {
  it.each([
    ['the whole day', 'day'],
    ['the morning', 'morning'],
    ['the afternoon', 'afternoon'],
  ] as const)('for %s', (words, session) => {
    expect(
      parseClash(
        `Nguyễn Văn An (BS001) is already rotating to Trạm Y tế Sơn Bình (56813) on 2026-12-01 for ${words} (rotation 0193): a worker cannot be at two places at once`,
      ),
    ).toEqual({
      worker: 'Nguyễn Văn An (BS001)',
      host: 'Trạm Y tế Sơn Bình (56813)',
      date: '2026-12-01',
      session,
    });
  });

  it('another message is not taken for a clash', () => {
    expect(parseClash('Rotation 0193 is cancelled: plan a new one instead')).toBeNull();
  });
});
