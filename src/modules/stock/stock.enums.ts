/** The kinds of stock movement: each a signed quantity on one batch (enums once, as const arrays). */
export const MOVEMENT_KINDS = [
  'receipt',
  'dispense',
  'return',
  'adjustment',
  'transfer_out',
  'transfer_in',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** Why an adjustment changes a batch: damaged, expired, lost (minus), or a count correction (either way). */
export const ADJUSTMENT_REASONS = ['damaged', 'expired', 'lost', 'count_correction'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** The requests kept under their client-supplied id (idempotent repeats). */
export const OPERATION_KINDS = [
  'receipt',
  'adjustment',
  'count',
  'transfer_send',
  'transfer_receive',
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

export const TRANSFER_STATUSES = ['in_transit', 'received'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
