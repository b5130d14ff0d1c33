/**
 * The pregnancies module's lists, declared once (the outcomes are the programme engine's,
 * `PREGNANCY_OUTCOMES` in programmes/facts.ts). No imports: the web app may bundle this file.
 */

/** What the expected delivery date was computed from: the LMP (Naegele) or an ultrasound dating. */
export const DATED_BY = ['lmp', 'ultrasound'] as const;
export type DatedBy = (typeof DATED_BY)[number];

/** What an amendment did: corrected the episode's dating or outcome in place, or retracted it. */
export const PREGNANCY_AMENDMENT_KINDS = ['correct', 'retract'] as const;
export type PregnancyAmendmentKind = (typeof PREGNANCY_AMENDMENT_KINDS)[number];
