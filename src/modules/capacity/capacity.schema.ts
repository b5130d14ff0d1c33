import Type, { type Static } from 'typebox';
import { IsoDate, Nullable } from '../../platform/schema.ts';

const Rate = Nullable(Type.Number(), { description: 'Per 10,000 people; null without population figures' });
const Share = Nullable(Type.Number(), {
  description: 'Between 0 and 1; null when there is nothing to count',
});

export const CapacityQuery = Type.Object(
  {
    area: Type.String({ minLength: 1, description: 'Area id or official code' }),
    year: Type.Integer({
      minimum: 1900,
      maximum: 2200,
      description: 'Population year; staff are counted on 31 December, or today for the current year',
    }),
    date: Type.Optional(IsoDate('The day whose week counts rotating doctors (default today)')),
  },
  { additionalProperties: false },
);

export const CapacityReport = Type.Object({
  area: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), level: Type.String() }),
  year: Type.Integer(),
  staffCountedOn: Type.String({ format: 'date' }),
  population: Type.Integer(),
  households: Type.Integer(),
  facilities: Type.Object({
    total: Type.Integer(),
    byKind: Type.Record(Type.String(), Type.Integer()),
    beds: Type.Integer({ description: 'Beds of open, active facilities' }),
  }),
  bedsPer10k: Rate,
  staff: Type.Integer(),
  doctors: Type.Integer(),
  doctorsPer10k: Rate,
  doctorsPostgraduateShare: Share,
  bachelorOrAboveShare: Share,
  bachelorOrAboveByTier: Type.Array(
    Type.Object({
      tier: Type.String(),
      staff: Type.Integer(),
      bachelorOrAbove: Type.Integer(),
      share: Share,
    }),
  ),
  communes: Type.Object({
    total: Type.Integer(),
    withStation: Type.Integer(),
    stationHasDoctor: Type.Integer(),
    stationHasDoctorShare: Share,
  }),
  rotation: Type.Object({
    weekStart: Type.String({ format: 'date' }),
    weekEnd: Type.String({ format: 'date' }),
    communeStations: Type.Integer(),
    withRotatingDoctor: Type.Integer(),
  }),
  target: Nullable(
    Type.Object({
      year: Type.Integer(),
      bedsPer10k: Type.Number(),
      doctorsPer10k: Type.Number(),
      bedsGap: Rate,
      doctorsGap: Rate,
    }),
  ),
});

export type CapacityReportType = Static<typeof CapacityReport>;
