import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../../platform/app-context.ts';
import { csvWriter } from '../../platform/csv/csv-stream.ts';
import type { ImportDefinition, RowCheck } from '../../platform/csv/import-runner.ts';
import { isIsoDate } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { findAreasByCodes } from '../areas/index.ts';
import { findFacilityByCode } from '../facilities/index.ts';
import { type ParsedCard, parseCardNumber } from './card.rules.ts';
import { areaCodeOfPath, type CardFieldsInput, readCardFields } from './enrolment.rules.ts';
import {
  type CardWrite,
  cardExportBatch,
  cardRowsForImport,
  type EnrolmentWrite,
  insertCards,
  insertEnrolments,
  lockCardWritesExclusive,
  updateCards,
  updateEnrolments,
} from './insurance.import.queries.ts';
import type { CardStatus, InsuranceCardRow } from './insurance.table.ts';
import { findResidentRefsByKeys, residentKeysByIds } from './resident-refs.ts';

type Outcome = 'created' | 'updated' | { reason: string };

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

/**
 * The columns of the file under a profile whose insurance is an enrolment in a scheme (CN), in the
 * order the export writes them: the holder, the scheme, the insured area (the area running the
 * scheme), the member number (only when the profile has a pattern for one), the period and status.
 */
export const ENROLMENT_COLUMNS = [
  'citizen_id',
  'resident_code',
  'scheme',
  'insured_area_code',
  'member_number',
  'valid_from',
  'valid_to',
  'status',
];

export interface EnrolmentImportRow {
  citizenId: string | null;
  residentCode: string | null;
  /** What readCardFields reads (the API body's names), checked with the insured area when saved. */
  fields: CardFieldsInput;
  validFrom: string;
  validTo: string;
  status: CardStatus;
}

/** A row of the insurance-cards file: a VN card or a CN enrolment, as the profile says. */
export type InsuranceImportRow = CardImportRow | EnrolmentImportRow;

const compact = (value: string) => value.replace(/[\s.-]/g, '').toUpperCase();

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

/**
 * Checks one enrolment row on its own: the holder's key, the period, the status. The scheme, insured
 * area and member number need the registry's areas: they are read when the batch is saved.
 */
