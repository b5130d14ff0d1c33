import { isIsoDate } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/database.ts';
import { invalidFields } from '../../platform/http/errors.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { lookupFacility } from '../facilities/index.ts';
import { type CardReason, keptElsewhere, normaliseCardNumber } from './card.rules.ts';
import { cardToCheck, type Renewal } from './card-choice.rules.ts';
import { answerWithoutCardOnFile, keptElsewhereReason } from './eligibility.no-card.ts';
import { checkEnrolmentEligibility, expectedRecord } from './enrolment.rules.ts';
import { eligibilityCardRows, eligibilityFacilityAreaPath, holderMatches } from './insurance.queries.ts';
import { checkEligibility, type VisitFacility } from './insurance.rules.ts';
import type { EligibilityAnswerType, EligibilityQuery } from './insurance.schema.ts';
import { checkedCitizenId, toCard } from './insurance.service.ts';
import type { InsuranceCardRow } from './insurance.table.ts';

/** The province of a place: the first label of its area path (the province's code). */
const provinceOf = (areaPath: string) => areaPath.split('.')[0] ?? '';

/**
 * Eligibility at the point of care: finds the card that speaks for the date (by number or by the
 * holder's citizen identity number), the facility and the registered facility's province, and lets
 * the rules answer. With no card on file, answerWithoutCardOnFile answers (a malformed number, a card
 * kept by the defence or police, a child without a card, or "no card data"). Under a profile with enrolments (CN)
 * the enrolment that speaks for the date is judged by checkEnrolmentEligibility instead: validity,
 * insured area, then the scheme's deductible and ratio at the facility's level.
 *
 * Cards are read across the caller's scope: a station checks the card of a visitor from another
 * commune as the agency's lookup would (the answer holds the card, nothing else of the person).
 */
