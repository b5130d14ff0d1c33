import { describe, expect, it } from 'vitest';
import type { Rotation } from './api.ts';
import { weekDates } from './week.ts';
import { byDay, entriesFromCalendar, entriesFromRotations, placeName } from './week-entries.ts';

const centre = { id: 'c', code: '56800', name: 'Trung tâm Y tế huyện' };
const station = { id: 's', code: '56811', name: 'Trạm Y tế xã' };

const rotation = (over: Partial<Rotation>): Rotation => ({
  id: 'r1',
  workerId: 'w1',
  workerCode: 'BS1',
  workerName: 'Trần Bình',
  homeFacility: centre,
  hostFacility: station,
  startDate: '2026-11-30',
  endDate: '2027-05-30',
  weekdays: [1, 3],
  dates: [],
  session: 'day',
  note: null,
  active: true,
  ...over,
});

describe('week entries', () => {
  it('the area view lays each active rotation on its session days, morning before afternoon', () => {
    const entries = entriesFromRotations(
      [
        rotation({ id: 'r2', workerName: 'Lê An', session: 'afternoon', weekdays: [3] }),
        rotation({}),
        rotation({ id: 'r3', workerName: 'Phạm Cúc', session: 'morning', weekdays: [3] }),
        rotation({ id: 'r4', active: false }),
      ],
      '2026-11-30',
      '2026-12-06',
    );
    expect(entries.map((e) => [e.date, e.session, e.workerName, e.place.code])).toEqual([
      ['2026-11-30', 'day', 'Trần Bình', '56811'],
      ['2026-12-02', 'morning', 'Phạm Cúc', '56811'],
      ['2026-12-02', 'day', 'Trần Bình', '56811'],
      ['2026-12-02', 'afternoon', 'Lê An', '56811'],
    ]);
  });

  it("a station's calendar keeps the API's role and names the other facility", () => {
    const entries = entriesFromCalendar({
      facility: station,
      from: '2026-11-30',
      to: '2026-12-06',
      days: [
        {
          date: '2026-12-01',
          session: 'day',
          workerId: 'w1',
          workerName: 'Trần Bình',
          role: 'host',
          otherFacility: centre,
          rotationId: 'r1',
        },
      ],
    });
    expect(entries).toEqual([
      {
        date: '2026-12-01',
        session: 'day',
        workerId: 'w1',
        workerName: 'Trần Bình',
        role: 'host',
        place: centre,
        rotationId: 'r1',
      },
    ]);
  });

  it('every day of the week is there, with or without sessions', () => {
    const days = byDay(
      weekDates('2026-11-30'),
      entriesFromRotations([rotation({})], '2026-11-30', '2026-12-06'),
    );
    expect([...days.keys()]).toHaveLength(7);
    expect(days.get('2026-11-30')).toHaveLength(1);
    expect(days.get('2026-12-01')).toEqual([]);
  });
});

describe('a place outside the reader scope', () => {
  it("is left unsaid rather than shown as the API's '?'", () => {
    const [entry] = entriesFromRotations(
      [rotation({ hostFacility: { id: 'x', code: '?', name: '?' } })],
      '2026-11-30',
      '2026-11-30',
    );
    expect(entry && placeName(entry)).toBeNull();
    const [known] = entriesFromRotations([rotation({})], '2026-11-30', '2026-11-30');
    expect(known && placeName(known)).toBe('Trạm Y tế xã');
  });
});
