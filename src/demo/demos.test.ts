import { afterEach, describe, expect, test, vi } from 'vitest';
import type { AppContext } from '../platform/app-context.ts';
import { KNOWN_PROFILES } from '../platform/config.ts';
import { loadProfile } from '../platform/profile.ts';
import { DEMOS, demoOf, noDemoLine } from './demos.ts';
import { loadDemo } from './index.ts';

/** A context whose database must not be touched: a profile without a demo loads nothing. */
const untouchable = (profile: AppContext['profile']) =>
  ({
    profile,
    get db(): never {
      throw new Error('the database was used');
    },
  }) as unknown as AppContext;

describe('the profile picks its demo', () => {
  afterEach(() => vi.restoreAllMocks());

  test.each(KNOWN_PROFILES)('profile %s names a demo that exists', (id) => {
    const profile = loadProfile(id);
    expect(profile.demo).toBeDefined();
    expect(DEMOS[profile.demo!]).toBeDefined();
    expect(demoOf(profile)).toBe(DEMOS[profile.demo!]);
  });

  test.each([
    ['vn', 'khanh-hoa'],
    ['cn', 'xishui'],
  ])('profile %s loads the demo %s', (id, demo) => {
    expect(loadProfile(id).demo).toBe(demo);
  });

  test.each([
    ['names none', undefined, 'names no demo'],
    ['names an unknown one', 'atlantis', 'names the demo "atlantis", which is not one of khanh-hoa, xishui'],
  ])('a profile that %s starts empty after one clear line', async (_, demo, words) => {
    const profile = { ...loadProfile('vn'), demo };
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await loadDemo(untouchable(profile))).toBe(false);
    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0]![0]);
    expect(line).toContain(words);
    expect(line).toContain('starting with an empty database');
    expect(line).not.toContain('\n');
    expect(line).toBe(noDemoLine(profile));
  });
});
