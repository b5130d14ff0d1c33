import { expect, test } from 'vitest';
import { Rng } from './random.ts';
import { familyNameShares, randomFullName } from './vietnamese-names.ts';

function sample(n: number, sex: 'male' | 'female', seed = 1): string[] {
  const r = new Rng(seed);
  return Array.from({ length: n }, () => randomFullName(r, sex));
}

test('family names follow national frequencies (Nguyễn ~38%, Trần ~11%, Lê ~9.5%)', () => {
  const names = [...sample(50_000, 'male'), ...sample(50_000, 'female', 2)];
  const share = (family: string) => names.filter((n) => n.startsWith(`${family} `)).length / names.length;
  expect(share('Nguyễn')).toBeGreaterThan(0.36);
  expect(share('Nguyễn')).toBeLessThan(0.4);
  expect(share('Trần')).toBeGreaterThan(0.095);
  expect(share('Trần')).toBeLessThan(0.125);
  expect(share('Lê')).toBeGreaterThan(0.08);
  expect(share('Lê')).toBeLessThan(0.11);
  expect(familyNameShares().get('Nguyễn')).toBeCloseTo(0.38, 2);
});

test('middle names: Văn dominates for men, Thị for women', () => {
  const middle = (n: string) => n.split(' ')[1];
  const men = sample(20_000, 'male');
  const women = sample(20_000, 'female');
  const van = men.filter((n) => middle(n) === 'Văn').length / men.length;
  const thi = women.filter((n) => middle(n) === 'Thị').length / women.length;
  expect(van).toBeGreaterThan(0.35);
  expect(thi).toBeGreaterThan(0.45);
  expect(women.filter((n) => middle(n) === 'Văn')).toEqual([]);
  expect(men.filter((n) => middle(n) === 'Thị')).toEqual([]);
});

test('given names are skewed but not degenerate: common names repeat, many distinct names exist', () => {
  const names = sample(100_000, 'male');
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  const top = Math.max(...counts.values());
  expect(top / names.length).toBeGreaterThan(0.003);
  expect(top / names.length).toBeLessThan(0.02);
  expect(counts.size).toBeGreaterThan(5_000);
  expect(counts.get('Nguyễn Văn An')).toBeGreaterThan(50);
});

test('names are whole words with diacritics, three or four syllables', () => {
  for (const n of sample(2_000, 'female')) {
    expect(n).toMatch(/^\p{Lu}\p{Ll}*( \p{Lu}\p{Ll}*){2,4}$/u);
  }
  expect(sample(5, 'male', 9)).toEqual(sample(5, 'male', 9));
});

test('minority names use the western districts’ family names', () => {
  const r = new Rng(4);
  const names = Array.from({ length: 200 }, () => randomFullName(r, 'female', { minority: true }));
  expect(names.some((n) => n.startsWith('Mấu ') || n.startsWith('Bo Bo ') || n.startsWith('Pi Năng '))).toBe(
    true,
  );
});

// Its speed (a million names for the population benchmark) is measured by bench/demo-names.ts.
test('the same seed gives the same names, over a long run', () => {
  const run = (seed: number) => {
    const r = new Rng(seed);
    return Array.from({ length: 20_000 }, (_, i) => randomFullName(r, i & 1 ? 'male' : 'female'));
  };
  const names = run(8);
  expect(run(8)).toEqual(names);
  expect(new Set(names).size).toBeGreaterThan(5_000);
});