export function parseEnrolmentRow(v: Record<string, string>): RowCheck<EnrolmentImportRow> {
  const problems: string[] = [];
  if (!v.citizen_id && !v.resident_code)
    problems.push('citizen_id or resident_code is required (the enrolled person)');
  for (const c of ['valid_from', 'valid_to']) {
    if (!v[c]) problems.push(`${c} is required`);
    else if (!isIsoDate(v[c])) problems.push(`${c} ${v[c]} is not a date YYYY-MM-DD`);
  }
  if (v.valid_from && v.valid_to && isIsoDate(v.valid_from) && v.valid_to < v.valid_from)
    problems.push(`valid_to ${v.valid_to} is before valid_from ${v.valid_from}`);
  const status = (v.status || 'active') as CardStatus;
  if (status !== 'active' && status !== 'withdrawn')
    problems.push(`status ${v.status} must be active or withdrawn`);
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
  // An empty cell is an absent field; a column of the card format given a value is refused as the API refuses it.
  const fields: CardFieldsInput = {};
  if (v.scheme) fields.scheme = v.scheme;
  if (v.insured_area_code) fields.insuredArea = v.insured_area_code;
  if (v.member_number) fields.cardNumber = v.member_number;
  if (v.five_years_on) fields.fiveYearsOn = v.five_years_on;
  if (v.copay_exempt_from) fields.copayExemptFrom = v.copay_exempt_from;
  return {
    ok: true,
    value: {
      citizenId: v.citizen_id ? compact(v.citizen_id) : null,
      residentCode: v.resident_code || null,
      fields,
      validFrom: v.valid_from!,
      validTo: v.valid_to!,
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

/** A record the registry holds (a card or an enrolment), as far as the import's checks need it. */
interface HeldCard {
  id: string;
  residentId: string;
  /** A VN card's number, or an enrolment's member number (null when the profile has none). */
  number: string | null;
  /** An enrolment's scheme and insured area; null on a VN card. */
  scheme: string | null;
  insuredAreaPath: string | null;
  validFrom: string;
  validTo: string;
  status: CardStatus;
}

const keyOf = (number: string, validFrom: string) => `${number}|${validFrom}`;

const heldOf = (r: InsuranceCardRow): HeldCard => ({
  id: r.id,
  residentId: r.resident_id,
  number: r.card_number,
  scheme: r.scheme,
  insuredAreaPath: r.insured_area_path,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  status: r.status,
});

/** How a held record is named in a reason (as describeCard names a stored one). */
function describeHeld(c: HeldCard): string {
  if (c.scheme === null) return `card ${c.number}`;
  const number = c.number ? ` ${c.number}` : '';
  const area = c.insuredAreaPath ? ` of ${areaCodeOfPath(c.insuredAreaPath)}` : '';
  return `enrolment${number} in the ${c.scheme} scheme${area}`;
}

/**
 * What the registry holds for a batch, kept up to date as the batch's rows are accepted in file
 * order: each record under its match key (`matchKey`, null for a record of the other format), the
 * owner of each number, every record of each holder (for the overlap check).
 */
function heldRecords(
  matchKey: (c: Pick<HeldCard, 'residentId' | 'number' | 'scheme' | 'validFrom'>) => string | null,
) {
  const byKey = new Map<string, HeldCard>();
  const byNumberFrom = new Map<string, HeldCard>();
  const ownerOfNumber = new Map<string, string>();
  const recordsOf = new Map<string, HeldCard[]>();
  const hold = (c: HeldCard) => {
    const key = matchKey(c);
    const previous = key === null ? undefined : byKey.get(key);
    if (previous) {
      recordsOf.set(
        previous.residentId,
        (recordsOf.get(previous.residentId) ?? []).filter((x) => x !== previous),
      );
      if (
        previous.number !== null &&
        byNumberFrom.get(keyOf(previous.number, previous.validFrom)) === previous
      )
        byNumberFrom.delete(keyOf(previous.number, previous.validFrom));
    }
    if (key !== null) byKey.set(key, c);
    if (c.number !== null) {
      byNumberFrom.set(keyOf(c.number, c.validFrom), c);
      ownerOfNumber.set(c.number, c.residentId);
    }
    recordsOf.set(c.residentId, [...(recordsOf.get(c.residentId) ?? []), c]);
  };
  return {
    hold,
    find: (c: Pick<HeldCard, 'residentId' | 'number' | 'scheme' | 'validFrom'>) => {
      const key = matchKey(c);
      return key === null ? undefined : byKey.get(key);
    },
    /** Another record bearing this number from this first day. */
    numberFrom: (number: string, validFrom: string) => byNumberFrom.get(keyOf(number, validFrom)),
    ownerOf: (number: string) => ownerOfNumber.get(number),
    /** An active record of the holder, other than `except`, whose period meets this one. */
    clash: (residentId: string, validFrom: string, validTo: string, except: HeldCard | undefined) =>
      (recordsOf.get(residentId) ?? []).find(
        (c) => c !== except && c.status === 'active' && c.validFrom <= validTo && c.validTo >= validFrom,
      ),
  };
}

type HolderFound = { ok: true; residentId: string; areaPath: string } | { ok: false; reason: string };

/**
 * The holders a batch names, in one read: each row's holder by citizen_id or resident_code (a record
 * merged away speaks for its survivor), or why it is refused.
 */
async function batchHolders(trx: Db, values: { citizenId: string | null; residentCode: string | null }[]) {
  const holders = await findResidentRefsByKeys(
    trx,
    [...new Set(values.flatMap((v) => (v.citizenId ? [v.citizenId] : [])))],
    [...new Set(values.flatMap((v) => (v.residentCode ? [v.residentCode] : [])))],
  );
  const byCitizen = new Map(holders.filter((h) => h.citizenId).map((h) => [h.citizenId!, h]));
  const byCode = new Map(holders.filter((h) => h.code).map((h) => [h.code!, h]));
  const holderOf = (v: { citizenId: string | null; residentCode: string | null }): HolderFound => {
    const byId = v.citizenId ? byCitizen.get(v.citizenId) : undefined;
    const byResidentCode = v.residentCode ? byCode.get(v.residentCode) : undefined;
    if (v.citizenId && !byId)
      return { ok: false, reason: `citizen_id ${v.citizenId} is not a known resident` };
    if (v.residentCode && !byResidentCode)
      return { ok: false, reason: `resident_code ${v.residentCode} is not a known resident` };
    const holder = byId ?? byResidentCode!;
    const residentId = holder.survivorId ?? holder.id;
    if (byId && byResidentCode && (byResidentCode.survivorId ?? byResidentCode.id) !== residentId)
      return { ok: false, reason: 'citizen_id and resident_code name two different residents' };
    return { ok: true, residentId, areaPath: holder.survivorAreaPath ?? holder.areaPath };
  };
  return { holderOf, holderIds: [...new Set(holders.map((h) => h.survivorId ?? h.id))] };
}

/**
 * The insurance-cards CSV import, in the profile's format: VN cards (CARD_COLUMNS, see cardImport)
 * or, under a profile whose insurance is an enrolment in a scheme (CN), enrolments
 * (ENROLMENT_COLUMNS, see enrolmentImport).
 */
export function insuranceCardImport(profile: CountryProfile): ImportDefinition<InsuranceImportRow> {
  return profile.insurance.enrolment ? enrolmentImport(profile) : cardImport(profile);
}

/**
 * The VN cards: a card is matched on (card number, first day of validity), so a re-run updates and
 * adds nothing. The holder is found by citizen_id or resident_code. A row is refused when the holder
 * is unknown, the number is another person's, an active card would overlap another active card of the
 * holder, or the registered facility is unknown in a province the registry holds (a card of another
 * province may name that province's facilities). A batch costs one lock, two reads (holders, their
 * cards) and at most two writes, whatever its size.
 */
function cardImport(profile: CountryProfile): ImportDefinition<CardImportRow> {
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

      const inserts = new Map<string, CardWrite>();
      const updates = new Map<string, CardWrite>();
      const rowIds: string[] = [];
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
        if (v.status === 'active') {
          const clash = held.clash(residentId, v.validFrom, v.validTo, known);
          if (clash) {
            return reason(
              `valid_from ${v.validFrom} to ${v.validTo} overlaps the holder's ${describeHeld(clash)} valid ${clash.validFrom} to ${clash.validTo}`,
            );
          }
        }
        const id = known?.id ?? newId();
        rowIds[i] = id;
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
        if (inserts.has(id)) {
          inserts.set(id, write);
          return 'updated';
        }
        if (known) {
          updates.set(id, write);
          return 'updated';
        }
        inserts.set(id, write);
        return 'created';
      });

      const inserted = await insertCards(trx, [...inserts.values()]);
      await updateCards(trx, [...updates.values()]);
      // A card held by a record outside the caller's scope is invisible above; the insert skipped it.
      return outcomes.map((o, i) => {
        const id = rowIds[i];
        if (typeof o !== 'string' || id === undefined || !inserts.has(id) || inserted.has(id)) return o;
        return {
          reason: `card ${values[i]!.card.number} from ${values[i]!.validFrom} is already registered`,
        };
      });
    },
  };
}

