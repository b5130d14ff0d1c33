import type { ValidatorFactory } from '@fastify/ajv-compiler';
import { AjvCompiler } from '@fastify/ajv-compiler';
import { lazily } from './lazy-compile.ts';

/**
 * Ajv settings every part of a request shares: report every bad field at once, refuse unknown fields
 * instead of silently dropping them, and fill in declared defaults.
 */
const SHARED = { allErrors: true, removeAdditional: false, useDefaults: true } as const;

type Compile = ReturnType<ValidatorFactory>;

/**
 * Builds the request validators: the query string, path parameters and headers arrive as text, so
 * they are coerced to the declared type (`?limit=20` is the number 20, `?area=a&area=b` an array);
 * a JSON body already carries its types and is checked strictly (`{"username": 42}` is refused, not
 * signed in as "42"). Both come from Fastify's own Ajv compiler (formats, shared schemas), one Ajv
 * instance each.
 *
 * Each route's validator is compiled on its first request, not at start (lazy-compile.ts): compiling
 * the schemas of every route and its HEAD twin took about half a second of each start.
 *
 * @example
 * Fastify({ schemaController: { compilersFactory: { buildValidator: buildRequestValidator } } })
 */
export const buildRequestValidator: ValidatorFactory = (externalSchemas, options) => {
  const plugins = options?.plugins;
  let strict: Compile | undefined;
  let coercing: Compile | undefined;
  const build = (coerceTypes: false | 'array') =>
    AjvCompiler()(externalSchemas, { plugins, customOptions: { ...SHARED, coerceTypes } });
  return (route) =>
    lazily(() => {
      if (route.httpPart === 'body') {
        strict ??= build(false);
        return strict(route);
      }
      coercing ??= build('array');
      return coercing(route);
    });
};
