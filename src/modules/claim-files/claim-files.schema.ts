import Type, { type Static } from 'typebox';
import { CLAIM_FORMATS } from '../../platform/profile.schema.ts';
import { Count, IsoDate, Nullable, Page, PageQuery, Uuid } from '../../platform/schema.ts';
import { CLAIM_FILE_DIRECTIONS, CLAIM_FILE_STATUSES } from './claim-files.enums.ts';

const Quarter = Type.String({
  pattern: '^[0-9]{4}-Q[1-4]$',
  maxLength: 7,
  description: "A quarter, '2026-Q4'",
});

export const ClaimFile = Type.Object({
  id: Type.String(),
  facilityId: Type.String(),
  areaPath: Type.String(),
  direction: Type.Enum(CLAIM_FILE_DIRECTIONS),
  format: Type.Enum(CLAIM_FORMATS),
  periodFrom: IsoDate(),
  periodTo: IsoDate(),
  status: Type.Enum(CLAIM_FILE_STATUSES),
  claimsCount: Nullable(Count()),
  sizeBytes: Nullable(Type.Number({ minimum: 0 })),
  sha256: Nullable(Type.String({ description: 'SHA-256 of the file, hex' })),
  jobId: Nullable(Type.String()),
  error: Nullable(
    Type.Unknown({
      description:
        'Why it failed: { code, message }, with the schema check\'s failures (table, record, field, code, message) for code "schema"',
    }),
  ),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type ClaimFile = Static<typeof ClaimFile>;

export const ClaimFileList = Page(ClaimFile);
export type ClaimFileList = Static<typeof ClaimFileList>;

export const ClaimFileListQuery = Type.Object(
  {
    facility: Type.Optional(Uuid('Only the files of this facility')),
    direction: Type.Optional(Type.Enum(CLAIM_FILE_DIRECTIONS)),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ClaimFileListQuery = Static<typeof ClaimFileListQuery>;

export const ClaimFileParams = Type.Object({ id: Uuid('The claim file id') });
export type ClaimFileParams = Static<typeof ClaimFileParams>;

export const StartExportBody = Type.Object(
  {
    id: Type.Optional(Uuid('The new file id (UUID v7, made by the client): a repeat answers the first')),
    facility: Uuid('The facility whose claims are exported'),
    quarter: Quarter,
  },
  { additionalProperties: false },
);
export type StartExportBody = Static<typeof StartExportBody>;