/** The file's column each field of readCardFields reads (the API body's names). */
const ENROLMENT_FIELD_COLUMNS: Record<string, string> = {
  'body.scheme': 'scheme',
  'body.insuredArea': 'insured_area_code',
  'body.cardNumber': 'member_number',
  'body.fiveYearsOn': 'five_years_on',
  'body.copayExemptFrom': 'copay_exempt_from',
};

/**
 * The enrolments (CN): an enrolment has no number of its own, so it is matched on (holder, scheme,
 * first day of validity) and a re-run updates and adds nothing; a later row of the same enrolment in
 * the file updates the earlier one. The scheme, insured area and member number are read as the API
 * reads them (readCardFields): a scheme of the profile, an insured area at one of the profile's
 * insured-area levels (the areas a batch names are looked up in one read), a member number only when
 * the profile has a pattern for one. A row is also refused when the holder is unknown (or the two
 * keys name two residents), the member number is another resident's, or an active enrolment would
 * overlap another active record of the holder. A batch costs one lock, three reads (holders, insured
 * areas, the holders' records) and at most two writes, whatever its size.
 */
function enrolmentImport(profile: CountryProfile): ImportDefinition<EnrolmentImportRow> {
  return {
    kind: 'insurance-cards',
    requiredColumns: ['scheme', 'insured_area_code', 'valid_from', 'valid_to'],
    parse: (values) => parseEnrolmentRow(values),
    async saveBatch(trx, rows) {
      await lockCardWritesExclusive(trx);
      const values = rows.map((r) => r.value);
      const { holderOf, holderIds } = await batchHolders(trx, values);
      const areas = await findAreasByCodes(
        trx,
        values.flatMap((v) => (v.fields.insuredArea ? [v.fields.insuredArea] : [])),
      );
      const reads = values.map((v) =>
        readCardFields(profile, v.fields, v.fields.insuredArea ? areas.get(v.fields.insuredArea) : undefined),
      );
      const numbers = reads.flatMap((r) => (r.ok && r.fields.cardNumber ? [r.fields.cardNumber] : []));
      const existing = await cardRowsForImport(trx, holderIds, [...new Set(numbers)]);
      const held = heldRecords((c) =>
        c.scheme === null ? null : `${c.residentId}|${c.scheme}|${c.validFrom}`,
      );
      for (const r of existing) held.hold(heldOf(r));

      const inserts = new Map<string, EnrolmentWrite>();
      const updates = new Map<string, EnrolmentWrite>();
      const rowIds: string[] = [];
      const outcomes: Outcome[] = values.map((v, i) => {
        const reason = (text: string) => ({ reason: text });
        const read = reads[i]!;
        const holder = holderOf(v);
        const problems = [
          ...(read.ok
            ? []
            : read.errors.map((e) => `${ENROLMENT_FIELD_COLUMNS[e.field] ?? e.field}: ${e.message}`)),
          ...(holder.ok ? [] : [holder.reason]),
        ];
        if (problems.length > 0 || !read.ok || !holder.ok) return reason(problems.join('; '));
        const { residentId } = holder;
        const { cardNumber: number, scheme, insuredAreaPath } = read.fields;
        const key = { residentId, number, scheme, validFrom: v.validFrom };
        const known = held.find(key);
        if (number !== null) {
          const owner = held.ownerOf(number);
          if (owner && owner !== residentId)
            return reason(`member_number ${number} is held by another resident`);
          const other = held.numberFrom(number, v.validFrom);
          if (other && other !== known)
            return reason(
              `member_number ${number} from ${v.validFrom} is already the holder's ${describeHeld(other)}`,
            );
        }
        if (v.status === 'active') {
          const clash = held.clash(residentId, v.validFrom, v.validTo, known);
          if (clash) {
            return reason(
              `valid_from ${v.validFrom} to ${v.validTo} overlaps the holder's ${describeHeld(clash)} valid ${clash.validFrom} to ${clash.validTo}`,
            );
          }
        }
        const id = known?.id ?? newId();
        rowIds[i] = id;
        const write: EnrolmentWrite = {
          id,
          resident_id: residentId,
          card_number: number,
          scheme: scheme!,
          insured_area_path: insuredAreaPath!,
          valid_from: v.validFrom,
          valid_to: v.validTo,
          status: v.status,
          area_path: holder.areaPath,
        };
        held.hold({ ...key, id, insuredAreaPath, validTo: v.validTo, status: v.status });
        if (inserts.has(id)) {
          inserts.set(id, write);
          return 'updated';
        }
        if (known) {
          updates.set(id, write);
          return 'updated';
        }
        inserts.set(id, write);
        return 'created';
      });

      // Updates first: a member number an update gives up may be taken by a new enrolment.
      await updateEnrolments(trx, [...updates.values()]);
      const inserted = await insertEnrolments(trx, [...inserts.values()]);
      // A member number held by a record outside the caller's scope is invisible above; the insert skipped it.
      return outcomes.map((o, i) => {
        const id = rowIds[i];
        if (typeof o !== 'string' || id === undefined || !inserts.has(id) || inserted.has(id)) return o;
        const write = inserts.get(id)!;
        return {
          reason: `member_number ${write.card_number} from ${write.valid_from} is already registered`,
        };
      });
    },
  };
}

