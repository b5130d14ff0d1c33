import type { RequisitionAction, RequisitionStatus } from './requisitions.enums.ts';

/**
 * Each transition of a requisition: from which state, to which, and the permission it takes (the
 * station sends and receives; its supplier approves and ships).
 */
export const TRANSITIONS: Record<
  RequisitionAction,
  {
    from: RequisitionStatus;
    to: RequisitionStatus;
    permission: 'requisitions.write' | 'requisitions.approve';
    side: 'station' | 'supplier';
  }
> = {
  send: { from: 'draft', to: 'sent', permission: 'requisitions.write', side: 'station' },
  approve: { from: 'sent', to: 'approved', permission: 'requisitions.approve', side: 'supplier' },
  ship: { from: 'approved', to: 'shipped', permission: 'requisitions.approve', side: 'supplier' },
  receive: { from: 'shipped', to: 'received', permission: 'requisitions.write', side: 'station' },
};

export type TransitionDecision =
  | { kind: 'move'; to: RequisitionStatus }
  /** Already done (a repeated request): answer the requisition as it is. */
  | { kind: 'already' }
  | { kind: 'refused'; status: 409 | 403; message: string };

/**
 * Whether `action` may be done now: by someone holding its permission, on the side it belongs to
 * (the station's own scope for send and receive; the supplier's for approve and ship), from its
 * state. The same action on a requisition already past it is `already` (idempotent repeat).
 */
export function decideTransition(
  status: RequisitionStatus,
  action: RequisitionAction,
  actor: { permissions: ReadonlySet<string>; sides: ReadonlySet<'station' | 'supplier'> },
): TransitionDecision {
  const t = TRANSITIONS[action];
  if (!actor.permissions.has(t.permission))
    return {
      kind: 'refused',
      status: 403,
      message: `to ${action} a requisition takes the permission ${t.permission}`,
    };
  if (!actor.sides.has(t.side))
    return {
      kind: 'refused',
      status: 403,
      message:
        t.side === 'station'
          ? `only the ordering station may ${action} its requisition`
          : `only the supplier may ${action} a requisition`,
    };
  if (status === t.from) return { kind: 'move', to: t.to };
  const order = ['draft', 'sent', 'approved', 'shipped', 'received'];
  if (order.indexOf(status) >= order.indexOf(t.to)) return { kind: 'already' };
  return {
    kind: 'refused',
    status: 409,
    message: `a requisition is ${pastOf(action)} when it is ${t.from}; this one is ${status}`,
  };
}

function pastOf(action: RequisitionAction): string {
  return { send: 'sent', approve: 'approved', ship: 'shipped', receive: 'received' }[action];
}

export interface SuggestionInput {
  medicineId: string;
  suggestedOrder: number;
}

/**
 * The lines of a new requisition: those the station asked for (a requested 0 drops a line), else
 * every medicine max-min suggests ordering; the suggestion is kept beside what was requested.
 */
export function requisitionLines(
  suggestions: readonly SuggestionInput[],
  requested: readonly { medicineId: string; requested: number }[] | undefined,
): { medicineId: string; suggested: number; requested: number; approved: number | null }[] {
  const suggested = new Map(suggestions.map((s) => [s.medicineId, s.suggestedOrder]));
  const lines = requested
    ? requested.map((r) => ({ medicineId: r.medicineId, requested: r.requested }))
    : suggestions
        .filter((s) => s.suggestedOrder > 0)
        .map((s) => ({ medicineId: s.medicineId, requested: s.suggestedOrder }));
  return lines
    .filter((l) => l.requested > 0)
    .map((l) => ({ ...l, suggested: suggested.get(l.medicineId) ?? 0, approved: null }));
}
