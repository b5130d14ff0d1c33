import { describe, expect, it } from 'vitest';
import { AA_TEXT, contrastRatio, luminance, readableOn } from './contrast.ts';

describe('colour contrast (WCAG 2.1)', () => {
  it.each([
    // The failures axe reported before the theme was fixed: Mantine's gray.6 and teal.8 on white.
    { fg: '#868e96', bg: '#ffffff', want: 3.32 },
    { fg: '#ffffff', bg: '#099268', want: 3.94 },
    { fg: '#000000', bg: '#ffffff', want: 21 },
    { fg: '#fff', bg: '#fff', want: 1 },
  ])('$fg on $bg is $want:1', ({ fg, bg, want }) => {
    expect(contrastRatio(fg, bg)).toBeCloseTo(want, 1);
  });

  it('gives luminance 0 to black and 1 to white', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1, 10);
  });

  it.each([
    { colour: '#099268', background: '#ffffff' },
    { colour: '#f08c00', background: '#ffffff' },
    { colour: '#868e96', background: '#f1f3f5' },
  ])('darkens $colour until it reads on $background', ({ colour, background }) => {
    const readable = readableOn(colour, background);
    expect(readable).not.toBe(colour);
    expect(contrastRatio(readable, background)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(luminance(readable)).toBeLessThan(luminance(colour));
  });

  it('keeps a colour that already reads', () => {
    expect(readableOn('#495057', '#ffffff')).toBe('#495057');
  });
});
