import { describe, expect, test } from 'vitest';
import { hashString, Rng, weightedTable } from './random.ts';

describe('Rng', () => {
  test('the same seed gives the same sequence; another seed another', () => {
    const draw = (seed: number | string) => {
      const r = new Rng(seed);
      return Array.from({ length: 20 }, () => r.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw('khanh-hoa')).toEqual(draw('khanh-hoa'));
    expect(draw(42)).not.toEqual(draw(43));
  });

  test('a known seed gives known values (the demo must not change across machines)', () => {
    const r = new Rng(1);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32()]).toMatchInlineSnapshot(`
      [
        1828152527,
        3394835397,
        2967886022,
      ]
    `);
  });

  test('forks are reproducible and independent of draws made on siblings', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const fa = a.fork('workers');
    b.fork('areas').next();
    const fb = b.fork('workers');
    expect(fa.next()).toBe(fb.next());
    expect(new Rng(7).fork('x').next()).not.toBe(new Rng(7).fork('y').next());
  });

  test.each([
    [0, 0],
    [1, 6],
    [-3, 3],
    [10, 1_000_000],
  ])('int(%i, %i) stays in range and reaches both ends', (min, max) => {
    const r = new Rng(3);
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    let integers = true;
    for (let i = 0; i < 20_000; i++) {
      const x = r.int(min, max);
      integers &&= Number.isInteger(x);
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    expect(integers).toBe(true);
    expect(lo).toBeGreaterThanOrEqual(min);
    expect(hi).toBeLessThanOrEqual(max);
    if (max - min < 10) expect([lo, hi]).toEqual([min, max]);
  });

  test('next() is uniform in [0, 1)', () => {
    const r = new Rng(11);
    const bins = new Array(10).fill(0);
    let inRange = true;
    for (let i = 0; i < 100_000; i++) {
      const x = r.next();
      inRange &&= x >= 0 && x < 1;
      bins[Math.floor(x * 10)]++;
    }
    expect(inRange).toBe(true);
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });

  test('weighted draws follow the weights', () => {
    const r = new Rng(5);
    const table = weightedTable([
      ['a', 1],
      ['b', 3],
      ['c', 0],
      ['d', 6],
    ]);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0, d: 0 };
    for (let i = 0; i < 100_000; i++) counts[r.weighted(table)]!++;
    expect(counts.c).toBe(0);
    expect(counts.a! / 100_000).toBeCloseTo(0.1, 1);
    expect(counts.b! / 100_000).toBeCloseTo(0.3, 1);
    expect(counts.d! / 100_000).toBeCloseTo(0.6, 1);
  });

  test('normal() has the asked mean and spread', () => {
    const r = new Rng(9);
    const xs = Array.from({ length: 50_000 }, () => r.normal(40, 10));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(40, 0);
    expect(Math.abs(sd - 10)).toBeLessThan(0.3);
  });

  test('shuffle keeps every element; pick refuses an empty array', () => {
    const r = new Rng(2);
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect([...r.shuffle([...items])].sort((a, b) => a - b)).toEqual(items);
    expect(() => r.pick([])).toThrow();
  });

  test.each([[[]], [[['a', -1]]], [[['a', 0]]]] as const)('weightedTable refuses %j', (entries) => {
    expect(() => weightedTable(entries as unknown as [string, number][])).toThrow();
  });

  test('hashString is FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});
