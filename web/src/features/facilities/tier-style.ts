/**
 * One colour and one symbol size per tier, by the tier's rank in the profile (1 = the highest tier):
 * higher tiers are larger, so a provincial hospital stands out among commune stations. Colours are dark
 * enough for the white map (3:1 against white at least) and told apart without relying on hue alone,
 * since the size differs too.
 */
const COLOURS = ['#7b2d8e', '#c0392b', '#b35c00', '#1f6f9f', '#2f7d32', '#5d4037'];
const RADII = [11, 9, 7, 5, 4, 4];

export interface TierStyle {
  tier: string;
  colour: string;
  radius: number;
}

export function tierStyles(tiers: readonly { id: string; rank: number }[]): Map<string, TierStyle> {
  const ranked = [...tiers].sort((a, b) => a.rank - b.rank);
  return new Map(
    ranked.map((t, i) => [
      t.id,
      {
        tier: t.id,
        colour: COLOURS[Math.min(i, COLOURS.length - 1)] ?? '#555',
        radius: RADII[Math.min(i, RADII.length - 1)] ?? 4,
      },
    ]),
  );
}

/** A tier the profile does not know (old data): grey and small, still drawn. */
export const UNKNOWN_TIER: Omit<TierStyle, 'tier'> = { colour: '#555555', radius: 4 };

/** Drawing order: the largest symbols first, so the small ones on top stay visible and clickable. */
export function drawingOrder<T extends { tier: string }>(
  items: readonly T[],
  styles: Map<string, TierStyle>,
): T[] {
  const radius = (t: string) => styles.get(t)?.radius ?? UNKNOWN_TIER.radius;
  return [...items].sort((a, b) => radius(b.tier) - radius(a.tier));
}
