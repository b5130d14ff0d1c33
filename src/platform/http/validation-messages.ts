import { UUID_PATTERN } from '../ids.ts';
import type { FieldError } from './errors.ts';

/** One error as Ajv reports it (the part of Ajv's ErrorObject that is read here). */
export interface ValidationError {
  instancePath: string;
  /** Where in the schema it failed, e.g. `#/properties/sex/anyOf/0/const`: ties a union's branches to it. */
  schemaPath?: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** An error in words, at its path inside the request part (`/newHousehold/address`). */
interface Worded {
  path: string;
  message: string;
  /** The Ajv keyword it comes from (`union` for a folded anyOf), to choose among a field's messages. */
  keyword?: string;
}

/**
 * Turns Ajv's errors for one part of a request into field errors named like `body.sex` or
 * `query.limit`, worded so that a person knows what to write: "must be one of male, female, other",
 * "must be a UUID", "must be a date written YYYY-MM-DD". A failed union (`anyOf`, as TypeBox writes
 * `Union` and `Nullable`) gives the one message that matters, not one per branch plus "must match a
 * schema in anyOf"; and each field gets one message, its first.
 *
 * @example
 * fieldErrorsFromValidation('querystring', errors) // [{ field: 'query.limit', message: 'must be at most 500' }]
 */
export function fieldErrorsFromValidation(
  context: string | undefined,
  errors: readonly ValidationError[],
): FieldError[] {
  // Fastify calls the query string "querystring"; services and docs say "query" (query.area).
  const part = context === 'querystring' ? 'query' : (context ?? 'body');
  const byField = new Map<string, Worded>();
  for (const worded of explain(errors)) {
    const field = `${part}${fieldPath(worded.path)}`;
    const kept = byField.get(field);
    if (!kept || rank(worded) < rank(kept)) byField.set(field, worded);
  }
  return [...byField].map(([field, { message }]) => ({ field, message }));
}

/**
 * Which of a field's messages to give: what the value is (a UUID, a date, one of the values) says more
 * than how long it is, so a 40-character non-id gets "must be a UUID", not "must be at most 36 characters".
 */
function rank(worded: Worded): number {
  return KEYWORD_RANK[worded.keyword ?? ''] ?? 3;
}

const KEYWORD_RANK: Record<string, number> = {
  type: 0,
  const: 1,
  enum: 1,
  format: 1,
  union: 1,
  minLength: 2,
  pattern: 2,
};

const UNIONS = new Set(['anyOf', 'oneOf']);

/** Words a list of errors, each union (outermost first) folded into what it means. */
function explain(errors: readonly ValidationError[]): Worded[] {
  const unions = errors.filter((e) => UNIONS.has(e.keyword) && e.schemaPath);
  const outermost = unions.filter((u) => !unions.some((o) => o !== u && isInside(u, o)));
  const done = new Set<ValidationError>();
  const out: Worded[] = [];
  for (const e of errors) {
    // Ajv reports a union's branches before the union itself: fold them where the first one stands.
    const union = outermost.find((u) => e === u || isInside(e, u));
    if (union) {
      if (done.has(union)) continue;
      done.add(union);
      out.push(
        ...explainUnion(
          union,
          errors.filter((b) => isInside(b, union)),
        ),
      );
    } else if (e.keyword !== 'if') {
      // An `if` error only says that the `then` (or `else`) errors beside it happened.
      out.push(word(e));
    }
  }
  return out;
}

function isInside(e: ValidationError, union: ValidationError): boolean {
  return !!e.schemaPath && !!union.schemaPath && e.schemaPath.startsWith(`${union.schemaPath}/`);
}

/** The one meaning of a failed union, from the errors of its branches. */
function explainUnion(union: ValidationError, inner: readonly ValidationError[]): Worded[] {
  const at = union.instancePath;
  const prefix = `${union.schemaPath}/`;
  const byBranch = new Map<string, ValidationError[]>();
  for (const e of inner) {
    const branch = (e.schemaPath ?? '').slice(prefix.length).split('/')[0] ?? '';
    byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
  }
  const branches = [...byBranch.values()];
  const isNullBranch = (b: ValidationError[]) => b.length === 1 && sameTypes(b[0], at, ['null']);
  const nullable = branches.some(isNullBranch);
  const rest = branches.filter((b) => !isNullBranch(b));
  if (rest.length === 0) return [{ path: at, message: oneOfTypes(['null']), keyword: 'union' }];

  // A union of literals (an enum as TypeBox writes it): name the allowed values.
  if (rest.every((b) => isLiteralBranch(b, at))) {
    const values = rest.flatMap((b) => b.flatMap(allowedValues));
    return [{ path: at, message: oneOfValues(values, nullable), keyword: 'union' }];
  }
  // The branches whose type the value has are the ones the writer meant.
  const typed = rest.filter((b) => !b.some((e) => e.keyword === 'type' && e.instancePath === at));
  if (typed.length === 0) {
    const types = branches.flatMap((b) => b.filter((e) => e.keyword === 'type' && e.instancePath === at));
    return [{ path: at, message: oneOfTypes(types.flatMap(typesOf)), keyword: 'type' }];
  }
  if (typed.length === 1) return explain(typed[0] ?? []);
  // Objects told apart by a literal member (`kind`): say which values that member takes.
  const tag = discriminator(typed);
  if (tag) return [tag];
  const fewest = typed.reduce((a, b) => (b.length < a.length ? b : a));
  return explain(fewest);
}

/** A branch that is only a literal (or a union of them) the value is not equal to. */
function isLiteralBranch(branch: readonly ValidationError[], at: string): boolean {
  const literalKeywords = new Set(['const', 'enum', 'type', 'anyOf', 'oneOf']);
  return (
    branch.every((e) => e.instancePath === at && literalKeywords.has(e.keyword)) &&
    branch.some((e) => e.keyword === 'const' || e.keyword === 'enum')
  );
}

function discriminator(branches: readonly ValidationError[][]): Worded | undefined {
  const first = branches[0] ?? [];
  for (const candidate of first) {
    if (candidate.keyword !== 'const') continue;
    const path = candidate.instancePath;
    const tags = branches.map((b) => b.find((e) => e.keyword === 'const' && e.instancePath === path));
    if (tags.every((t) => t !== undefined)) {
      return {
        path,
        message: oneOfValues(tags.flatMap((t) => (t ? allowedValues(t) : []))),
        keyword: 'union',
      };
    }
  }
  return undefined;
}

function allowedValues(e: ValidationError): unknown[] {
  if (e.keyword === 'const') return [e.params.allowedValue];
  if (e.keyword === 'enum' && Array.isArray(e.params.allowedValues)) return e.params.allowedValues;
  return [];
}

function typesOf(e: ValidationError): string[] {
  const type = e.params.type;
  if (Array.isArray(type)) return type.map(String);
  return typeof type === 'string' ? type.split(',') : [];
}

function sameTypes(e: ValidationError | undefined, at: string, types: string[]): boolean {
  if (e?.keyword !== 'type' || e.instancePath !== at) return false;
  const got = typesOf(e);
  return got.length === types.length && got.every((t) => types.includes(t));
}

/** One Ajv error in words. */
function word(e: ValidationError): Worded {
  return { ...wordOf(e), keyword: e.keyword };
}

function wordOf(e: ValidationError): Worded {
  const at = e.instancePath;
  const { params } = e;
  switch (e.keyword) {
    case 'required':
      return { path: `${at}/${String(params.missingProperty)}`, message: 'is required' };
    case 'additionalProperties':
      return { path: `${at}/${String(params.additionalProperty)}`, message: 'is not a known field' };
    case 'type':
      return { path: at, message: oneOfTypes(typesOf(e)) };
    case 'const':
    case 'enum':
      return { path: at, message: oneOfValues(allowedValues(e)) };
    case 'format':
      return { path: at, message: formatMessage(String(params.format)) };
    case 'pattern':
      return { path: at, message: patternMessage(String(params.pattern)) };
    case 'minLength':
      return {
        path: at,
        message:
          params.limit === 1 ? 'must not be empty' : `must be at least ${params.limit} characters long`,
      };
    case 'maxLength':
      return { path: at, message: `must be at most ${params.limit} characters long` };
    case 'minimum':
      return { path: at, message: `must be at least ${params.limit}` };
    case 'maximum':
      return { path: at, message: `must be at most ${params.limit}` };
    case 'exclusiveMinimum':
      return { path: at, message: `must be more than ${params.limit}` };
    case 'exclusiveMaximum':
      return { path: at, message: `must be less than ${params.limit}` };
    case 'multipleOf':
      return { path: at, message: `must be a multiple of ${params.multipleOf}` };
    case 'minItems':
      return {
        path: at,
        message: params.limit === 1 ? 'must not be empty' : `must have at least ${params.limit} items`,
      };
    case 'maxItems':
      return { path: at, message: `must have at most ${params.limit} items` };
    case 'uniqueItems':
      return { path: at, message: 'must not list the same item twice' };
    case 'anyOf':
    case 'oneOf':
      return { path: at, message: 'is not one of the allowed forms' };
    case 'not':
      return { path: at, message: 'is not allowed here' };
    default:
      return { path: at, message: e.message ?? 'is invalid' };
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function oneOfTypes(types: readonly string[]): string {
  const words = [...new Set(types)].map((t) => TYPE_WORDS[t] ?? t);
  return `must be ${orList(words)}`;
}

function oneOfValues(values: readonly unknown[], nullable = false): string {
  const shown = [...new Set(values)].map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  if (shown.length === 1 && !nullable) return `must be ${shown[0]}`;
  return `must be one of ${shown.join(', ')}${nullable ? ', or null' : ''}`;
}

function orList(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? 'something else';
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

const DATE = 'must be a date written YYYY-MM-DD';

const FORMAT_WORDS: Record<string, string> = {
  uuid: 'must be a UUID',
  date: DATE,
  'date-time': 'must be a date and time such as 2026-01-31T08:00:00Z',
  time: 'must be a time such as 08:00:00',
  email: 'must be an email address',
  uri: 'must be an address such as https://example.org',
  url: 'must be an address such as https://example.org',
};

function formatMessage(format: string): string {
  return FORMAT_WORDS[format] ?? `must be written in the ${format} format`;
}

/** Patterns the schemas use, keyed with `\d` written as `[0-9]` (both spellings are in use). */
const PATTERN_WORDS: Record<string, string> = {
  [normalisePattern(UUID_PATTERN)]: 'must be a UUID',
  '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$': 'must be a UUID',
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': DATE,
  '^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$': `${DATE}, or a year YYYY`,
  '^[0-9]+$': 'must be digits only',
  '\\S': 'must not be blank',
};

function normalisePattern(pattern: string): string {
  return pattern.replaceAll('\\d', '[0-9]');
}

function patternMessage(pattern: string): string {
  return PATTERN_WORDS[normalisePattern(pattern)] ?? `must match the pattern ${pattern}`;
}

/** A JSON pointer (`/newHousehold/address`, `/items/0`) as a dotted field path (`.newHousehold.address`). */
function fieldPath(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
}
