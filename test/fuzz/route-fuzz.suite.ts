import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import { type AccessWorld, buildAccessWorld } from '../../src/modules/access/access.fixtures.ts';
import { describeOnBothEngines } from '../support/engines.ts';
import { callersFor, FUZZ_ROLES, fuzzWorldOf } from './fuzz-world.ts';
import {
  checkRequest,
  describeRequest,
  type FuzzWorld,
  installChangeCounter,
  operationsOf,
  requestsFor,
} from './route-fuzz.ts';

/**
 * Every documented route, fed requests generated from its own schema and mutated (see route-fuzz.ts):
 * never a 5xx, never a hang, errors as problem+json, a rejected request changes no row. The seed is
 * pinned so a failure repeats; fast-check prints it with the failing request. `npm run reliability`
 * runs the same with 10,000 cases per route.
 */
const SEED = 20261202;
/** Cases per route and engine (the file stays near two minutes on 2 shared cores): more on the server. */
const RUNS = { postgres: 100, embedded: 20 } as const;
const DEADLINE_MS = 10_000;

/**
 * The routes are dealt into `parts` shares and share `part` (0-based) is fuzzed: one file per share, so
 * each file stays under two minutes and the shares run side by side.
 */
export function describeRouteFuzzing(part: number, parts: number): void {
  describeOnBothEngines(`every route under generated bad input (share ${part + 1} of ${parts})`, (t) => {
    let w: AccessWorld;
    let world: FuzzWorld;

    beforeAll(async () => {
      await installChangeCounter(t().ctx.db);
      w = await buildAccessWorld(t(), { roles: FUZZ_ROLES });
      world = fuzzWorldOf(w);
    });

    test('no route answers 5xx, hangs, answers an error outside problem+json, or changes rows it refused', async () => {
      const all = operationsOf(t().app);
      expect(all.length).toBeGreaterThan(60);
      const ops = all.filter((_, i) => i % parts === part);
      for (const op of ops) {
        const callers = await callersFor(t().ctx.db, w, op, w.users.admin.password);
        await fc.assert(
          fc.asyncProperty(requestsFor(op, world), async (req) => {
            const { broken } = await checkRequest(t().app, t().ctx.db, req, callers, DEADLINE_MS);
            if (broken) throw new Error(`${op.method} ${op.path}: ${broken}\n  ${describeRequest(req)}`);
          }),
          { seed: SEED, numRuns: RUNS[t().name], endOnFailure: true },
        );
      }
    }, 600_000);
  });
}
