import Type, { type Static } from 'typebox';
import { IsoDate } from '../../platform/schema.ts';
import { SERVICE_KINDS } from './catalog.enums.ts';

/** The shape of the catalogue files shipped in protocols/catalogs/ (checked when they load). */

const Text = (maxLength = 300) => Type.String({ minLength: 1, maxLength });

const ShippedPrice = Type.Object(
  {
    unitPrice: Type.Number({ minimum: 0, maximum: 999_999_999_999 }),
    effectiveFrom: IsoDate(),
    effectiveTo: Type.Optional(IsoDate()),
  },
  { additionalProperties: false },
);

export const ShippedDiagnosesSchema = Type.Object({
  id: Text(60),
  kind: Type.Literal('diagnoses'),
  title: Text(),
  items: Type.Array(
    Type.Object(
      {
        code: Type.String({ pattern: '^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,2})?$' }),
        vi: Text(),
        zh: Text(),
        en: Text(),
        chronic: Type.Optional(Type.Boolean()),
        notifiable: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false },
    ),
  ),
});

export const ShippedMedicinesSchema = Type.Object({
  id: Text(60),
  kind: Type.Literal('medicines'),
  title: Text(),
  items: Type.Array(
    Type.Object(
      {
        code: Text(40),
        insuranceCode: Type.Optional(Text(40)),
        name: Text(),
        activeIngredient: Text(),
        inn: Type.Optional(Text()),
        strength: Text(100),
        dosageForm: Text(100),
        route: Text(60),
        unit: Text(40),
        atcCode: Type.Optional(Type.String({ pattern: '^[A-Z][0-9]{2}[A-Z]{0,2}[0-9]{0,2}$' })),
        insured: Type.Boolean(),
        insuredFromLevel: Type.Optional(Text(40)),
        prices: Type.Array(ShippedPrice),
      },
      { additionalProperties: false },
    ),
  ),
});

export const ShippedServicesSchema = Type.Object({
  id: Text(60),
  kind: Type.Literal('services'),
  title: Text(),
  items: Type.Array(
    Type.Object(
      {
        code: Text(40),
        insuranceCode: Type.Optional(Text(40)),
        name: Text(),
        kind: Type.Enum(SERVICE_KINDS),
        unit: Text(40),
        lowestCareLevel: Type.Optional(Text(40)),
        insured: Type.Boolean(),
        insuredFromLevel: Type.Optional(Text(40)),
        prices: Type.Array(ShippedPrice),
      },
      { additionalProperties: false },
    ),
  ),
});

export type ShippedDiagnoses = Static<typeof ShippedDiagnosesSchema>;
export type ShippedMedicines = Static<typeof ShippedMedicinesSchema>;
export type ShippedServices = Static<typeof ShippedServicesSchema>;
export type ShippedCatalogue = ShippedDiagnoses | ShippedMedicines | ShippedServices;
