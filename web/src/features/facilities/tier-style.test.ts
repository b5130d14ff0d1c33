import { describe, expect, it } from 'vitest';
import { drawingOrder, tierStyles } from './tier-style.ts';

const tiers = [
  { id: 'commune', rank: 4 },
  { id: 'central', rank: 1 },
  { id: 'district', rank: 3 },
  { id: 'provincial', rank: 2 },
];

describe('tierStyles', () => {
  it('gives each tier its own colour and a larger symbol to a higher tier', () => {
    const styles = tierStyles(tiers);
    const radii = ['central', 'provincial', 'district', 'commune'].map((t) => styles.get(t)?.radius ?? 0);
    expect([...radii].sort((a, b) => b - a)).toEqual(radii);
    expect(new Set(radii).size).toBe(4);
    expect(new Set([...styles.values()].map((s) => s.colour)).size).toBe(4);
  });

  it('draws large symbols first, so small ones stay on top', () => {
    const styles = tierStyles(tiers);
    const order = drawingOrder(
      [{ tier: 'commune' }, { tier: 'central' }, { tier: 'unknown' }, { tier: 'district' }],
      styles,
    ).map((x) => x.tier);
    expect(order.slice(0, 2)).toEqual(['central', 'district']);
  });
});
