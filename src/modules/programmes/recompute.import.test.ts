import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import { DISTRICT_568, registerAreas } from '../../../test/support/places.ts';
import { JobWorker } from '../jobs/index.ts';
import { runImportFile } from '../registry-io.ts';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'grassroots-recompute-import-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/**
 * A residents import ends with the imported residents' due store computed, not row by row inside the
 * import but by the job programmes.recompute it queues over the area holding them (both engines): the
 * CLI's import answers the job (the CLI runs it to its end), the HTTP import queues it for the worker.
 */

const childrenCsv = (tag: string) =>
  [
    'code,full_name,sex,birth_date,area_code',
    `${tag}-1,Bé Một,female,2026-09-01,56801`,
    `${tag}-2,Bé Hai,male,2026-10-01,56802`,
  ].join('\n');

const epiRowsOf = async (t: TestEngine, tag: string) =>
  (
    await sql<{ code: string; n: string }>`
      select r.code, count(d.id)::text as n from resident r
      left join programme_due d on d.resident_id = r.id and d.programme_id = 'vn-epi'
      where r.code like ${`${tag}-%`} group by r.code order by r.code`.execute(t.ctx.db)
  ).rows.map((r) => [r.code, Number(r.n) > 0]);

const jobOf = async (t: TestEngine, id: string) =>
  (
    await sql<{ kind: string; state: string; area_path: string | null }>`
      select kind, state, area_path::text as area_path from job where id = ${id}`.execute(t.ctx.db)
  ).rows[0];

describeOnBothEngines('programmes recompute after a residents import', (t) => {
  beforeAll(() => registerAreas(t(), DISTRICT_568));

  test('the CLI import queues the recompute of the imported area, and it computes their due items', async () => {
    const file = path.join(folder, `cli-${t().name}.csv`);
    fs.writeFileSync(file, childrenCsv('CLI'));
    const report = await runImportFile(t().ctx, 'residents', file);
    expect(report.created).toBe(2);
    expect(await epiRowsOf(t(), 'CLI')).toEqual([
      ['CLI-1', false],
      ['CLI-2', false],
    ]);
    const id = report.recomputeJobId!;
    expect(await jobOf(t(), id)).toMatchObject({ kind: 'programmes.recompute', state: 'queued' });
    expect((await jobOf(t(), id))!.area_path).toMatch(/^[\d.]*568$/);
    const end = await new JobWorker(t().ctx, { leaseMs: 30_000 }).runToEnd(id);
    expect(end.state).toBe('done');
    expect(await epiRowsOf(t(), 'CLI')).toEqual([
      ['CLI-1', true],
      ['CLI-2', true],
    ]);
  });

  test('the HTTP import queues it too (the server worker runs it); a file of nothing new queues none', async () => {
    const before = await sql<{ id: string }>`select id from job`.execute(t().ctx.db);
    const res = await t().inject({
      method: 'POST',
      url: '/api/imports/residents',
      headers: { 'content-type': 'text/csv' },
      payload: childrenCsv('WEB'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const queued = await sql<{ id: string }>`
      select id from job where kind = 'programmes.recompute' and state = 'queued'
        and not (id = any(${before.rows.map((r) => r.id)}::uuid[]))`.execute(t().ctx.db);
    expect(queued.rows).toHaveLength(1);
    await new JobWorker(t().ctx, { leaseMs: 30_000 }).runToEnd(queued.rows[0]!.id);
    expect(await epiRowsOf(t(), 'WEB')).toEqual([
      ['WEB-1', true],
      ['WEB-2', true],
    ]);

    const empty = path.join(folder, `empty-${t().name}.csv`);
    fs.writeFileSync(empty, 'code,full_name,sex,birth_date,area_code\n');
    expect((await runImportFile(t().ctx, 'residents', empty)).recomputeJobId).toBeNull();
  });
});
