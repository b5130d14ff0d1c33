// PLACEHOLDER until the workforce module lands (helper B replaces this file).
import type { Writable } from 'node:stream';
import type { App, AppContext } from '../../platform/app-context.ts';
import type { ImportDefinition } from '../../platform/csv/import-runner.ts';
import type { CountryProfile } from '../../platform/profile.ts';
export function workforceRoutes(_app: App, _ctx: AppContext): void {}
export function workerImport(_p: CountryProfile): ImportDefinition<unknown> {
  throw new Error('pending');
}
export async function exportWorkersCsv(_ctx: AppContext, _out: Writable): Promise<number> {
  return 0;
}