export async function eligibilityFor(
  db: Db,
  profile: CountryProfile,
  q: EligibilityQuery,
  today: string,
): Promise<EligibilityAnswerType> {
  const errors = [];
  const enrolment = profile.insurance.enrolment;
  if ((q.card === undefined) === (q.citizenId === undefined)) {
    errors.push({ field: 'query.card', message: 'give exactly one of card or citizenId' });
  } else if (enrolment && q.card !== undefined) {
    const pattern = enrolment.number?.pattern;
    if (!pattern) {
      errors.push({
        field: 'query.card',
        message: `${profile.name} enrolments have no card number: give citizenId (${profile.citizenId.label})`,
      });
    } else if (!new RegExp(pattern).test(normaliseCardNumber(q.card))) {
      errors.push({ field: 'query.card', message: `must match ${pattern}: ${expectedRecord(profile)}` });
    }
  }
  const citizenId = q.citizenId === undefined ? undefined : checkedCitizenId(profile, q.citizenId);
  if (citizenId && !citizenId.ok) errors.push({ field: 'query.citizenId', message: citizenId.message });
  if (q.birthDate && q.birthDate.length > 4 && !isIsoDate(q.birthDate))
    errors.push({ field: 'query.birthDate', message: `${q.birthDate} is not a real date` });
  const facility = await lookupFacility(db, q.facility, profile);
  if (!facility)
    errors.push({ field: 'query.facility', message: `no facility with id or code ${q.facility}` });
  if (errors.length > 0 || !facility) throw invalidFields(errors);

  const date = q.date ?? today;
  const facilityOut = {
    code: facility.code,
    kind: facility.kind,
    tier: facility.tier,
    careLevel: facility.careLevel,
  };
  const number = q.card === undefined ? undefined : normaliseCardNumber(q.card);
  const holderCards = await eligibilityCardRows(db, {
    number,
    citizenId: citizenId?.ok ? citizenId.id : undefined,
  });
  // A number shown speaks for its own periods (a replaced one may point to the holder's new card);
  // a citizen id, for all the person's cards.
  const shown =
    number === undefined
      ? holderCards
      : holderCards.filter((c) => c.card_number === number || c.social_insurance_number === number);
  const { card: row, renewal } = cardToCheck(shown, number === undefined ? [] : holderCards, date);
  const refusal = row ? await holderRefusal(db, row.resident_id, q) : null;
  if (refusal) {
    // Not this person's card: nothing of it is shown.
    return {
      valid: false,
      reason: refusal,
      benefitPercent: 0,
      onRoute: null,
      rule: 'card-holder',
      routeRule: null,
      date,
      facility: facilityOut,
      card: null,
    };
  }
  if (enrolment) {
    const answer = checkEnrolmentEligibility(profile, {
      enrolment:
        row?.scheme && row.insured_area_path
          ? {
              scheme: row.scheme,
              validFrom: row.valid_from,
              validTo: row.valid_to,
              status: row.status,
              insuredAreaPath: row.insured_area_path,
            }
          : null,
      facility: { kind: facility.kind, areaPath: facility.areaPath },
      visit: { date, kind: q.visitKind ?? 'registered', cost: q.cost },
    });
    return {
      valid: answer.valid,
      reason: answer.reason,
      benefitPercent: answer.ratioPercent,
      onRoute: null,
      rule: answer.rule,
      routeRule: null,
      date,
      facility: facilityOut,
      card: row ? toCard(row) : null,
      scheme: answer.scheme,
      areaRule: answer.areaRule,
      deductible: answer.deductible,
      ratioPercent: answer.ratioPercent,
      reimbursement: answer.reimbursement,
    };
  }
  const visitFacility: VisitFacility = {
    code: facility.code,
    kind: facility.kind,
    provinceCode: provinceOf(facility.areaPath),
    careLevel: facility.careLevel,
  };
  const visit = { date, kind: q.visitKind ?? 'registered', careType: q.careType, cost: q.cost } as const;
  if (!row) {
    const presented = { number, citizenId: citizenId?.ok ? citizenId.id : undefined };
    const answer = await answerWithoutCardOnFile(db, profile, presented, visitFacility, visit);
    return { ...answer, date, facility: facilityOut, card: null };
  }

  const registeredAreaPath = row.registered_facility_code
    ? await eligibilityFacilityAreaPath(db, row.registered_facility_code)
    : null;
  const answer = checkEligibility(profile, {
    card: {
      number: row.card_number ?? '',
      validFrom: row.valid_from,
      validTo: row.valid_to,
      status: row.status,
      registeredFacilityCode: row.registered_facility_code,
      registeredProvinceCode: registeredAreaPath ? provinceOf(registeredAreaPath) : null,
      fiveYearsOn: row.five_years_on,
      copayExemptFrom: row.copay_exempt_from,
    },
    facility: visitFacility,
    visit,
  });
  const { card: parsedCard, ...rest } = answer;
  const keeper = parsedCard ? keptElsewhere(profile, parsedCard.provinceCode) : undefined;
  let reason = answer.reason;
  if (answer.valid && renewal) reason = renewalReason(renewal, number ?? '', row, answer.reason.message);
  else if (answer.valid && keeper) reason = keptElsewhereReason(keeper, answer);
  return { ...rest, reason, date, facility: facilityOut, card: toCard(row) };
}

/** The agency's remark on a card shown when a newer number was issued (003, 004), with the answer's own words. */
function renewalReason(renewal: Renewal, shown: string, used: InsuranceCardRow, answer: string): CardReason {
  return renewal === 'old-card-expired-new-issued'
    ? {
        code: renewal,
        agencyCode: '003',
        message: `Card ${shown} expired; the new card ${used.card_number} is valid: use it. ${answer}`,
      }
    : {
        code: renewal,
        agencyCode: '004',
        message: `Card ${shown} is still valid; a new card was issued. ${answer}`,
      };
}

/** The agency's 060 or 070 when the name or birth date given at the counter is not the holder's. */
async function holderRefusal(
  db: Db,
  residentId: string,
  given: { fullName?: string; birthDate?: string },
): Promise<CardReason | null> {
  if (given.fullName === undefined && given.birthDate === undefined) return null;
  const { nameMatches, birthMatches } = await holderMatches(db, residentId, given);
  if (nameMatches === false)
    return { code: 'wrong-name', agencyCode: '060', message: "The name given is not the card holder's" };
  if (birthMatches === false)
    return {
      code: 'wrong-birth-date',
      agencyCode: '070',
      message: "The date of birth given is not the card holder's",
    };
  return null;
}
