import Type, { type Static } from 'typebox';
import { Count, Nullable, Page, PageQuery, SortBy, SortOrder, Uuid } from '../../platform/schema.ts';

const Latitude = Type.Number({ minimum: -90, maximum: 90 });
const Longitude = Type.Number({ minimum: -180, maximum: 180 });

export const PopulationFigure = Type.Object(
  {
    year: Type.Integer({ minimum: 1900, maximum: 2200 }),
    population: Count(),
    households: Nullable(Count()),
  },
  { additionalProperties: false },
);

export const Area = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  parentId: Nullable(Type.String()),
  parentCode: Nullable(Type.String()),
  path: Type.String({ description: 'ltree path of codes from the root, e.g. 56.568.22366' }),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  active: Type.Boolean(),
});

export const AreaDetail = Type.Object({
  ...Area.properties,
  population: Type.Array(PopulationFigure, { description: 'Population by year, oldest first' }),
  activeChildren: Type.Integer({ description: 'Active areas directly below this one' }),
});

export const AreaIdParams = Type.Object({ id: Uuid() });
export const AreaYearParams = Type.Object({
  id: Uuid(),
  year: Type.Integer({ minimum: 1900, maximum: 2200 }),
});

export const AreaListQuery = Type.Object(
  {
    level: Type.Optional(Type.String({ description: 'An area level of the profile' })),
    parent: Type.Optional(Uuid('Direct children of this area')),
    within: Type.Optional(
      Type.String({ minLength: 1, description: 'Area id or code: the whole subtree, the area included' }),
    ),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Name search, accents ignored' }),
    ),
    includeInactive: Type.Optional(Type.Boolean({ default: false })),
    sort: SortBy(['code', 'name']),
    order: SortOrder,
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const CreateAreaBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    level: Type.String({ minLength: 1 }),
    parentCode: Type.Optional(Type.String({ minLength: 1 })),
    parentId: Type.Optional(Uuid()),
    latitude: Type.Optional(Nullable(Latitude)),
    longitude: Type.Optional(Nullable(Longitude)),
    population: Type.Optional(Type.Array(PopulationFigure, { maxItems: 200 })),
  },
  { additionalProperties: false },
);

/** The parent, code and level are listed only to answer them with a clear message: they cannot change. */
export const UpdateAreaBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    latitude: Type.Optional(Nullable(Latitude)),
    longitude: Type.Optional(Nullable(Longitude)),
    parentId: Type.Optional(Type.Unknown({ description: 'Cannot change: create a new area instead' })),
    parentCode: Type.Optional(Type.Unknown({ description: 'Cannot change: create a new area instead' })),
    code: Type.Optional(Type.Unknown({ description: 'Cannot change' })),
    level: Type.Optional(Type.Unknown({ description: 'Cannot change' })),
  },
  { additionalProperties: false },
);

export const PopulationBody = Type.Object(
  {
    population: Count(),
    households: Type.Optional(Nullable(Count())),
  },
  { additionalProperties: false },
);

export const AreaPage = Page(Area);

export type Area = Static<typeof Area>;
export type AreaDetail = Static<typeof AreaDetail>;
export type AreaListQuery = Static<typeof AreaListQuery>;
export type CreateAreaBody = Static<typeof CreateAreaBody>;
export type UpdateAreaBody = Static<typeof UpdateAreaBody>;
export type PopulationBody = Static<typeof PopulationBody>;
export type PopulationFigure = Static<typeof PopulationFigure>;
