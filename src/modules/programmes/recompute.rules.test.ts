import { describe, expect, test } from 'vitest';
import { commonArea } from './recompute.rules.ts';

describe('commonArea: the one area an import recomputes', () => {
  test.each([
    { paths: [], area: null },
    { paths: ['45.451.45101'], area: '45.451.45101' },
    { paths: ['45.451.45101', '45.451.45102'], area: '45.451' },
    { paths: ['45.451.45101', '45.451'], area: '45.451' },
    { paths: ['45.451.45101', '45.452.45201', '45.451.45102'], area: '45' },
    // Labels, not characters: 45.45 is not an ancestor of 45.451.
    { paths: ['45.45.4501', '45.451.45101'], area: '45' },
    { paths: ['45.451', '56.568'], area: null },
  ])('$paths -> $area', ({ paths, area }) => {
    expect(commonArea(paths)).toBe(area);
  });
});
