import Type, { type Static, type TNumberOptions, type TSchema, type TSchemaOptions } from 'typebox';

/**
 * The building blocks every module's TypeBox schemas are made of, declared once. No Node imports:
 * the web app type-checks the schema files that use them.
 */

const described = (description: string | undefined) => (description ? { description } : {});

/**
 * An id (the UUID v7 the application makes). Ajv's `uuid` format also takes a `urn:uuid:` prefix,
 * which PostgreSQL refuses: the length keeps that to the 36 characters of a bare UUID.
 */
export const Uuid = (description?: string) =>
  Type.String({ format: 'uuid', maxLength: 36, ...described(description) });

/**
 * A real calendar date written 'YYYY-MM-DD' (Ajv's `date` format refuses 2026-02-30), the one way
 * every input date is checked; `isIsoDate` in src/platform/dates.ts is the same check in code.
 */
export const IsoDate = (description?: string) =>
  Type.String({ format: 'date', description: description ?? 'A date, YYYY-MM-DD' });

/** The largest value a PostgreSQL `integer` column holds: a larger one must be refused at the edge. */
export const INT32_MAX = 2_147_483_647;

/** A whole number an `integer` column holds (-2,147,483,648 to 2,147,483,647), narrower if asked. */
export const Int32 = (options: TNumberOptions = {}) =>
  Type.Integer({ minimum: -INT32_MAX - 1, maximum: INT32_MAX, ...options });

/** A count of things (people, households) that an `integer` column holds: 0 to 2,147,483,647. */
export const Count = (options: TNumberOptions = {}) => Int32({ minimum: 0, ...options });

/**
 * A number a `numeric(precision, scale)` column holds, not negative unless asked: numeric(7, 1) takes
 * up to 999,999.9 (a larger one fails in the database, error 22003).
 *
 * @example
 * Decimal(7, 1, { description: 'Hours of training' })
 */
export const Decimal = (precision: number, scale: number, options: TNumberOptions = {}) =>
  Type.Number({ minimum: 0, maximum: 10 ** (precision - scale) - 10 ** -scale, ...options });

/** The value, or null (a field that is cleared, or not known). */
export const Nullable = <T extends TSchema>(t: T, options?: TSchemaOptions) =>
  Type.Union([t, Type.Null()], options);

/** A list query's page: how many rows, and where the previous page stopped. */
export const PageQuery = {
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'Rows per page (1-500)' }),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 500, description: 'The nextCursor of the previous page' })),
};

/** How many rows the whole list holds (whatever the cursor): exact, or a lower bound. */
export const Total = Type.Object(
  {
    count: Type.Integer({ minimum: 0 }),
    exact: Type.Boolean({
      description:
        'false when `count` is a lower bound: the count stopped at its cap, or a ranked search did not count its costliest stage',
    }),
  },
  { description: 'How many rows the list holds over all its pages' },
);
export type Total = Static<typeof Total>;

/** A list route's answer: one page of items, the cursor of the next page, and the list's total. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Nullable(Type.String(), {
      description: 'Pass as cursor for the next page; null on the last page',
    }),
    total: Total,
  });
}

/** One page of a list, as `Page(item)` answers it. */
export type PageOf<T> = { items: T[]; nextCursor: string | null; total: Total };

/** The directions a list can be sorted in. */
export const SORT_ORDERS = ['asc', 'desc'] as const;

/** A list query's `order`: ascending unless asked otherwise. */
export const SortOrder = Type.Optional(Type.Enum(SORT_ORDERS, { default: 'asc' }));

/**
 * A list query's `sort`: one of the columns the list can be sorted by, the first by default.
 *
 * @example
 * Type.Object({ sort: SortBy(['code', 'name']), order: SortOrder, ...PageQuery })
 */
export const SortBy = <const C extends [string, ...string[]]>(columns: C) =>
  Type.Optional(Type.Enum<C>(columns, { default: columns[0] }));

/** The resident a route is about: `/residents/:id/...`. */
export const ResidentParams = Type.Object({ id: Uuid('The resident id') });
export type ResidentParams = Static<typeof ResidentParams>;

/** The list of a resident's clinical records kept with amendments (platform/resident-records.ts): `items` (described) and the amendments made to them. */
export const ResidentRecordList = <I extends TSchema, A extends TSchema>(
  item: I,
  amendment: A,
  description: string,
) =>
  Type.Object({
    residentId: Type.String(),
    items: Type.Array(item, { description }),
    amendments: Type.Array(amendment),
  });
