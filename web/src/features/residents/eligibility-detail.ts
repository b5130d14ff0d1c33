import type { CountryProfile } from '../../api/profile.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import type { MessageParams } from '../../i18n/format.ts';
import type { Eligibility } from './api.ts';

/** A card's route (routeRule), in the reader's language. */
const ROUTE: Record<string, MessageKey> = {
  'registered-facility': 'residents.eligibility.why.registeredFacility',
  referral: 'residents.eligibility.why.referral',
  emergency: 'residents.eligibility.why.emergency',
  're-examination': 'residents.eligibility.why.reExamination',
  'same-province-primary': 'residents.eligibility.why.sameProvince',
  'self-referred': 'residents.eligibility.why.selfReferred',
};
/** A card's benefit (rule): the share is the answer's benefitPercent. */
const BENEFIT: Record<string, MessageKey> = {
  'commune-station': 'residents.eligibility.why.communeStation',
  'off-route-rate': 'residents.eligibility.why.offRouteRate',
  'copay-exemption': 'residents.eligibility.why.copayExemption',
  'low-cost': 'residents.eligibility.why.lowCost',
  'benefit-level': 'residents.eligibility.why.benefitLevel',
};
/** Where an enrolment's visit takes place against its insured area (areaRule). */
const AREA: Record<string, MessageKey> = {
  'inside-insured-area': 'residents.eligibility.why.insideArea',
  'outside-covered': 'residents.eligibility.why.outsideCovered',
  'excepted-visit': 'residents.eligibility.why.exceptedVisit',
  'outside-insured-area': 'residents.eligibility.why.outsideArea',
};

/** What useI18n() gives that the wording needs (kept apart from i18n.tsx, so tests need no JSX). */
interface Words {
  t: (key: MessageKey, params?: MessageParams) => string;
  percent: (share: number, fractionDigits?: number) => string;
  money: (amount: number, currency: string) => string;
  date: (value: string) => string;
}

/**
 * The answer's detail line, worded in the reader's language from its codes (route, benefit, area
 * rules) and figures (share, deductible, ratio, amounts), never from the server's English `message`;
 * a code the app does not know yet brings that message in instead. A refusal's reason speaks for
 * itself: only the dates of a date refusal are added.
 */
export function eligibilityDetail(
  answer: Eligibility,
  profile: Pick<CountryProfile, 'currency' | 'tiers' | 'insurance'> | undefined,
  i18n: Words,
): string[] {
  const { t } = i18n;
  if (!answer.valid) {
    // A refusal's reason says it; a date refusal also shows the dates it was held against.
    const dated = ['expired', 'not-yet-valid'].includes(answer.reason.code) && answer.card;
    return dated
      ? [t('residents.card.period', { from: i18n.date(dated.validFrom), to: i18n.date(dated.validTo) })]
      : [];
  }
  const parts: string[] = [];
  const unknown = () => {
    if (!parts.includes(answer.reason.message)) parts.push(answer.reason.message);
  };
  const money = (amount: number) => i18n.money(amount, profile?.currency ?? 'VND');
  const percent = (value: number) => i18n.percent(value / 100, 0);

  if (answer.scheme) {
    // An enrolment: its scheme and insured area, the place of the visit, the level's deductible and ratio.
    const scheme = profile?.insurance.reimbursement?.schemes.find((s) => s.id === answer.scheme)?.label;
    parts.push(
      t('residents.eligibility.why.scheme', {
        scheme: scheme ?? answer.scheme,
        area: answer.card?.insuredAreaCode ?? '—',
      }),
    );
    const area = answer.areaRule ? AREA[answer.areaRule] : undefined;
    if (area) parts.push(t(area));
    else if (answer.areaRule) unknown();
    if (answer.deductible !== null && answer.deductible !== undefined) {
      const level = profile?.tiers.find((x) => x.id === answer.facility.tier)?.label ?? answer.facility.tier;
      parts.push(
        t('residents.eligibility.why.level', {
          level,
          deductible: money(answer.deductible),
          ratio: percent(answer.ratioPercent ?? answer.benefitPercent),
        }),
      );
    }
    const r = answer.reimbursement;
    if (r) {
      parts.push(
        t('residents.eligibility.why.amounts', {
          cost: money(r.cost),
          reimbursed: money(r.reimbursed),
          selfPaid: money(r.selfPaid),
        }),
      );
    }
    return parts;
  }
  // A card: the route, then the benefit.
  const route = answer.routeRule ? ROUTE[answer.routeRule] : undefined;
  if (route) parts.push(t(route));
  else if (answer.routeRule) unknown();
  const benefit = BENEFIT[answer.rule];
  if (benefit) parts.push(t(benefit, { percent: percent(answer.benefitPercent) }));
  else unknown();
  return parts;
}
