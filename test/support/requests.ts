import { expect } from 'vitest';
import type { TestEngine } from './engines.ts';

/** POSTs as the test's user and expects success (the body is in the failure message): the reply's JSON. */
export async function postOk(t: TestEngine, url: string, payload: Record<string, unknown>) {
  const res = await t.inject({ method: 'POST', url, payload });
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}
