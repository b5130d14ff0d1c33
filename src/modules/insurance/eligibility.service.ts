import { isIsoDate } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/database.ts';
import { type FieldError, invalidFields } from '../../platform/http/errors.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { type FacilityCareLevel, type FacilityRef, lookupFacility } from '../facilities/index.ts';
import { normaliseCardNumber } from './card.rules.ts';
import { type EligibilityCard as EligibilityFactsCard, loadEligibilityFacts } from './eligibility.queries.ts';
import { decideEligibility } from './eligibility.rules.ts';
import { expectedRecord } from './enrolment.rules.ts';
import type { VisitKind } from './insurance.rules.ts';
import type { EligibilityAnswerType, EligibilityCard, EligibilityQuery } from './insurance.schema.ts';
import { checkedCitizenId, toCard } from './insurance.service.ts';

/**
 * Eligibility at the point of care, "load, then decide": checks the query, reads the facility of the
 * visit and then, in one call, every card of the person shown with what the rules need around it (the
 * holder's match to the name and birth date given, the registered facility's province, whether a
 * citizen id is a child's), and lets `decideEligibility` answer from that alone.
 *
 * Cards are read across the caller's scope: a station checks the card of a visitor from another
 * commune as the agency's lookup would: the answer holds the card's validity, benefit, route,
 * registered facility and whether the name and birth date given match, and no id that opens a record.
 */
export async function eligibilityFor(
  db: Db,
  profile: CountryProfile,
  q: EligibilityQuery,
  today: string,
): Promise<EligibilityAnswerType> {
  const citizenId = q.citizenId === undefined ? undefined : checkedCitizenId(profile, q.citizenId);
  const errors = queryErrors(profile, q, citizenId);
  const facility = await lookupFacility(db, q.facility, profile);
  if (!facility)
    errors.push({ field: 'query.facility', message: `no facility with id or code ${q.facility}` });
  if (errors.length > 0 || !facility) throw invalidFields(errors);

  const date = q.date ?? today;
  const number = q.card === undefined ? undefined : normaliseCardNumber(q.card);
  const shownCitizenId = citizenId?.ok ? citizenId.id : undefined;
  const facts = await loadEligibilityFacts(
    db,
    { number, citizenId: shownCitizenId, fullName: q.fullName, birthDate: q.birthDate },
    date,
    profile.insurance.card?.childWithoutCard?.underAgeYears,
  );
  const decision = decideEligibility(
    profile,
    {
      number,
      citizenId: shownCitizenId,
      facility,
      visit: { date, kind: q.visitKind ?? 'registered', careType: q.careType, cost: q.cost },
    },
    facts,
  );
  return answerOf(decision, date, facility);
}

/** The answer as the API gives it: the decision, the date, the facility, the card without its ids. */
function answerOf(
  { card, ...decision }: ReturnType<typeof decideEligibility>,
  date: string,
  facility: FacilityRef & FacilityCareLevel,
): EligibilityAnswerType {
  return {
    ...decision,
    date,
    facility: {
      code: facility.code,
      kind: facility.kind,
      tier: facility.tier,
      careLevel: facility.careLevel,
    },
    card: card ? eligibilityCard(card) : null,
  };
}

/**
 * The answer `eligibilityFor` gives a citizen id shown for a visit on `visit.date`, from the person's
 * cards already read (`eligibilityCardsOfResidents`): reads nothing, so many past visits are answered
 * at once (the demos' history) by the same rules as the counter.
 */
export function eligibilityOnCards(
  profile: CountryProfile,
  input: {
    cards: EligibilityFactsCard[];
    facility: FacilityRef & FacilityCareLevel;
    visit: { date: string; kind?: VisitKind };
  },
): EligibilityAnswerType {
  const decision = decideEligibility(
    profile,
    {
      number: undefined,
      citizenId: undefined,
      facility: input.facility,
      visit: { date: input.visit.date, kind: input.visit.kind ?? 'registered' },
    },
    { cards: input.cards, childUnder: false },
  );
  return answerOf(decision, input.visit.date, input.facility);
}

/** The card as the answer shows it: no id of the card row or of its holder (see EligibilityCard). */
function eligibilityCard(card: EligibilityFactsCard): EligibilityCard {
  const { id: _id, residentId: _residentId, socialInsuranceNumber: _sin, ...shown } = toCard(card);
  return { ...shown, nameMatches: card.nameMatches, birthDateMatches: card.birthMatches };
}

/** What is wrong with the query on its face: exactly one of card or citizen id, each well formed, a real birth date. */
function queryErrors(
  profile: CountryProfile,
  q: EligibilityQuery,
  citizenId: ReturnType<typeof checkedCitizenId> | undefined,
): FieldError[] {
  const errors: FieldError[] = [];
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
  if (citizenId && !citizenId.ok) errors.push({ field: 'query.citizenId', message: citizenId.message });
  if (q.birthDate && q.birthDate.length > 4 && !isIsoDate(q.birthDate))
    errors.push({ field: 'query.birthDate', message: `${q.birthDate} is not a real date` });
  return errors;
}
