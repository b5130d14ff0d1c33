import type { CountryProfile } from '../../platform/profile.ts';
import { type CardReason, keptElsewhere } from './card.rules.ts';
import { cardToCheck, type Renewal } from './card-choice.rules.ts';
import { answerWithoutCardOnFile, keptElsewhereReason } from './eligibility.no-card.rules.ts';
import type { EligibilityCard, EligibilityFacts } from './eligibility.queries.ts';
import { checkEnrolmentEligibility } from './enrolment.rules.ts';
import { checkEligibility, type Visit, type VisitFacility } from './insurance.rules.ts';
import type { EligibilityAnswerType } from './insurance.schema.ts';

/** The province of a place: the first label of its area path (the province's code). */
const provinceOf = (areaPath: string) => areaPath.split('.')[0] ?? '';

/** The facility where the visit takes place, as the check sees it. */
export interface CheckFacility {
  code: string;
  kind: string;
  careLevel: string | null;
  areaPath: string;
}

/** What was shown at the counter, normalised, and the visit. */
export interface CheckInput {
  /** The card number shown (normalised), or undefined when a citizen id was shown. */
  number: string | undefined;
  citizenId: string | undefined;
  facility: CheckFacility;
  visit: Visit;
}

/** The answer without what the service adds around it (date, facility), with the card row it stands on. */
export type Decision = Omit<EligibilityAnswerType, 'date' | 'facility' | 'card'> & {
  card: EligibilityCard | null;
};

/**
 * Decides a check from what was loaded, without reading anything: picks the card that speaks for the
 * date (a number shown speaks for its own periods, a replaced one pointing to the holder's new card; a
 * citizen id, for all the person's cards), refuses a card that is not the person's (060, 070), then
 * lets the profile's rules answer: enrolments (CN), the card on file (VN), or no card on file.
 */
export function decideEligibility(
  profile: CountryProfile,
  input: CheckInput,
  facts: EligibilityFacts,
): Decision {
  const { number } = input;
  const shown =
    number === undefined
      ? facts.cards
      : facts.cards.filter((c) => c.card_number === number || c.social_insurance_number === number);
  const { card, renewal } = cardToCheck(shown, number === undefined ? [] : facts.cards, input.visit.date);
  const refusal = card ? holderRefusal(card) : null;
  // Not this person's card: nothing of it is shown.
  if (refusal) return { ...refused(refusal, 'card-holder'), card: null };
  if (profile.insurance.enrolment) return decideEnrolment(profile, input, card);
  if (!card) {
    const presented = { number, citizenId: input.citizenId };
    const answer = answerWithoutCardOnFile(
      profile,
      presented,
      visitFacility(input.facility),
      input.visit,
      facts.childUnder,
    );
    return { ...answer, card: null };
  }
  return decideCard(profile, input, card, renewal);
}

function visitFacility(f: CheckFacility): VisitFacility {
  return { code: f.code, kind: f.kind, provinceCode: provinceOf(f.areaPath), careLevel: f.careLevel };
}

/** An enrolment (CN): validity, insured area, then the scheme's deductible and ratio at the facility's level. */
function decideEnrolment(
  profile: CountryProfile,
  input: CheckInput,
  row: EligibilityCard | undefined,
): Decision {
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
    facility: { kind: input.facility.kind, areaPath: input.facility.areaPath },
    visit: { date: input.visit.date, kind: input.visit.kind, cost: input.visit.cost },
  });
  return {
    valid: answer.valid,
    reason: answer.reason,
    benefitPercent: answer.ratioPercent,
    onRoute: null,
    rule: answer.rule,
    routeRule: null,
    card: row ?? null,
    scheme: answer.scheme,
    areaRule: answer.areaRule,
    deductible: answer.deductible,
    ratioPercent: answer.ratioPercent,
    reimbursement: answer.reimbursement,
  };
}

/** A VN card on file: the card and route rules, with the agency's remark on a replaced or kept card. */
function decideCard(
  profile: CountryProfile,
  input: CheckInput,
  row: EligibilityCard,
  renewal: Renewal | null,
): Decision {
  const answer = checkEligibility(profile, {
    card: {
      number: row.card_number ?? '',
      validFrom: row.valid_from,
      validTo: row.valid_to,
      status: row.status,
      registeredFacilityCode: row.registered_facility_code,
      registeredProvinceCode: row.registeredAreaPath ? provinceOf(row.registeredAreaPath) : null,
      fiveYearsOn: row.five_years_on,
      copayExemptFrom: row.copay_exempt_from,
    },
    facility: visitFacility(input.facility),
    visit: input.visit,
  });
  const { card: parsedCard, ...rest } = answer;
  const keeper = parsedCard ? keptElsewhere(profile, parsedCard.provinceCode) : undefined;
  let reason = answer.reason;
  if (answer.valid && renewal)
    reason = renewalReason(renewal, input.number ?? '', row, answer.reason.message);
  else if (answer.valid && keeper) reason = keptElsewhereReason(keeper, answer);
  return { ...rest, reason, card: row };
}

/** The agency's remark on a card shown when a newer number was issued (003, 004), with the answer's own words. */
function renewalReason(renewal: Renewal, shown: string, used: EligibilityCard, answer: string): CardReason {
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

/** The agency's 060 or 070 when the name or birth date given at the counter is not the holder's (null: not given). */
function holderRefusal(card: EligibilityCard): CardReason | null {
  if (card.nameMatches === false)
    return { code: 'wrong-name', agencyCode: '060', message: "The name given is not the card holder's" };
  if (card.birthMatches === false)
    return {
      code: 'wrong-birth-date',
      agencyCode: '070',
      message: "The date of birth given is not the card holder's",
    };
  return null;
}

function refused(reason: CardReason, rule: 'card-holder'): Omit<Decision, 'card'> {
  return { valid: false, reason, benefitPercent: 0, onRoute: null, rule, routeRule: null };
}
