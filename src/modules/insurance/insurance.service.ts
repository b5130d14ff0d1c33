import { addDays } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { conflict, type FieldError, invalidFields, notFound, taken } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { lookupArea } from '../areas/index.ts';
import { normaliseCardNumber } from './card.rules.ts';
import { areaCodeOfPath, readCardFields } from './enrolment.rules.ts';
import { lockCardWritesShared } from './insurance.import.queries.ts';
import {
  cardNumberHeldElsewhere,
  cardRowsByNumber,
  cardRowsOfResident,
  insertCard,
  lockCardNumber,
  lockResidentCards,
  overlappingCardRows,
} from './insurance.queries.ts';
import type { CreateCardBody, FindCardsQuery, InsuranceCard } from './insurance.schema.ts';
import type { InsuranceCardRow } from './insurance.table.ts';
import { findResidentRef, findResidentRefByCitizenId, validateCitizenId } from './residents.refs.ts';

/** The one mapping from a card row to the API object. */
export function toCard(r: InsuranceCardRow): InsuranceCard {
  return {
    id: r.id,
    residentId: r.resident_id,
    cardNumber: r.card_number,
    beneficiaryGroup: r.beneficiary_group,
    benefitLevel: r.benefit_level,
    provinceCode: r.province_code,
    socialInsuranceNumber: r.social_insurance_number,
    scheme: r.scheme,
    insuredAreaCode: r.insured_area_path === null ? null : areaCodeOfPath(r.insured_area_path),
    validFrom: r.valid_from,
    validTo: r.valid_to,
    registeredFacilityCode: r.registered_facility_code,
    fiveYearsOn: r.five_years_on,
    copayExemptFrom: r.copay_exempt_from,
    status: r.status,
  };
}

/** A resident's cards, oldest first (404 for an unknown resident). */
export async function listResidentCards(db: Db, residentId: string): Promise<{ items: InsuranceCard[] }> {
  const resident = await findResidentRef(db, residentId);
  if (!resident) throw notFound('Resident', residentId);
  return { items: (await cardRowsOfResident(db, residentId)).map(toCard) };
}

/** How a stored card or enrolment is named in a message. */
export function describeCard(r: InsuranceCardRow): string {
  if (r.scheme === null) return `card ${r.card_number}`;
  const number = r.card_number ? ` ${r.card_number}` : '';
  const area = r.insured_area_path ? ` of ${areaCodeOfPath(r.insured_area_path)}` : '';
  return `enrolment${number} in the ${r.scheme} scheme${area}`;
}

/**
 * Adds a card or an enrolment to a resident's history, in the profile's format (see readCardFields:
 * VN a card number that parses by group, benefit digit and province code; CN a scheme and insured
 * area). The period must be in order, and it must not overlap another active record of the same
 * resident (409). The record takes the resident's area path, for scoping.
 */
