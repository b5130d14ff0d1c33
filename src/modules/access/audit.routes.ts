import type { App } from '../../platform/app-context.ts';
import { sendCsv } from '../../platform/http/csv-reply.ts';
import { Page } from '../../platform/schema.ts';
import { AuditEntry, AuditQuery } from './access.schema.ts';
import { exportAudit, searchAudit } from './audit.service.ts';

/** The audit log: searchable and exportable by administrators; there is no route that changes it. */
export function auditRoutes(app: App): void {
  app.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['access'],
        summary: 'Search the audit log, newest first',
        querystring: AuditQuery,
        response: {
          200: Page(AuditEntry),
        },
      },
    },
    (req) => searchAudit(req.db, req.query),
  );

  app.get(
    '/audit/export',
    {
      config: { permission: 'audit.read', audit: 'export' },
      schema: {
        tags: ['access'],
        summary: 'Export the matching audit entries as CSV',
        querystring: AuditQuery,
      },
    },
    async (req, reply) => {
      await sendCsv(reply, 'audit-log.csv', (out) => exportAudit(req.db, req.query, out));
    },
  );
}
