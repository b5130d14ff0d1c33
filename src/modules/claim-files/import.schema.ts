import Type, { type Static } from 'typebox';
import { Count, Nullable, Uuid } from '../../platform/schema.ts';

/** POST /api/claim-files/imports?id=: the client's id for the file (a repeat of the same bytes answers the first). */
export const ImportQuery = Type.Object({
  id: Type.Optional(Uuid("The file's id (UUID v7), made by the client")),
});
export type ImportQuery = Static<typeof ImportQuery>;

export const RECORD_OUTCOMES = ['accepted', 'refused'] as const;
export const RECORD_COMPARISONS = ['same', 'differs', 'no-claim'] as const;

const Problem = Type.Object({
  table: Nullable(Type.String({ description: 'LOAIHOSO: XML0, XML1, ...' })),
  row: Nullable(
    Type.Integer({ description: "The row in its table, from 1; null for the record's own problems" }),
  ),
  field: Nullable(Type.String()),
  code: Type.String({
    description:
      'required, too-long, not-a-number, decimals, unknown-field (the schema check), other-record, totals, unreadable',
  }),
  message: Type.String(),
});

const Difference = Type.Object({
  table: Type.String(),
  row: Type.Integer(),
  field: Type.String(),
  stored: Nullable(Type.String()),
  received: Nullable(Type.String()),
});

export const ClaimFileRecord = Type.Object({
  position: Type.Integer({ description: 'The HOSO in file order, from 1' }),
  maLk: Type.String({ description: "MA_LK: the claim's id at the facility" }),
  stt: Type.String(),
  outcome: Type.Enum(RECORD_OUTCOMES),
  problems: Type.Array(Problem),
  claimId: Nullable(Type.String({ description: 'The stored claim of the same id, when there is one' })),
  comparison: Nullable(Type.Enum(RECORD_COMPARISONS)),
  differences: Nullable(Type.Array(Difference)),
});
export type ClaimFileRecord = Static<typeof ClaimFileRecord>;

export const RecordListQuery = Type.Object({
  outcome: Type.Optional(Type.Enum(RECORD_OUTCOMES)),
  after: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 2_147_483_647,
      description: 'The last position of the previous page',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
export type RecordListQuery = Static<typeof RecordListQuery>;

export const RecordList = Type.Object({
  items: Type.Array(ClaimFileRecord),
  nextAfter: Nullable(Type.Integer({ description: 'Pass as after for the next page; null on the last' })),
  counts: Type.Object({
    records: Count(),
    accepted: Count(),
    refused: Count(),
    same: Count(),
    differs: Count(),
    noClaim: Count(),
  }),
});
export type RecordList = Static<typeof RecordList>;