/** The columns the profile's insurance-cards file has, in the order the export writes them. */
export function insuranceCardColumns(profile: CountryProfile): string[] {
  return profile.insurance.enrolment ? ENROLMENT_COLUMNS : CARD_COLUMNS;
}

/**
 * Streams the profile's records as CSV (insuranceCardColumns: the VN cards, or the CN enrolments), in
 * keyset batches; the file imports back unchanged.
 */
export async function exportInsuranceCardsCsv(ctx: AppContext, out: Writable): Promise<number> {
  const enrolments = ctx.profile.insurance.enrolment !== undefined;
  let count = 0;
  async function* rows() {
    let after: string | null = null;
    for (;;) {
      const batch = await cardExportBatch(ctx.db, after, 1000, enrolments ? 'enrolment' : 'card');
      const holders = await residentKeysByIds(
        ctx.db,
        batch.map((c) => c.resident_id),
      );
      for (const c of batch) {
        const holder = holders.get(c.resident_id);
        count++;
        if (enrolments) {
          yield {
            citizen_id: holder?.citizenId ?? '',
            resident_code: holder?.code ?? '',
            scheme: c.scheme,
            insured_area_code: c.insured_area_path === null ? '' : areaCodeOfPath(c.insured_area_path),
            member_number: c.card_number ?? '',
            valid_from: c.valid_from,
            valid_to: c.valid_to,
            status: c.status,
          };
          continue;
        }
        yield {
          card_number: c.card_number,
          citizen_id: holder?.citizenId ?? '',
          resident_code: holder?.code ?? '',
          valid_from: c.valid_from,
          valid_to: c.valid_to,
          registered_facility_code: c.registered_facility_code ?? '',
          five_years_on: c.five_years_on ?? '',
          copay_exempt_from: c.copay_exempt_from ?? '',
          status: c.status,
        };
      }
      if (batch.length < 1000) return;
      after = batch[batch.length - 1]!.id;
    }
  }
  await pipeline(rows(), csvWriter(insuranceCardColumns(ctx.profile)), out);
  return count;
}
