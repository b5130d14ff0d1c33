import type { Writable } from 'node:stream';
import { streamCsv } from '../../platform/csv/csv-export.ts';
import { countUpTo } from '../../platform/db/count.ts';
import type { Db } from '../../platform/db/database.ts';
import { decodeNumericCursor } from '../../platform/http/pagination.ts';
import type { AuditQueryType } from './access.schema.ts';
import type { AuditLogRow } from './access.table.ts';

function filtered(db: Db, q: AuditQueryType) {
  let query = db.selectFrom('audit_log').selectAll();
  if (q.user) query = query.where('username', '=', q.user);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.resourceType) query = query.where('resource_type', '=', q.resourceType);
  if (q.resourceId) query = query.where('resource_id', '=', q.resourceId);
  if (q.flagged !== undefined) query = query.where('flagged', '=', q.flagged);
  if (q.from) query = query.where('at', '>=', new Date(q.from));
  if (q.to) query = query.where('at', '<', new Date(q.to));
  return query;
}

/** Audit entries, newest first, paged by id. */
export async function searchAudit(db: Db, q: AuditQueryType) {
  const limit = q.limit ?? 100;
  let query = filtered(db, q)
    .orderBy('id', 'desc')
    .limit(limit + 1);
  const cursor = decodeNumericCursor(q.cursor);
  if (cursor !== undefined) query = query.where('id', '<', cursor);
  const [rows, total] = await Promise.all([query.execute(), countUpTo(db, filtered(db, q))]);
  const page = rows.slice(0, limit);
  return {
    items: page.map(toEntry),
    nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
    total,
  };
}

const COLUMNS = [
  'id',
  'at',
  'username',
  'role',
  'action',
  'resource_type',
  'resource_id',
  'detail',
  'status',
  'ip',
  'reason',
  'flagged',
];

/** Streams the matching audit entries as CSV, oldest first, in pages of 1,000. */
export function exportAudit(db: Db, q: AuditQueryType, out: Writable): Promise<number> {
  async function* rows() {
    let after = 0;
    for (;;) {
      const page = await filtered(db, q).where('id', '>', after).orderBy('id').limit(1000).execute();
      for (const r of page) {
        yield [
          r.id,
          r.at.toISOString(),
          r.username,
          r.role,
          r.action,
          r.resource_type,
          r.resource_id,
          r.detail,
          r.status,
          r.ip,
          r.reason,
          r.flagged,
        ];
      }
      if (page.length < 1000) return;
      after = page[page.length - 1]!.id;
    }
  }
  return streamCsv(out, COLUMNS, rows());
}

function toEntry(r: AuditLogRow) {
  return {
    id: r.id,
    at: r.at.toISOString(),
    userId: r.user_id,
    username: r.username,
    role: r.role,
    action: r.action,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    detail: r.detail,
    status: r.status,
    ip: r.ip,
    reason: r.reason,
    flagged: r.flagged,
  };
}
