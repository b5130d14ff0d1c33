import Type from 'typebox';
import type { App, AppContext } from '../../platform/app-context.ts';
import { sendCsv } from '../../platform/http/csv-reply.ts';
import { Uuid } from '../../platform/schema.ts';
import { exportSettlementLines } from './settlement-lines.service.ts';

const SettlementLinesQuery = Type.Object({
  facility: Uuid('The facility'),
  quarter: Type.String({ pattern: '^[0-9]{4}-Q[1-4]$', maxLength: 7, description: "A quarter, '2026-Q4'" }),
});

/** China's settlement lines of a facility's quarter, as CSV (docs/CLAIMS.md). */
export function settlementLineRoutes(app: App, _ctx: AppContext): void {
  app.get(
    '/claim-files/settlement-lines.csv',
    {
      config: { permission: 'claim-files.export', audit: 'export' },
      schema: {
        tags: ['claim-files'],
        summary:
          "A facility's settlement lines of a quarter as CSV (profile insurance.claimFormat cn-settlement-csv; columns in docs/CLAIMS.md)",
        querystring: SettlementLinesQuery,
      },
    },
    async (req, reply) => {
      await sendCsv(reply, `settlement-lines-${req.query.quarter}.csv`, (out) =>
        exportSettlementLines(req.ctx, req.query, req.scope!, out),
      );
    },
  );
}
