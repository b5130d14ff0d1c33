/**
 * How fast the demo makes Vietnamese names (the population benchmark makes 1.2 million): prints the
 * time for a million names over five runs. `node --import tsx bench/demo-names.ts`
 */
import { Rng } from '../src/demo/random.ts';
import { randomFullName } from '../src/demo/vietnamese-names.ts';

const runs: number[] = [];
for (let run = 0; run < 5; run++) {
  const r = new Rng(8);
  const t0 = performance.now();
  let length = 0;
  for (let i = 0; i < 1_000_000; i++) length += randomFullName(r, i & 1 ? 'male' : 'female').length;
  runs.push(performance.now() - t0);
  if (length === 0) throw new Error('no names made');
}
runs.sort((a, b) => a - b);
const ms = (v: number | undefined) => `${(v ?? 0).toFixed(0)} ms`;
console.log(`1,000,000 names: min ${ms(runs[0])}, median ${ms(runs[2])}, max ${ms(runs[4])}`);
