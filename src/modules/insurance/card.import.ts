import type { ImportDefinition, RowCheck } from '../../platform/csv/import-runner.ts';
import { isIsoDate } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { findAreasByCodes } from '../areas/index.ts';
import { findFacilityByCode } from '../facilities/index.ts';
import { type ParsedCard, parseCardNumber } from './card.rules.ts';
import {
  type CardWrite,
  cardRowsForImport,
  insertCards,
  lockCardWritesExclusive,
  updateCards,
} from './insurance.import.queries.ts';
import type { CardStatus } from './insurance.table.ts';
import {
  batchHolders,
  batchWrites,
  compact,
  heldOf,
  heldRecords,
  keyOf,
  type Outcome,
} from './insurance-import.held.ts';

/** The columns of the insurance-cards file, in the order the export writes them. */
export const CARD_COLUMNS = [
  'card_number',
  'citizen_id',
  'resident_code',
  'valid_from',
  'valid_to',
  'registered_facility_code',
  'five_years_on',
  'copay_exempt_from',
  'status',
];

export interface CardImportRow {
  card: ParsedCard;
  citizenId: string | null;
  residentCode: string | null;
  validFrom: string;
  validTo: string;
  registeredFacilityCode: string | null;
  fiveYearsOn: string | null;
  copayExemptFrom: string | null;
  status: CardStatus;
}

/** Checks one card row on its own: the number under the profile, the holder's key, dates, codes. */
export function parseCardRow(profile: CountryProfile, v: Record<string, string>): RowCheck<CardImportRow> {
  const problems: string[] = [];
  let card: ParsedCard | undefined;
  if (!v.card_number) problems.push('card_number is required');
  else {
    const parsed = parseCardNumber(profile, v.card_number);
    if (parsed.ok) card = parsed.card;
    else problems.push(`card_number: ${parsed.reason.message}`);
  }
  if (!v.citizen_id && !v.resident_code)
    problems.push('citizen_id or resident_code is required (the card holder)');
  for (const c of ['valid_from', 'valid_to']) {
    if (!v[c]) problems.push(`${c} is required`);
    else if (!isIsoDate(v[c])) problems.push(`${c} ${v[c]} is not a date YYYY-MM-DD`);
  }
  for (const c of ['five_years_on', 'copay_exempt_from']) {
    if (v[c] && !isIsoDate(v[c])) problems.push(`${c} ${v[c]} is not a date YYYY-MM-DD`);
  }
  if (v.valid_from && v.valid_to && isIsoDate(v.valid_from) && v.valid_to < v.valid_from)
    problems.push(`valid_to ${v.valid_to} is before valid_from ${v.valid_from}`);
  const facility = v.registered_facility_code ? compact(v.registered_facility_code) : null;
  if (facility && !new RegExp(profile.facilityCodePattern).test(facility))
    problems.push(`registered_facility_code ${facility} must be ${profile.facilityCodeHint}`);
  const status = (v.status || 'active') as CardStatus;
  if (status !== 'active' && status !== 'withdrawn')
    problems.push(`status ${v.status} must be active or withdrawn`);
  if (problems.length > 0 || !card) return { ok: false, reason: problems.join('; ') };
  return {
    ok: true,
    value: {
      card,
      citizenId: v.citizen_id ? compact(v.citizen_id) : null,
      residentCode: v.resident_code || null,
      validFrom: v.valid_from!,
      validTo: v.valid_to!,
      registeredFacilityCode: facility,
      fiveYearsOn: v.five_years_on || null,
      copayExemptFrom: v.copay_exempt_from || null,
      status,
    },
  };
}

