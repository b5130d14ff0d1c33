import Type, { type Static } from 'typebox';
import { Nullable, Uuid } from '../../platform/schema.ts';
import {
  GROWTH_CLASSES,
  GROWTH_CURVE_AXES,
  GROWTH_INDICATORS,
  GROWTH_SEXES,
  GROWTH_UNSCORED,
  MEASURE_POSITIONS,
} from './growth.enums.ts';

/**
 * The requests and answers of GET /api/residents/:id/growth and GET /api/growth/reference, declared
 * once: the routes validate with them, the OpenAPI document shows them, the web app charts from their
 * types. z-scores are WHO Child Growth Standards (2006), 0-60 months.
 */

export const GrowthParams = Type.Object({ id: Uuid('The resident id (a child under six)') });
export type GrowthParams = Static<typeof GrowthParams>;

const Age = Type.Object({
  days: Type.Integer({ description: 'Age in days on the date' }),
  months: Type.Integer({ description: 'Completed calendar months' }),
});

export const GrowthScore = Type.Object({
  z: Type.Number({ description: 'The z-score, rounded to two decimals (WHO Anthro)' }),
  class: Type.Enum(GROWTH_CLASSES, { description: "What the z-score says, by WHO's cut-offs" }),
});
export type GrowthScore = Static<typeof GrowthScore>;

export const GrowthReadingView = Type.Object({
  encounterId: Type.String({ description: 'The visit the measurements were taken at' }),
  date: Type.String({ description: 'YYYY-MM-DD' }),
  age: Age,
  ageMonths: Type.Number({
    description: 'Age in months, days / 30.4375 to two decimals: the x of the chart',
  }),
  weightKg: Nullable(Type.Number()),
  heightCm: Nullable(Type.Number({ description: 'As measured (LOINC 8302-2)' })),
  lengthForTables: Nullable(
    Type.Object({
      cm: Type.Number({ description: 'The length or height the tables were read with' }),
      as: Type.Enum(MEASURE_POSITIONS, { description: 'Lying under 731 days, standing from then' }),
      converted: Type.Boolean({
        description: 'True when 0.7 cm was added or taken off (taken the other way)',
      }),
    }),
  ),
  weightForAge: Nullable(GrowthScore),
  lengthHeightForAge: Nullable(GrowthScore),
  weightForLengthHeight: Nullable(GrowthScore, {
    description: 'Weight-for-length under 731 days (45-110 cm), weight-for-height from then (65-120 cm)',
  }),
  unscored: Nullable(Type.Enum(GROWTH_UNSCORED), {
    description:
      'Why there are no z-scores at all: sex not recorded, or past 60 months (the standards end there)',
  }),
});
export type GrowthReadingView = Static<typeof GrowthReadingView>;

export const GrowthChart = Type.Object({
  residentId: Type.String(),
  sex: Nullable(Type.Enum(GROWTH_SEXES)),
  birthDate: Type.String(),
  today: Type.String({ description: "Today in the profile's time zone" }),
  age: Age,
  readings: Type.Array(GrowthReadingView, {
    description:
      'One per visit with a weight or a length/height in force, oldest first; from 60 months to six years listed without z-scores',
  }),
});
export type GrowthChart = Static<typeof GrowthChart>;

export const GrowthReferenceQuery = Type.Object(
  {
    indicator: Type.Enum(GROWTH_INDICATORS),
    sex: Type.Enum(GROWTH_SEXES),
  },
  { additionalProperties: false },
);
export type GrowthReferenceQuery = Static<typeof GrowthReferenceQuery>;

const CurvePoint = Type.Object({
  x: Type.Number({ description: 'Month of age, or cm' }),
  minus3: Type.Number(),
  minus2: Type.Number(),
  median: Type.Number(),
  plus2: Type.Number(),
  plus3: Type.Number(),
});

export const GrowthReference = Type.Object({
  indicator: Type.Enum(GROWTH_INDICATORS),
  sex: Type.Enum(GROWTH_SEXES),
  unit: Type.Union([Type.Literal('kg'), Type.Literal('cm')], { description: 'The unit of the curve values' }),
  curves: Type.Array(
    Type.Object({
      x: Type.Enum(GROWTH_CURVE_AXES),
      points: Type.Array(CurvePoint),
    }),
    {
      description:
        'Age indicators: one curve by month 0-60; weight-for-length/height: by lying length 45-110 cm (under 24 months) and standing height 65-120 cm, every cm',
    },
  ),
});
export type GrowthReference = Static<typeof GrowthReference>;
