import { describe, expect, test } from 'vitest';
import { lazily, lazySerializer } from './lazy-compile.ts';

describe('route schemas compiled on first use', () => {
  test('a validator compiles once, on its first call, and passes on the result and the errors', () => {
    let compiles = 0;
    const validate = lazily(() => {
      compiles++;
      const fn = (data: unknown) => {
        fn.errors = data === 1 ? null : [{ message: 'must be 1' }];
        return data === 1;
      };
      fn.errors = null as unknown;
      return fn;
    });
    expect(compiles).toBe(0);
    expect(validate(2)).toBe(false);
    expect(validate.errors).toEqual([{ message: 'must be 1' }]);
    expect(validate(1)).toBe(true);
    expect(validate.errors).toBeNull();
    expect(compiles).toBe(1);
    // Marked as Ajv's functions are, so Fastify passes the parent object (root coercion).
    expect((validate as unknown as { schemaEnv: unknown }).schemaEnv).toBeTruthy();
  });

  test('a serializer compiles once, on its first call', () => {
    let compiles = 0;
    const serialize = lazySerializer(() => {
      compiles++;
      return (data) => JSON.stringify(data);
    });
    expect(compiles).toBe(0);
    expect(serialize({ a: 1 })).toBe('{"a":1}');
    expect(serialize([])).toBe('[]');
    expect(compiles).toBe(1);
  });
});
