import { expect } from 'vitest';
import type { TestEngine } from './engines.ts';

/** POSTs as the test's user and expects success (the body is in the failure message): the reply's JSON. */
export async function postOk(t: TestEngine, url: string, payload: Record<string, unknown>) {
  const res = await t.inject({ method: 'POST', url, payload });
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

/** POSTs as the test's user and expects exactly `status` (201, a record registered, unless told): the reply's JSON. */
export async function postExpect(t: TestEngine, url: string, payload: unknown, status = 201) {
  const res = await t.inject({ method: 'POST', url, payload: payload as Record<string, unknown> });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
  return res.json();
}

/** GETs as the test's user and expects a 200: the reply's JSON. */
export async function getOk(t: TestEngine, url: string) {
  const res = await t.inject({ url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
}

/** What an import answers: rows read, created, updated, and each refused row with its line and reason. */
export interface ImportReport {
  read: number;
  created: number;
  updated: number;
  rejected: { line: number; reason: string }[];
}

/** POSTs a CSV file to `/api/imports/<kind>` and expects the import to run (200): its report. */
export async function importCsvOk(t: TestEngine, kind: string, csv: string): Promise<ImportReport> {
  const res = await t.inject({
    method: 'POST',
    url: `/api/imports/${kind}`,
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