/** Lookups that hold for a whole run (a province has a few hundred facilities), one query per new code. */
function referenceCache() {
  const facilities = new Map<string, boolean>();
  const provinces = new Map<string, boolean>();
  return async (db: Db, facilityCodes: string[], provinceCodes: string[]) => {
    for (const code of new Set(facilityCodes)) {
      if (!facilities.has(code)) facilities.set(code, (await findFacilityByCode(db, code)) !== undefined);
    }
    const missing = [...new Set(provinceCodes)].filter((c) => !provinces.has(c));
    if (missing.length > 0) {
      const found = await findAreasByCodes(db, missing);
      // A province the registry holds is a top-level area whose code is the card's province code.
      for (const c of missing) provinces.set(c, found.get(c)?.path === c);
    }
    return {
      facilityKnown: (code: string) => facilities.get(code) === true,
      provinceHeld: (code: string) => provinces.get(code) === true,
    };
  };
}

/**
 * The VN cards: a card is matched on (card number, first day of validity), so a re-run updates and
 * adds nothing. The holder is found by citizen_id or resident_code. A row is refused when the holder
 * is unknown, the number is another person's, an active card would overlap another active card of the
 * holder, or the registered facility is unknown in a province the registry holds (a card of another
 * province may name that province's facilities). A batch costs one lock, two reads (holders, their
 * cards) and at most two writes, whatever its size.
 */
export function cardImport(profile: CountryProfile): ImportDefinition<CardImportRow> {
  const references = referenceCache();
  return {
    kind: 'insurance-cards',
    requiredColumns: ['card_number', 'valid_from', 'valid_to'],
    parse: (values) => parseCardRow(profile, values),
    async saveBatch(trx, rows) {
      await lockCardWritesExclusive(trx);
      const values = rows.map((r) => r.value);
      const { holderOf, holderIds } = await batchHolders(trx, values);
      const refs = await references(
        trx,
        values.flatMap((v) => (v.registeredFacilityCode ? [v.registeredFacilityCode] : [])),
        values.map((v) => v.card.provinceCode),
      );
      const existing = await cardRowsForImport(trx, holderIds, [
        ...new Set(values.map((v) => v.card.number)),
      ]);
      const held = heldRecords((c) => (c.number === null ? null : keyOf(c.number, c.validFrom)));
      for (const r of existing) held.hold(heldOf(r));

      const writes = batchWrites<CardWrite>();
      const outcomes: Outcome[] = values.map((v, i) => {
        const reason = (text: string) => ({ reason: text });
        const holder = holderOf(v);
        if (!holder.ok) return reason(holder.reason);
        const { residentId } = holder;
        const number = v.card.number;
        const owner = held.ownerOf(number);
        if (owner && owner !== residentId) return reason(`card_number ${number} is held by another resident`);
        if (
          v.registeredFacilityCode &&
          !refs.facilityKnown(v.registeredFacilityCode) &&
          refs.provinceHeld(v.card.provinceCode)
        ) {
          return reason(`registered_facility_code ${v.registeredFacilityCode} is not a known facility`);
        }
        const known = held.find({ residentId, number, scheme: null, validFrom: v.validFrom });
        const overlap =
          v.status === 'active' ? held.overlap(residentId, v.validFrom, v.validTo, known) : null;
        if (overlap) return reason(overlap);
        const id = known?.id ?? newId();
        const write: CardWrite = {
          id,
          resident_id: residentId,
          card_number: number,
          beneficiary_group: v.card.beneficiaryGroup,
          benefit_level: v.card.benefitLevel,
          province_code: v.card.provinceCode,
          social_insurance_number: v.card.socialInsuranceNumber,
          valid_from: v.validFrom,
          valid_to: v.validTo,
          registered_facility_code: v.registeredFacilityCode,
          five_years_on: v.fiveYearsOn,
          copay_exempt_from: v.copayExemptFrom,
          status: v.status,
          area_path: holder.areaPath,
        };
        held.hold({
          id,
          residentId,
          number,
          scheme: null,
          insuredAreaPath: null,
          validFrom: v.validFrom,
          validTo: v.validTo,
          status: v.status,
        });
        return writes.stage(i, id, write, known !== undefined);
      });

      const inserted = await insertCards(trx, [...writes.inserts.values()]);
      await updateCards(trx, [...writes.updates.values()]);
      return writes.settle(
        outcomes,
        inserted,
        (write) => `card ${write.card_number} from ${write.valid_from} is already registered`,
      );
    },
  };
}
