import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  test('defaults: port 3000 on 127.0.0.1, embedded database in ./data, profile vn', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, profile: 'vn' });
    expect(c.dataDir).toBe(path.resolve('./data'));
  });

  test.each([
    { env: { PORT: 'abc' }, problem: 'PORT must be a whole number' },
    { env: { PORT: '70000' }, problem: 'PORT must be a whole number' },
    { env: { PORT: '0' }, problem: 'PORT must be a whole number' },
    { env: { HOST: '  ' }, problem: 'HOST must not be empty' },
    { env: { DATABASE_URL: 'mysql://x' }, problem: 'DATABASE_URL must start with postgres://' },
    { env: { GRASSROOTS_PROFILE: 'fr' }, problem: 'GRASSROOTS_PROFILE must be one of vn, cn' },
    { env: { LOG_LEVEL: 'loud' }, problem: 'LOG_LEVEL must be one of' },
  ])('refuses $env with a message that says what to fix', ({ env, problem }) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(problem);
  });

  test('reports every bad value at once', () => {
    try {
      loadConfig({ PORT: 'x', GRASSROOTS_PROFILE: 'zz' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems).toHaveLength(2);
    }
  });

  test.each([
    ['postgres://u@h:5432/db', 'postgres://u@h:5432/db'],
    ['postgresql://h/db', 'postgresql://h/db'],
    ['', undefined],
  ])('DATABASE_URL %j selects %j', (raw, want) => {
    expect(loadConfig({ DATABASE_URL: raw }).databaseUrl).toBe(want);
  });

  test('GRASSROOTS_DATA and GRASSROOTS_PROFILE are taken', () => {
    const c = loadConfig({ GRASSROOTS_DATA: '/tmp/gr', GRASSROOTS_PROFILE: 'CN', PORT: '8080' });
    expect(c).toMatchObject({ dataDir: '/tmp/gr', profile: 'cn', port: 8080 });
  });
});
