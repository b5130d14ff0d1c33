/**
 * Route schemas compiled on first use. Fastify compiles every route's validators (Ajv) and response
 * serializers (fast-json-stringify) when the server is built: with about a hundred routes, each with
 * a HEAD twin, that was most of a second of every start, for routes a session may never call. These
 * wrappers keep the same checks and compile each on the first request that needs it (a few
 * milliseconds, once per route and part).
 */

/** What Fastify calls to validate a request part: Ajv's function, with the errors it leaves on itself. */
interface Validator {
  // biome-ignore lint/suspicious/noExplicitAny: Ajv's data and context types, passed through unchanged
  (data: any, dataContext?: any): unknown;
  errors?: unknown;
}

/**
 * A validator that compiles itself on its first call and then behaves as the compiled one (its result
 * and its `errors`). It is marked `schemaEnv` as Ajv's functions are, so Fastify hands it the parent
 * object too (coercion may replace a root value).
 */
export function lazily<F extends Validator>(compile: () => F): F {
  let compiled: F | undefined;
  const validate = ((data, dataContext) => {
    compiled ??= compile();
    const result = compiled(data, dataContext);
    validate.errors = compiled.errors;
    return result;
  }) as F & { schemaEnv: unknown };
  validate.schemaEnv = true;
  return validate;
}

/** A serializer that compiles itself on its first call. */
export function lazySerializer(compile: () => (data: unknown) => string): (data: unknown) => string {
  let compiled: ((data: unknown) => string) | undefined;
  return (data) => {
    compiled ??= compile();
    return compiled(data);
  };
}
