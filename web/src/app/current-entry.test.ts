import { describe, expect, test } from 'vitest';
import { currentEntry } from './current-entry.ts';

const MENU = ['/', '/residents', '/residents/new', '/residents/import', '/facilities', '/facilities/map'];

describe('currentEntry', () => {
  test.each([
    ['/', '/'],
    ['/residents', '/residents'],
    ['/residents/3f2a', '/residents'],
    ['/residents/new', '/residents/new'],
    ['/residents/import', '/residents/import'],
    ['/facilities/map', '/facilities/map'],
    ['/facilities/56110', '/facilities'],
    ['/residentsx', undefined],
    ['/account/password', undefined],
  ])('%s is under %s', (pathname, entry) => {
    expect(currentEntry(MENU, pathname)).toBe(entry);
  });

  test('home is current only on itself, even when it is the only entry', () => {
    expect(currentEntry(['/'], '/residents')).toBeUndefined();
  });
});
