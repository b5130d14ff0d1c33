import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import { lazySerializer } from './lazy-compile.ts';

type Factory = ReturnType<typeof SerializerSelector>;

/**
 * Fastify's own response serializers (fast-json-stringify, from each route's response schemas), each
 * compiled on the first answer that needs it instead of at start (lazy-compile.ts).
 */
export const buildResponseSerializer: Factory = (externalSchemas, options) => {
  const compile = SerializerSelector()(externalSchemas, options);
  return (route) => lazySerializer(() => compile(route));
};
