/**
 * The rows of `npm run reliability` after the route fuzzing (issue 18): faults injected × rows lost,
 * load held (a short bench:load run: requests/s, p95, errors) and the ASVS items docs/SECURITY.md maps
 * to tests. Each part is a function returning figures; reliability.ts prints them. No vitest.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type LoadResult, runLoad } from '../../bench/support/load-run.ts';
import { PROJECT_ROOT } from '../../src/platform/project-root.ts';
import {
  isLate,
  isWrongAnswer,
  privateClusterUnavailable,
  restartUnderLoad,
} from '../faults/postgres-restart.ts';

/** One fault injected: how many times, what was asked during it, and what broke. */
export interface FaultRow {
  fault: string;
  injected: number;
  requests: number;
  /** Answers that were neither a success nor the promised refusal (a 503 with Retry-After). */
  wrong: number;
  hangs: number;
  /** Rows (or sessions) reported saved and then missing. */
  rowsLost: number;
  note?: string;
}

/** The PostgreSQL restart under load (test/faults/postgres-restart.ts), or why it could not run. */
export async function postgresRestartFault(): Promise<FaultRow> {
  const fault = 'PostgreSQL restarted under load (6 clients)';
  const unavailable = privateClusterUnavailable();
  if (unavailable)
    return {
      fault,
      injected: 0,
      requests: 0,
      wrong: 0,
      hangs: 0,
      rowsLost: 0,
      note: `skipped: ${unavailable}`,
    };
  const r = await restartUnderLoad();
  const all = [...r.outcomes, ...r.afterwards];
  return {
    fault,
    injected: 1,
    requests: all.length,
    wrong: all.filter(isWrongAnswer).length + r.afterwards.filter((o) => o.status !== 200).length,
    hangs: all.filter(isLate).length,
    rowsLost: r.lostSignIns.length,
    note: `${r.outcomes.filter((o) => o.status === 503).length} answered 503 with Retry-After; ${r.savedSignIns} sign-ins answered 200, each session checked after`,
  };
}

/**
 * The kill -9 faults of CSV imports, when test/fuzz/import-faults.ts provides them as
 * `importFaultRows(): Promise<FaultRow[]>` (the imports work owns that file); otherwise none.
 */
export async function importFaultRows(): Promise<FaultRow[] | string> {
  const file = path.join(PROJECT_ROOT, 'test/fuzz/import-faults.ts');
  if (!fs.existsSync(file)) return 'test/fuzz/import-faults.ts is not there';
  const mod = (await import(pathToFileURL(file).href)) as { importFaultRows?: () => Promise<FaultRow[]> };
  if (typeof mod.importFaultRows !== 'function')
    return 'test/fuzz/import-faults.ts exports no importFaultRows()';
  return mod.importFaultRows();
}

/** A short load run on one engine (bench/support/load-run.ts). */
export function loadHeld(engine: 'postgres' | 'embedded', seconds: number): Promise<LoadResult> {
  return runLoad({ engine, seconds });
}

/** The ASVS rows of docs/SECURITY.md: covered by tests, partly (a gap named beside tests), or a gap. */
export function asvsCoverage(file = path.join(PROJECT_ROOT, 'docs/SECURITY.md')) {
  const rows = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ASVS'))
    .map((line) => line.split('|').map((cell) => cell.trim()));
  let covered = 0;
  let partial = 0;
  let gaps = 0;
  let items = 0;
  for (const cells of rows) {
    const tests = cells[4] ?? '';
    // "2.1.1, 2.1.7" names two items; "2.7–2.9" a range, counted as one row's worth.
    items += (cells[1] ?? '').split(',').length;
    if (tests.startsWith('**gap**')) gaps++;
    else if (tests.includes('**partial**') || tests.includes('**gap**')) partial++;
    else covered++;
  }
  return { rows: rows.length, items, covered, partial, gaps };
}
