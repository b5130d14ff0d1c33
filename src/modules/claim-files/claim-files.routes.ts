import type { App, AppContext } from '../../platform/app-context.ts';
import { created } from '../../platform/http/replies.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import {
  ClaimFile,
  ClaimFileList,
  ClaimFileListQuery,
  ClaimFileParams,
  StartExportBody,
} from './claim-files.schema.ts';
import { claimFileContent, getClaimFile, listClaimFiles } from './claim-files.service.ts';
import { startExport } from './export.service.ts';

const doc = routeDoc(['claim-files']);
const exporting = { permission: 'claim-files.export' } as const;

/** The national claim files: exports (a job each), the list, one file, its bytes. */
export function claimFileRoutes(app: App, _ctx: AppContext): void {
  app.post(
    '/claim-files/exports',
    doc(
      exporting,
      "Export a facility's claims of a quarter as a Decision 130 XML file (a background job; the file's status shows its progress)",
      { body: StartExportBody, response: { 200: ClaimFile, 201: ClaimFile } },
    ),
    async (req, reply) => {
      const r = await startExport(req.ctx, req.body, req.scope!, req.principal?.userId ?? null);
      return r.created ? created(reply, r.file) : r.file;
    },
  );

  app.get(
    '/claim-files',
    doc(exporting, 'Claim files in your scope (exports and imports), newest first', {
      querystring: ClaimFileListQuery,
      response: { 200: ClaimFileList },
    }),
    (req) => listClaimFiles(req.ctx, req.query),
  );

  app.get(
    '/claim-files/:id',
    doc(exporting, 'One claim file: its status, size, SHA-256, and the failures of one that failed', {
      params: ClaimFileParams,
      response: { 200: ClaimFile },
    }),
    (req) => getClaimFile(req.ctx, req.params.id),
  );

  app.get(
    '/claim-files/:id/content',
    {
      config: { ...exporting, audit: 'export' },
      schema: {
        tags: ['claim-files'],
        summary: "A claim file's bytes (the signed Decision 130 XML), once it is done",
        params: ClaimFileParams,
      },
    },
    async (req, reply) => {
      const { file, stream } = await claimFileContent(req.ctx, req.params.id);
      reply.header('content-type', 'application/xml; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="claims-${file.id}.xml"`);
      if (file.sizeBytes !== null) reply.header('content-length', String(file.sizeBytes));
      return stream;
    },
  );
}
