import type { ColumnType, Insertable, Selectable } from 'kysely';

/** The records of an imported claim file (migration 2026_12_08_1300): queried only in import.queries.ts. */
export interface ClaimFileRecordTable {
  claim_file_id: string;
  position: number;
  area_path: string;
  ma_lk: string;
  stt: string;
  outcome: 'accepted' | 'refused';
  /** ImportProblem[] (claims/xml130 import.rules.ts). */
  problems: ColumnType<unknown, string, string>;
  /** The tables as received (LOAIHOSO → rows of fields); null when refused. */
  tables: ColumnType<unknown, string | null, string | null>;
  claim_id: string | null;
  comparison: 'same' | 'differs' | 'no-claim' | null;
  /** FieldDifference[] against the stored claim's tables. */
  differences: ColumnType<unknown, string | null, string | null>;
  created_at: Date;
}

export type ClaimFileRecordRow = Selectable<ClaimFileRecordTable>;
export type NewClaimFileRecordRow = Insertable<ClaimFileRecordTable>;
