import Type, { type Static } from 'typebox';
import { Total, Uuid } from '../../platform/schema.ts';
import { EncounterSummary } from './encounters.schema.ts';

/** GET /api/encounters/today: a station's visits of today (the web app's type, and the route's validation). */
export const TodayQuery = Type.Object(
  { facility: Uuid('The station whose visits of today are listed') },
  { additionalProperties: false },
);
export type TodayQuery = Static<typeof TodayQuery>;

export const TodayVisits = Type.Object({
  date: Type.String({ description: "Today in the country profile's time zone" }),
  total: Total,
  open: Type.Integer({ description: 'Of the visits listed, those still open' }),
  items: Type.Array(
    Type.Object({
      ...EncounterSummary.properties,
      residentName: Type.String(),
    }),
    { description: 'The latest 100 of the day, newest first' },
  ),
});
export type TodayVisits = Static<typeof TodayVisits>;
