import Type, { type Static } from 'typebox';
import { Count, Nullable } from '../../platform/schema.ts';
import { FIGURE_IDS } from './figures.definitions.ts';
import { PERIOD_KINDS, PERIOD_PATTERN } from './figures.rules.ts';
import { ProgrammeKind } from './programmes.schema.ts';

/**
 * GET /api/programmes/figures: the programme figures of an area for a period, each with its
 * definition in en/vi/zh (figures.definitions.ts), declared once for the route, the OpenAPI document
 * and the web app.
 */

export const FiguresQuery = Type.Object(
  {
    area: Type.String({
      minLength: 1,
      maxLength: 100,
      description: "Area id or code, inside the caller's scope (a commune, a district, a province)",
    }),
    period: Type.String({
      pattern: PERIOD_PATTERN,
      description:
        "A quarter 2026Q4, a month 2026-11 or a year 2026, on the profile's calendar; not starting after today",
    }),
  },
  { additionalProperties: false },
);
export type FiguresQuery = Static<typeof FiguresQuery>;

const Names = Type.Object({ en: Type.String(), vi: Type.String(), zh: Type.String() });
const Window = Type.Object({ from: Type.String(), to: Type.String() });

export const Figure = Type.Object({
  id: Type.Enum(FIGURE_IDS),
  kind: ProgrammeKind,
  count: Count(),
  denominator: Nullable(Count(), { description: 'What the rate is over; null for a plain count' }),
  rate: Nullable(Type.Number({ minimum: 0, maximum: 100 }), {
    description: 'count / denominator in percent, one decimal; null without a denominator or when it is 0',
  }),
  definition: Names,
});
export type Figure = Static<typeof Figure>;

export const ProgrammeFigures = Type.Object({
  area: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), level: Type.String() }),
  period: Type.Object({
    id: Type.String({ description: 'The period as normalised: 2026Q4, 2026-11, 2026' }),
    kind: Type.Enum(PERIOD_KINDS),
    from: Type.String(),
    to: Type.String(),
  }),
  asOf: Type.String({ description: "The period's last day, or today when it is not over" }),
  windows: Type.Object({
    last3Months: Window,
    last12Months: Window,
  }),
  figures: Type.Array(Figure),
});
export type ProgrammeFigures = Static<typeof ProgrammeFigures>;
