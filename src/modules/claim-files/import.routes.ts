import type { Readable } from 'node:stream';
import type { App, AppContext } from '../../platform/app-context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { created } from '../../platform/http/replies.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import { ClaimFile, ClaimFileParams } from './claim-files.schema.ts';
import { listImportRecords } from './import.records.service.ts';
import { ImportQuery, RecordList, RecordListQuery } from './import.schema.ts';
import { IMPORT_LIMIT_BYTES, receiveImport } from './import.service.ts';

const doc = routeDoc(['claim-files']);
const importing = { permission: 'claim-files.import' } as const;
const XML = /^(application|text)\/xml\b/;
const CSV = /^(text|application)\/csv\b/;

/**
 * The agency's side: a facility's Decision 130 file received (the body streamed to disk, a job judging
 * it record by record), and the records of an imported file with their verdicts.
 */
export function claimFileImportRoutes(app: App, _ctx: AppContext): void {
  app.register(async (xml: App) => {
    // The body stays a stream (counted against IMPORT_LIMIT_BYTES as it is saved).
    xml.addContentTypeParser(['application/xml', 'text/xml'], (_req, payload, done) => done(null, payload));
    xml.post(
      '/claim-files/imports',
      {
        // No request transaction while the body uploads: the row and job are written in one scoped, audited one.
        config: { ...importing, batches: true },
        bodyLimit: IMPORT_LIMIT_BYTES,
        schema: {
          tags: ['claim-files'],
          summary:
            "Import a facility's claim file in the profile's format (Decision 130 XML as application/xml, or settlement lines as text/csv): a background job checks its signature (XML) and each record; the records' verdicts at /api/claim-files/:id/records",
          querystring: ImportQuery,
          response: { 200: ClaimFile, 201: ClaimFile },
        },
      },
      async (req, reply) => {
        const type = req.headers['content-type'] ?? '';
        const contentType = XML.test(type) ? 'xml' : CSV.test(type) ? 'csv' : null;
        if (!contentType)
          throw new AppError(
            'unsupported_media_type',
            'Send the file as the request body with Content-Type: application/xml (Decision 130) or text/csv (settlement lines)',
          );
        const r = await receiveImport(req.ctx, req.inScope, req.body as Readable, {
          contentType,
          id: req.query.id,
          userId: req.principal?.userId ?? null,
        });
        return r.created ? created(reply, r.file) : r.file;
      },
    );
  });

  app.get(
    '/claim-files/:id/records',
    doc(
      importing,
      "An imported file's records in file order: accepted or refused (each problem naming table, row and field), and how each compares with the stored claim",
      {
        params: ClaimFileParams,
        querystring: RecordListQuery,
        response: { 200: RecordList },
      },
    ),
    (req) => listImportRecords(req.ctx, req.params.id, req.query),
  );
}
