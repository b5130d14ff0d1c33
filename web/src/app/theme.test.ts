import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { AA_TEXT, contrastRatio } from './contrast.ts';
import { cssVariablesResolver, DIMMED, READABLE_COLORS, themeFor } from './theme.ts';

const WHITE = '#ffffff';

describe('the theme meets WCAG 2.1 AA contrast', () => {
  it.each(Object.keys(DEFAULT_THEME.colors))(
    '%s: filled (shade 8) under white text, light text (shade 9) on shades 1 and 2',
    (name) => {
      const shades = READABLE_COLORS[name]!;
      expect(contrastRatio(WHITE, shades[8])).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrastRatio(shades[9], WHITE)).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrastRatio(shades[9], shades[1])).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrastRatio(shades[9], shades[2])).toBeGreaterThanOrEqual(AA_TEXT);
    },
  );

  it('keeps the pale shades (backgrounds) as Mantine has them', () => {
    expect(READABLE_COLORS.teal.slice(0, 8)).toEqual(DEFAULT_THEME.colors.teal.slice(0, 8));
  });

  it('placeholders take the dimmed colour', () => {
    const light = cssVariablesResolver(mergeMantineTheme(DEFAULT_THEME, themeFor({ clear: 'Clear' }))).light;
    expect(light['--mantine-color-placeholder']).toBe(DIMMED);
  });

  it('dimmed text reads on white and on the pale gray surfaces', () => {
    for (const surface of [WHITE, DEFAULT_THEME.colors.gray[0], DEFAULT_THEME.colors.gray[1]]) {
      expect(contrastRatio(DIMMED, surface)).toBeGreaterThanOrEqual(AA_TEXT);
    }
  });
});
