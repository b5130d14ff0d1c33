import Type, { type Static } from 'typebox';
import { Nullable } from '../../platform/schema.ts';
import { STOCK_STATUSES } from './figures.rules.ts';

const FacilityBrief = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });
const Medicine = {
  medicineId: Type.String(),
  medicineCode: Type.String(),
  medicineName: Type.String(),
  unit: Type.String(),
};

export const StockStatus = Type.Enum(STOCK_STATUSES, {
  description: 'stock_out: nothing usable; below_min / over_max: months of stock outside min-max',
});

export const StockFigureLine = Type.Object({
  ...Medicine,
  usable: Type.Integer(),
  expired: Type.Integer(),
  inTransit: Type.Integer(),
  amc: Type.Number({ description: 'Average monthly consumption, adjusted for stock-out days' }),
  monthsOfStock: Nullable(Type.Number()),
  stockOutDays: Type.Integer(),
  nearExpiry: Type.Object({ units: Type.Integer(), earliest: Nullable(Type.String()) }),
  status: StockStatus,
  suggestedOrder: Type.Integer({ description: 'Max-min: units to order now' }),
  alert: Type.Boolean(),
});
export type StockFigureLine = Static<typeof StockFigureLine>;

export const FacilityStock = Type.Object({
  facility: FacilityBrief,
  on: Type.String(),
  settings: Type.Object({
    amcMonths: Type.Integer(),
    minMonths: Type.Number(),
    maxMonths: Type.Number(),
    nearExpiryDays: Type.Integer(),
  }),
  lines: Type.Array(StockFigureLine),
});
export type FacilityStock = Static<typeof FacilityStock>;

export const DistrictStock = Type.Object({
  area: FacilityBrief,
  on: Type.String(),
  facilities: Type.Array(
    Type.Object({
      facility: FacilityBrief,
      medicines: Type.Integer(),
      stockOuts: Type.Integer(),
      belowMin: Type.Integer(),
      nearExpiry: Type.Integer(),
      alerts: Type.Array(StockFigureLine),
    }),
  ),
  medicines: Type.Array(
    Type.Object({
      ...Medicine,
      usable: Type.Integer(),
      amc: Type.Number(),
      facilitiesOut: Type.Integer(),
      nearExpiryUnits: Type.Integer(),
    }),
  ),
});
export type DistrictStock = Static<typeof DistrictStock>;

export const DistrictQuery = Type.Object(
  {
    area: Type.String({
      minLength: 1,
      maxLength: 60,
      description: 'Area id or code: every facility in its subtree',
    }),
  },
  { additionalProperties: false },
);
