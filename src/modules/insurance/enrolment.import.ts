import type { ImportDefinition, RowCheck } from '../../platform/csv/import-runner.ts';
import { isIsoDate } from '../../platform/dates.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { findAreasByCodes } from '../areas/index.ts';
import { type CardFieldsInput, readCardFields } from './enrolment.rules.ts';
import {
  cardRowsForImport,
  type EnrolmentWrite,
  insertEnrolments,
  lockCardWritesExclusive,
  updateEnrolments,
} from './insurance.import.queries.ts';
import type { CardStatus } from './insurance.table.ts';
import {
  batchHolders,
  batchWrites,
  compact,
  describeHeld,
  heldOf,
  heldRecords,
  type Outcome,
} from './insurance-import.held.ts';

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
export function enrolmentImport(profile: CountryProfile): ImportDefinition<EnrolmentImportRow> {
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

      const writes = batchWrites<EnrolmentWrite>();
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
        const overlap =
          v.status === 'active' ? held.overlap(residentId, v.validFrom, v.validTo, known) : null;
        if (overlap) return reason(overlap);
        const id = known?.id ?? newId();
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
        return writes.stage(i, id, write, known !== undefined);
      });

      // Updates first: a member number an update gives up may be taken by a new enrolment.
      await updateEnrolments(trx, [...writes.updates.values()]);
      const inserted = await insertEnrolments(trx, [...writes.inserts.values()]);
      return writes.settle(
        outcomes,
        inserted,
        (write) => `member_number ${write.card_number} from ${write.valid_from} is already registered`,
      );
    },
  };
}
