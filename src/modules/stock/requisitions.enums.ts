/** A requisition's states, in order. */
export const REQUISITION_STATUSES = ['draft', 'sent', 'approved', 'shipped', 'received'] as const;
export type RequisitionStatus = (typeof REQUISITION_STATUSES)[number];

/** What may be done to a requisition. */
export const REQUISITION_ACTIONS = ['send', 'approve', 'ship', 'receive'] as const;
export type RequisitionAction = (typeof REQUISITION_ACTIONS)[number];
