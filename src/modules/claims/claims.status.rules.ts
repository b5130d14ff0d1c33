import type { ClaimCheckOutcome, ClaimStatus } from './claims.enums.ts';

/**
 * A claim's statuses and the moves between them (pure). A rebuild (the visit amended) brings any
 * claim back to draft; the facility checks a draft, a checked or a rejected claim (a re-check after a
 * correction) and submits a checked one; the agency reviews a submitted one; settlement pays an
 * accepted or partly accepted one.
 */
export type ClaimAction = 'check' | 'submit' | 'review' | 'pay';

const FROM: Record<ClaimAction, readonly ClaimStatus[]> = {
  check: ['draft', 'checked', 'rejected'],
  submit: ['checked'],
  review: ['submitted'],
  pay: ['accepted', 'partly-accepted'],
};

/** Whether the action may be taken on a claim in this status. */
export function mayDo(action: ClaimAction, status: ClaimStatus): boolean {
  return FROM[action].includes(status);
}

/** The statuses an action is allowed from (for the 409's message). */
export function allowedFrom(action: ClaimAction): readonly ClaimStatus[] {
  return FROM[action];
}

/** The status a check leaves: the facility's passes or partly passes to checked; the agency's decides. */
export function statusAfterCheck(side: 'facility' | 'agency', outcome: ClaimCheckOutcome): ClaimStatus {
  if (side === 'facility') return outcome === 'rejected' ? 'rejected' : 'checked';
  return outcome === 'passed' ? 'accepted' : outcome === 'partly' ? 'partly-accepted' : 'rejected';
}
