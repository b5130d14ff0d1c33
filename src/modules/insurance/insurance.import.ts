import type { Writable } from 'node:stream';
import type { AppContext } from '../../platform/app-context.ts';
import { streamCsv } from '../../platform/csv/csv-export.ts';
import type { ImportDefinition } from '../../platform/csv/import-runner.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { CARD_COLUMNS, type CardImportRow, cardImport } from './card.import.ts';
import { ENROLMENT_COLUMNS, type EnrolmentImportRow, enrolmentImport } from './enrolment.import.ts';
import { areaCodeOfPath } from './enrolment.rules.ts';
import { cardExportBatch } from './insurance.import.queries.ts';
import { residentKeysByIds } from './residents.refs.ts';

/** A row of the insurance-cards file: a VN card or a CN enrolment, as the profile says. */
export type InsuranceImportRow = CardImportRow | EnrolmentImportRow;

/**
 * The insurance-cards CSV import, in the profile's format: VN cards (CARD_COLUMNS, see cardImport)
 * or, under a profile whose insurance is an enrolment in a scheme (CN), enrolments
 * (ENROLMENT_COLUMNS, see enrolmentImport).
 */
export function insuranceCardImport(profile: CountryProfile): ImportDefinition<InsuranceImportRow> {
  return profile.insurance.enrolment ? enrolmentImport(profile) : cardImport(profile);
}

/** The columns the profile's insurance-cards file has, in the order the export writes them. */
export function insuranceCardColumns(profile: CountryProfile): string[] {
  return profile.insurance.enrolment ? ENROLMENT_COLUMNS : CARD_COLUMNS;
}

/**
 * Streams the profile's records as CSV (insuranceCardColumns: the VN cards, or the CN enrolments), in
 * keyset batches; the file imports back unchanged.
 */
export function exportInsuranceCardsCsv(ctx: AppContext, out: Writable): Promise<number> {
  const enrolments = ctx.profile.insurance.enrolment !== undefined;
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
  return streamCsv(out, insuranceCardColumns(ctx.profile), rows());
}
