import Type, { type Static } from 'typebox';
import { Decimal, IsoDate, Nullable, Uuid } from '../../platform/schema.ts';
import { SERVICE_KINDS } from './catalog.enums.ts';

/** The catalogue API's shapes (/api/catalog/...): validation, types, OpenAPI and the web app's types. */

const Names = Type.Object({ vi: Type.String(), zh: Type.String(), en: Type.String() });

export const Diagnosis = Type.Object({
  code: Type.String({ description: "ICD-10 as stored: upper case with the dot, 'E11.9'" }),
  names: Names,
  chronic: Type.Boolean({ description: "Goes onto the resident's problem list" }),
  notifiable: Type.Boolean({ description: 'A disease reported to the surveillance system' }),
});
export type Diagnosis = Static<typeof Diagnosis>;

export const PricePeriod = Type.Object({
  id: Type.String(),
  unitPrice: Type.Number({ description: "In the profile's currency" }),
  effectiveFrom: Type.String(),
  effectiveTo: Nullable(Type.String(), { description: 'Inclusive; null while in force' }),
});
export type PricePeriod = Static<typeof PricePeriod>;

export const ServiceKind = Type.Enum(SERVICE_KINDS);

export const Medicine = Type.Object({
  id: Type.String(),
  catalogue: Type.String(),
  code: Type.String(),
  insuranceCode: Nullable(Type.String()),
  name: Type.String({ description: 'The ingredient or product name, without the strength' }),
  activeIngredient: Type.String(),
  inn: Nullable(Type.String({ description: 'International non-proprietary name (English)' })),
  strength: Type.String(),
  dosageForm: Type.String(),
  route: Type.String(),
  unit: Type.String(),
  atcCode: Nullable(Type.String()),
  insured: Type.Boolean(),
  insuredFromLevel: Nullable(
    Type.String({
      description: 'Lowest level (profile catalogs.levels) at which insurance pays; null = any',
    }),
  ),
  active: Type.Boolean(),
  price: Nullable(PricePeriod, { description: 'The price in force on the date asked (today by default)' }),
});
export type Medicine = Static<typeof Medicine>;

export const Service = Type.Object({
  id: Type.String(),
  catalogue: Type.String(),
  code: Type.String(),
  insuranceCode: Nullable(Type.String()),
  name: Type.String(),
  kind: ServiceKind,
  unit: Type.String(),
  lowestCareLevel: Nullable(Type.String({ description: 'Lowest level allowed to perform it; null = any' })),
  insured: Type.Boolean(),
  insuredFromLevel: Nullable(Type.String()),
  active: Type.Boolean(),
  price: Nullable(PricePeriod, { description: 'The price in force on the date asked (today by default)' }),
});
export type Service = Static<typeof Service>;

export const MedicineDetail = Type.Intersect([Medicine, Type.Object({ prices: Type.Array(PricePeriod) })]);
export type MedicineDetail = Static<typeof MedicineDetail>;
export const ServiceDetail = Type.Intersect([Service, Type.Object({ prices: Type.Array(PricePeriod) })]);
export type ServiceDetail = Static<typeof ServiceDetail>;

const SearchQuery = {
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Code (prefix) or words, in any language, with or without accents',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20, description: 'Rows (1-200)' })),
  after: Type.Optional(
    Type.String({ minLength: 1, maxLength: 40, description: 'The nextAfter of the previous page' }),
  ),
};

export const DiagnosisQuery = Type.Object(
  {
    ...SearchQuery,
    chronic: Type.Optional(Type.Boolean()),
    notifiable: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type DiagnosisQuery = Static<typeof DiagnosisQuery>;

export const MedicineQuery = Type.Object(
  {
    ...SearchQuery,
    insured: Type.Optional(Type.Boolean()),
    date: Type.Optional(IsoDate('The date whose prices to show (today by default)')),
    includeInactive: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type MedicineQuery = Static<typeof MedicineQuery>;

export const ServiceQuery = Type.Object(
  {
    ...SearchQuery,
    insured: Type.Optional(Type.Boolean()),
    kind: Type.Optional(ServiceKind),
    date: Type.Optional(IsoDate('The date whose prices to show (today by default)')),
    includeInactive: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type ServiceQuery = Static<typeof ServiceQuery>;

const pageOf = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextAfter: Nullable(Type.String(), { description: 'Pass as `after` for the next page; null at the end' }),
  });

export const DiagnosisPage = pageOf(Diagnosis);
export type DiagnosisPage = Static<typeof DiagnosisPage>;
export const MedicinePage = pageOf(Medicine);
export type MedicinePage = Static<typeof MedicinePage>;
export const ServicePage = pageOf(Service);
export type ServicePage = Static<typeof ServicePage>;

export const DiagnosisParams = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 20, description: "ICD-10 code, e.g. 'E11.9' or 'e119'" }),
});
export const ItemParams = Type.Object({ id: Uuid('The medicine or service id') });
export const ItemDateQuery = Type.Object(
  { date: Type.Optional(IsoDate('The date whose price to show (today by default)')) },
  { additionalProperties: false },
);

export const NewPriceBody = Type.Object(
  {
    unitPrice: Decimal(14, 2, { description: "In the profile's currency, at most 2 decimals" }),
    effectiveFrom: IsoDate('The first day of the new price; the previous price ends the day before'),
  },
  { additionalProperties: false },
);
export type NewPriceBody = Static<typeof NewPriceBody>;
