import Type, { type Static } from 'typebox';

/**
 * What a CSV import answers (POST /api/imports/:kind, and the CLI's summary): declared once, for the
 * route's schema, the import runner and the web app's import page. No Node imports here.
 */
export const ImportReport = Type.Object({
  kind: Type.String(),
  read: Type.Integer({ description: 'Rows read from the file (header excluded)' }),
  created: Type.Integer(),
  updated: Type.Integer(),
  rejected: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String() })),
});
export type ImportReport = Static<typeof ImportReport>;
export type RejectedRow = ImportReport['rejected'][number];
