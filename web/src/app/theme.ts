import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  FileInput,
  Loader,
  type MantineColorsTuple,
  type MantineThemeColors,
  MultiSelect,
  Select,
} from '@mantine/core';
import { readableOn } from './contrast.ts';

/**
 * The app's Mantine theme, made to meet WCAG 2.1 AA contrast (4.5:1 for text) with Mantine's own
 * palettes. Mantine (light scheme) draws with two shades of each colour: shade 8 (the primary shade) is
 * a filled button's or badge's background under white text, an outline's and a link's colour; shade 9
 * is the text of a light badge or alert, on shade 1 (shade 2 on hover). Several default palettes miss
 * 4.5:1 there (teal 8 under white is 3.9:1, yellow 9 on white 3.0:1), so each palette's shades 8 and 9
 * are darkened, keeping their hue, until they pass.
 */

const WHITE = DEFAULT_THEME.white;

/** The pale shades (0 and 1) of every palette: the tinted surfaces of cards, alerts and badges. */
const PALE_SURFACES = Object.values(DEFAULT_THEME.colors).flatMap((shades) => [shades[0], shades[1]]);

function readablePalette(shades: MantineColorsTuple): MantineColorsTuple {
  const [s0, s1, s2, s3, s4, s5, s6, s7, s8, s9] = shades;
  const filled = readableOn(s8, WHITE);
  // Light text sits on shade 1, and on shade 2 under the pointer; links and outlines also sit on other
  // palettes' pale shades: it must read on the darkest of them.
  const lightText = [WHITE, s2, ...PALE_SURFACES].reduce(
    (colour, surface) => readableOn(colour, surface),
    s9,
  );
  return [s0, s1, s2, s3, s4, s5, s6, s7, filled, lightText];
}

/** Every Mantine palette with readable shades 8 and 9. */
export const READABLE_COLORS = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors).map(([name, shades]) => [name, readablePalette(shades)]),
) as MantineThemeColors;

/**
 * The theme in the reader's language: the words it needs are the names of icon buttons Mantine draws
 * itself (the × that clears a field), which a screen reader must be able to say.
 */
export function themeFor(words: { clear: string }) {
  const clearButtonProps = { 'aria-label': words.clear };
  return createTheme({
    colors: READABLE_COLORS,
    primaryColor: 'teal',
    primaryShade: 8,
    defaultRadius: 'md',
    // Animations stop for people who asked their phone for less motion (and in the browser tests).
    respectReducedMotion: true,
    components: {
      // A spinner is a plain span: the name it is given (aria-label "Loading") is only allowed on a role.
      Loader: Loader.extend({ defaultProps: { role: 'status' } }),
      FileInput: FileInput.extend({ defaultProps: { clearButtonProps } }),
      Select: Select.extend({ defaultProps: { clearButtonProps } }),
      MultiSelect: MultiSelect.extend({ defaultProps: { clearButtonProps } }),
    },
  });
}

/**
 * Dimmed text (places, labels, dates) and error text: Mantine's gray 6 (3.3:1 on white) and red 6
 * (3.3:1) are too pale. Dimmed is gray 6 darkened until it reads on gray 1, the palest tinted surface.
 */
export const DIMMED = readableOn(DEFAULT_THEME.colors.gray[6], DEFAULT_THEME.colors.gray[1]);

/**
 * Text in a colour that may sit on a tinted surface (a link inside an alert, an outline badge on a pale
 * card) takes shade 9, which reads on every palette's pale shades; Mantine would use shade 8.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': DIMMED,
    // A placeholder is text too (Mantine's gray 5 reads at 2.1:1): it takes the dimmed colour.
    '--mantine-color-placeholder': DIMMED,
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-anchor': `var(--mantine-color-${resolved.primaryColor}-9)`,
    ...Object.fromEntries(
      Object.keys(resolved.colors).map((name) => [
        `--mantine-color-${name}-outline`,
        `var(--mantine-color-${name}-9)`,
      ]),
    ),
  },
  dark: {},
});
