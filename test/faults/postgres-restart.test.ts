import { expect, test } from 'vitest';
import {
  describeOutcome,
  isLate,
  isWrongAnswer,
  privateClusterUnavailable,
  restartUnderLoad,
} from './postgres-restart.ts';

/**
 * The PostgreSQL server restarted under load (postgres-restart.ts runs it): every request answers within
 * its deadline, either 2xx or 503 problem+json with Retry-After; afterwards requests succeed again
 * without any restart of the application (the pool recovers by itself), and every sign-in answered 200
 * left a session that works. Before the fix, 148 answers of one run were 500s and three 57P01 errors
 * were unhandled (a session ended between two queries of a request).
 */
const unavailable = privateClusterUnavailable();
if (unavailable) console.log(`[postgres-restart] skipped: ${unavailable}`);

test.skipIf(unavailable !== undefined)(
  'PostgreSQL restarted under load: 2xx or 503 with Retry-After in time, and the pool recovers by itself',
  async () => {
    const r = await restartUnderLoad();
    expect(r.outcomes.filter(isLate).map(describeOutcome)).toEqual([]);
    expect(r.outcomes.filter(isWrongAnswer).map(describeOutcome)).toEqual([]);
    // The fault was felt: requests were refused while the server was down.
    const refused = r.outcomes.filter((o) => o.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    // Before the stop everything succeeded (a request in flight at the stop may be a 503).
    expect(r.outcomes.filter((o) => o.end < r.stoppedAt && o.status !== 200).map(describeOutcome)).toEqual(
      [],
    );
    expect(r.afterwards.filter((o) => o.status !== 200).map(describeOutcome)).toEqual([]);
    expect(r.lostSignIns).toEqual([]);
    console.log(
      `[postgres-restart] ${r.outcomes.length} requests: ${r.outcomes.filter((o) => o.status === 200).length} 200, ` +
        `${refused.length} 503 (slowest ${Math.round(Math.max(0, ...refused.map((o) => o.ms)))} ms), ` +
        `${r.savedSignIns} sign-ins answered 200, all kept`,
    );
  },
  90_000,
);
