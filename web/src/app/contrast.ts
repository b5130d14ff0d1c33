/**
 * WCAG 2.1 colour contrast (success criterion 1.4.3), as axe-core measures it: relative luminance of
 * sRGB colours and the ratio (L1 + 0.05) / (L2 + 0.05). Pure, so the theme's colours are unit-tested.
 */

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  const n = Number.parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance of an sRGB colour (#rrggbb or #rgb), 0 for black to 1 for white. */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Text of normal size needs 4.5:1 at level AA; a little over, so rounding in a browser never tips it. */
export const AA_TEXT = 4.6;

/**
 * The colour itself if it reads on the background at the ratio, or else the same hue mixed with black
 * step by step until it does. `readableOn('#099268', '#ffffff')` is a darker teal at 4.6:1.
 */
export function readableOn(colour: string, background: string, ratio = AA_TEXT): string {
  const rgb = parseHex(colour);
  for (let black = 0; black <= 1; black += 0.01) {
    const candidate = toHex(rgb.map((c) => c * (1 - black)) as Rgb);
    if (contrastRatio(candidate, background) >= ratio) return candidate;
  }
  return '#000000';
}
