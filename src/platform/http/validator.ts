import type { ValidatorFactory } from '@fastify/ajv-compiler';
import { AjvCompiler } from '@fastify/ajv-compiler';

/**
 * Ajv settings every part of a request shares: report every bad field at once, refuse unknown fields
 * instead of silently dropping them, and fill in declared defaults.
 */
const SHARED = { allErrors: true, removeAdditional: false, useDefaults: true } as const;

/**
 * Builds the request validators: the query string, path parameters and headers arrive as text, so
 * they are coerced to the declared type (`?limit=20` is the number 20, `?area=a&area=b` an array);
 * a JSON body already carries its types and is checked strictly (`{"username": 42}` is refused, not
 * signed in as "42"). Both come from Fastify's own Ajv compiler (formats, shared schemas), one Ajv
 * instance each.
 *
 * @example
 * Fastify({ schemaController: { compilersFactory: { buildValidator: buildRequestValidator } } })
 */
export const buildRequestValidator: ValidatorFactory = (externalSchemas, options) => {
  const build = AjvCompiler();
  const plugins = options?.plugins;
  const strict = build(externalSchemas, { plugins, customOptions: { ...SHARED, coerceTypes: false } });
  const coercing = build(externalSchemas, { plugins, customOptions: { ...SHARED, coerceTypes: 'array' } });
  return (route) => (route.httpPart === 'body' ? strict(route) : coercing(route));
};
