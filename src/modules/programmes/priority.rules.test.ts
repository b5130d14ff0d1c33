import { describe, expect, test } from 'vitest';
import type { RiskFacts, VisitFact } from './facts.ts';
import { priorityOf, riskOf } from './priority.rules.ts';

const visit = (date: string, observations: Record<string, number>, diagnoses: string[] = []): VisitFact => ({
  id: date,
  date,
  observations,
  diagnoses,
  services: [],
});

describe('risk from the records', () => {
  test('the last visit with both numbers, whatever the order given', () => {
    const risk = riskOf({
      visits: [
        visit('2026-05-01', { '8480-6': 150, '8462-4': 95 }),
        visit('2026-09-01', { '8480-6': 185 }),
        visit('2026-07-01', { '8480-6': 132, '8462-4': 84 }),
      ],
      problems: [],
    });
    expect(risk).toEqual({
      lastSystolic: 132,
      lastDiastolic: 84,
      lastBpOn: '2026-07-01',
      cardiovascularEvent: false,
    });
  });

  test.each([
    ['I21.9', true],
    ['I22.0', true],
    ['I25.2', true],
    ['I63.9', true],
    ['I64', true],
    ['I69.3', true],
    ['I10', false],
    ['I25.1', false],
    ['E11.9', false],
  ])('problem %s is a heart attack or stroke: %s', (code, expected) => {
    expect(riskOf({ visits: [], problems: [{ code, since: null, active: false }] }).cardiovascularEvent).toBe(
      expected,
    );
  });

  test('a stroke diagnosed at a visit counts as well', () => {
    expect(riskOf({ visits: [visit('2026-01-01', {}, ['I61.9'])], problems: [] }).cardiovascularEvent).toBe(
      true,
    );
  });

  test('no readings: nulls', () => {
    expect(riskOf({ visits: [visit('2026-01-01', { '29463-7': 60 })], problems: [] })).toEqual({
      lastSystolic: null,
      lastDiastolic: null,
      lastBpOn: null,
      cardiovascularEvent: false,
    });
  });
});

const risk = (s: number | null, d: number | null, cve = false): RiskFacts => ({
  lastSystolic: s,
  lastDiastolic: d,
  lastBpOn: s === null ? null : '2026-01-01',
  cardiovascularEvent: cve,
});
// Overdue after 2026-01-01: on asOf it is daysBetween(2026-01-01, asOf) days overdue.
const window = { dueFrom: '2025-12-01', overdueAfter: '2026-01-01', expiresOn: null, doneOn: null };
const daysLate = (days: number) => {
  const d = new Date(Date.UTC(2026, 0, 1 + days));
  return d.toISOString().slice(0, 10);
};

describe("the worklist's order (Simple's risk levels)", () => {
  test.each([
    ['30 days overdue, last 180/100', risk(180, 100), 30, 1],
    ['200 days overdue, last 150/110', risk(150, 110), 200, 1],
    ['365 days overdue, stroke and 145/85', risk(145, 85, true), 365, 1],
    ['60 days overdue, stroke but 130/80', risk(130, 80, true), 60, 3],
    ['60 days overdue, 150/95', risk(150, 95), 60, 2],
    ['60 days overdue, no reading', risk(null, null), 60, 2],
    ['60 days overdue, controlled 128/82', risk(128, 82), 60, 3],
    ['29 days overdue, 190/120', risk(190, 120), 29, 2],
    ['10 days overdue, 150/95', risk(150, 95), 10, 3],
    ['due, not overdue, 200/120', risk(200, 120), 0, 2],
    ['400 days overdue, controlled', risk(120, 80), 400, 4],
    ['400 days overdue, no reading', risk(null, null), 400, 4],
    ['400 days overdue, uncontrolled 160/100', risk(160, 100), 400, 3],
    ['366 days overdue, 185/115', risk(185, 115), 366, 3],
  ])('%s: priority %i', (_label, r, days, expected) => {
    expect(priorityOf(r, window, daysLate(days))).toBe(expected);
  });
});