export async function addResidentCard(
  db: Db,
  profile: CountryProfile,
  residentId: string,
  body: CreateCardBody,
): Promise<InsuranceCard> {
  const errors: FieldError[] = [];
  const area = body.insuredArea === undefined ? undefined : await lookupArea(db, body.insuredArea);
  const read = readCardFields(profile, body, area);
  if (!read.ok) errors.push(...read.errors);
  if (body.validTo < body.validFrom)
    errors.push({ field: 'body.validTo', message: `must not be before validFrom (${body.validFrom})` });
  if (
    body.registeredFacilityCode &&
    !new RegExp(profile.facilityCodePattern).test(body.registeredFacilityCode)
  ) {
    errors.push({ field: 'body.registeredFacilityCode', message: `must be ${profile.facilityCodeHint}` });
  }
  if (errors.length > 0 || !read.ok) throw invalidFields(errors);
  const card = read.fields;

  return inTransaction(db, async (trx) => {
    const resident = await findResidentRef(trx, residentId);
    if (!resident) throw notFound('Resident', residentId);
    await lockCardWritesShared(trx);
    await lockResidentCards(trx, residentId);
    if (card.cardNumber !== null) {
      await lockCardNumber(trx, card.cardNumber);
      // Eligibility answers for whoever holds a number: it must be one resident (the import refuses too).
      if (await cardNumberHeldElsewhere(trx, card.cardNumber, residentId)) {
        throw taken(`Card number ${card.cardNumber} is already held by another resident`, 'body.cardNumber');
      }
    }
    if ((body.status ?? 'active') === 'active') {
      const [clash] = await overlappingCardRows(trx, residentId, body.validFrom, body.validTo);
      if (clash) {
        throw conflict(
          `The resident already has ${describeCard(clash)} valid ${clash.valid_from} to ${clash.valid_to}, which overlaps ${body.validFrom} to ${body.validTo}`,
          'body.validFrom',
        );
      }
    }
    const row = await insertCard(trx, {
      id: newId(),
      resident_id: residentId,
      card_number: card.cardNumber,
      beneficiary_group: card.beneficiaryGroup,
      benefit_level: card.benefitLevel,
      province_code: card.provinceCode,
      social_insurance_number: card.socialInsuranceNumber,
      scheme: card.scheme,
      insured_area_path: card.insuredAreaPath,
      valid_from: body.validFrom,
      valid_to: body.validTo,
      registered_facility_code: body.registeredFacilityCode ?? null,
      five_years_on: body.fiveYearsOn ?? null,
      copay_exempt_from: body.copayExemptFrom ?? null,
      status: body.status ?? 'active',
      area_path: resident.areaPath,
    });
    if (!row) {
      throw conflict(
        `A card ${card.cardNumber} valid from ${body.validFrom} is already registered`,
        'body.cardNumber',
      );
    }
    return toCard(row);
  });
}

/** Cards found by number (full, or the 10-digit number) or by the holder's citizen identity number. */
export async function findCards(
  db: Db,
  profile: CountryProfile,
  q: FindCardsQuery,
): Promise<{ items: InsuranceCard[] }> {
  if ((q.number === undefined) === (q.citizenId === undefined)) {
    throw invalidFields([{ field: 'query.number', message: 'give exactly one of number or citizenId' }]);
  }
  const citizenId = q.citizenId === undefined ? undefined : checkedCitizenId(profile, q.citizenId);
  if (citizenId && !citizenId.ok)
    throw invalidFields([{ field: 'query.citizenId', message: citizenId.message }]);
  return { items: (await cardRowsFor(db, { number: q.number, citizenId: citizenId?.id })).map(toCard) };
}

/**
 * A citizen identity number typed to look a person up, checked under the profile: a mistyped number
 * is named as such (what to fix) instead of being answered "no card data" as if the person had none.
 */
export function checkedCitizenId(
  profile: CountryProfile,
  value: string,
): { ok: true; id: string } | { ok: false; message: string } {
  const checked = validateCitizenId(profile, value);
  return checked.ok
    ? { ok: true, id: checked.normalised }
    : { ok: false, message: `${checked.reason} (${profile.citizenId.label})` };
}

/**
 * The card rows of a number or of a citizen's resident record (empty when unknown); the citizen id
 * as checkedCitizenId normalised it.
 */
export async function cardRowsFor(
  db: Db,
  q: { number?: string; citizenId?: string },
): Promise<InsuranceCardRow[]> {
  if (q.number !== undefined) return cardRowsByNumber(db, normaliseCardNumber(q.number));
  const resident = q.citizenId ? await findResidentRefByCitizenId(db, q.citizenId) : undefined;
  return resident ? cardRowsOfResident(db, resident.id) : [];
}

/** The window of an expiring list: from a date (today by default) to `days` days later. */
export function expiringWindow(
  q: { date?: string; days?: number },
  today: string,
): { from: string; to: string } {
  const from = q.date ?? today;
  return { from, to: addDays(from, q.days ?? 30) };
}
