import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type FieldError, invalidFields } from './errors.ts';

/**
 * Control characters (NUL, escape, delete...) have no place in any text the API takes: PostgreSQL
 * refuses a NUL (error 22021) and the rest only hide things from the person reading. Free text in a
 * JSON body may hold tabs and line breaks; a path, a query or a header holds none. A lone surrogate
 * (half of an emoji) is not text either: the database would silently store U+FFFD instead.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const IN_BODY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const IN_URL = /[\u0000-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a text, in words, or null. */
export function textProblem(text: string, part: 'body' | 'url'): string | null {
  if ((part === 'body' ? IN_BODY : IN_URL).test(text))
    return part === 'body'
      ? 'must not contain control characters such as NUL (tabs and line breaks are allowed)'
      : 'must not contain control characters such as NUL or line breaks';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it holds half of a character pair)';
  return null;
}

/**
 * Every string of a request's path parameters, query and JSON body (and the field names of the body),
 * checked before the schema, for every route at once: each bad field is named.
 */
export function findTextProblems(request: Pick<FastifyRequest, 'params' | 'query' | 'body'>): FieldError[] {
  const found: FieldError[] = [];
  const parts = [
    ['params', request.params, 'url'],
    ['query', request.query, 'url'],
    ['body', request.body, 'body'],
  ] as const;
  for (const [name, value, kind] of parts) {
    // Walked with a stack, not recursion: a body nested 100,000 deep must not overflow.
    const stack: [string, unknown][] = [[name, value]];
    while (stack.length > 0 && found.length < 50) {
      const [path, v] = stack.pop()!;
      if (typeof v === 'string') {
        const problem = textProblem(v, kind);
        if (problem) found.push({ field: path, message: problem });
      } else if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push([`${path}.${i}`, v[i]]);
      } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v) && !isStream(v)) {
        for (const [k, child] of Object.entries(v)) {
          const field = `${path}.${k}`;
          const problem = textProblem(k, kind);
          if (problem) found.push({ field, message: `is a field name that ${problem}` });
          else stack.push([field, child]);
        }
      }
    }
  }
  return found;
}

function isStream(v: object): boolean {
  return typeof (v as { pipe?: unknown }).pipe === 'function';
}

/** Refuses, before validation, every request with a control character in its text (see above). */
export function refuseControlCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const problems = findTextProblems(request);
    if (problems.length > 0) throw invalidFields(problems);
  });
}
