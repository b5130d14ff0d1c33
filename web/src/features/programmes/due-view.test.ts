import { describe, expect, it } from 'vitest';
import type { DueItem, ResidentDue } from './api.ts';
import { programmeCards, vaccinationView } from './due-view.ts';

const item = (programmeId: string, itemId: string, dueFrom: string, kind = 'immunization'): DueItem => ({
  programmeId,
  kind: kind as DueItem['kind'],
  itemId,
  episodeId: null,
  dueFrom,
  earliestOn: dueFrom,
  overdueAfter: null,
  expiresOn: null,
  doneOn: null,
  doneBy: null,
  comeOn: null,
  lastAttempt: null,
});

const due = (lists: Partial<ResidentDue>): ResidentDue => ({
  asOf: '2026-12-04',
  due: [],
  overdue: [],
  upcoming: [],
  upcomingUntil: '2027-12-05',
  done: [],
  expired: [],
  closed: [],
  invalidDoses: [],
  ...lists,
});

describe('a resident’s programme cards', () => {
  it('counts each programme’s items by state, overdue programmes first, with the next upcoming item', () => {
    const cards = programmeCards(
      due({
        done: [item('epi', 'bcg', '2026-01-01'), item('epi', 'hepb-0', '2026-01-01')],
        upcoming: [
          item('epi', 'penta-3', '2027-01-10'),
          item('epi', 'penta-2', '2026-12-20'),
          item('htn', 'follow-up', '2027-02-01', 'hypertension'),
        ],
        overdue: [item('htn', 'follow-up', '2026-10-01', 'hypertension')],
        due: [item('epi', 'opv-1', '2026-12-01')],
      }),
    );
    expect(cards.map((c) => [c.programmeId, c.kind, c.counts, c.next?.itemId])).toEqual([
      ['htn', 'hypertension', { overdue: 1, due: 0, upcoming: 1, done: 0 }, 'follow-up'],
      ['epi', 'immunization', { overdue: 0, due: 1, upcoming: 2, done: 2 }, 'penta-2'],
    ]);
  });

  it('has no card for a resident nothing is listed for', () => {
    expect(programmeCards(due({}))).toEqual([]);
  });
});

describe('a child’s vaccinations', () => {
  it('lists today’s doses overdue first, and the next upcoming one; other kinds are left out', () => {
    const view = vaccinationView(
      due({
        due: [item('epi', 'opv-1', '2026-12-01'), item('anc', 'anc-2', '2026-12-01', 'antenatal')],
        overdue: [item('epi', 'bcg', '2026-01-01')],
        upcoming: [item('epi', 'penta-3', '2027-01-10'), item('epi', 'penta-2', '2026-12-20')],
      }),
    );
    expect(view.today.map((x) => [x.item.itemId, x.state])).toEqual([
      ['bcg', 'overdue'],
      ['opv-1', 'due'],
    ]);
    expect(view.next?.itemId).toBe('penta-2');
  });
});
