import type { CountryProfile } from '../../platform/profile.ts';
import {
  type CardReason,
  isSocialInsuranceNumber,
  keptElsewhere,
  type ParsedCard,
  parseCardNumber,
} from './card.rules.ts';
import { checkShownCard, type EligibilityAnswer, type Visit, type VisitFacility } from './insurance.rules.ts';

/** An answer with no card on file behind it: the rules' words, and no card to show. */
export type NoCardAnswer = Omit<EligibilityAnswer, 'card' | 'rule'> & {
  rule: EligibilityAnswer['rule'] | 'card-on-file';
};

/**
 * The answer when the registry holds no card for what was shown (VN):
 * - a card of the defence or police social security (province code 97, 98) is judged on its face, 001/002;
 * - a child under the profile's age with no card, found by citizen id, is covered as its group, 130;
 * - a malformed number is 051/052/053 with what is wrong;
 * - anything else is "no card data", 050. Newer cards print only the 10-digit social insurance number:
 *   one not on file is 050 too, not a malformed 15-character number.
 * `childUnder`: whether the citizen id shown is a living child's under the profile's age on the date
 * (read beforehand, with the cards). Pure.
 */
export function answerWithoutCardOnFile(
  profile: CountryProfile,
  shown: { number?: string; citizenId?: string },
  facility: VisitFacility,
  visit: Visit,
  childUnder: boolean,
): NoCardAnswer {
  const parsed =
    shown.number !== undefined && !isSocialInsuranceNumber(shown.number)
      ? parseCardNumber(profile, shown.number)
      : undefined;
  if (parsed && !parsed.ok) return refusal(parsed.reason, 'card-number');

  const keeper = parsed?.ok ? keptElsewhere(profile, parsed.card.provinceCode) : undefined;
  if (parsed?.ok && keeper) {
    const answer = checkShownCard(profile, { shown: parsed.card, facility, visit });
    return withoutCard({ ...answer, reason: keptElsewhereReason(keeper, answer) });
  }

  const child = profile.insurance.card?.childWithoutCard;
  if (child && shown.citizenId !== undefined && childUnder) {
    const group = profile.insurance.card?.groups.find((g) => g.code === child.beneficiaryGroup);
    const papers: ParsedCard = {
      number: '',
      beneficiaryGroup: child.beneficiaryGroup,
      benefitLevel: group?.benefitLevel ?? 0,
      provinceCode: facility.provinceCode,
      socialInsuranceNumber: '',
    };
    const answer = checkShownCard(profile, { shown: papers, facility, visit });
    const message = `A child under ${child.underAgeYears} with no card: covered as group ${child.beneficiaryGroup} on birth papers or the citizen id. ${answer.reason.message}`;
    return withoutCard({
      ...answer,
      reason: { code: 'child-without-card', agencyCode: child.agencyCode, message },
    });
  }

  return refusal(
    { code: 'no-card-data', agencyCode: '050', message: 'No card data for this number or person' },
    'card-on-file',
  );
}

/** The agency's 001 or 002: a card the defence or police social security keeps, checked on its face. */
export function keptElsewhereReason(
  keeper: { agencyCode: string; keeper: string },
  answer: EligibilityAnswer,
): CardReason {
  return {
    code: 'kept-elsewhere',
    agencyCode: keeper.agencyCode,
    message: `Card kept by ${keeper.keeper}: check its validity dates and the holder's identity papers. ${answer.reason.message}`,
  };
}

function withoutCard(answer: EligibilityAnswer): NoCardAnswer {
  const { card: _shown, ...rest } = answer;
  return rest;
}

function refusal(reason: CardReason, rule: 'card-number' | 'card-on-file'): NoCardAnswer {
  return { valid: false, reason, benefitPercent: 0, onRoute: null, rule, routeRule: null };
}
