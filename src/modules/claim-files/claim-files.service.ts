import fs from 'node:fs';
import type { AppContext } from '../../platform/app-context.ts';
import { countUpTo } from '../../platform/db/count.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor, totalOf } from '../../platform/http/pagination.ts';
import { toClaimFile } from './claim-files.mapping.ts';
import { claimFileListQuery, claimFileRows, findClaimFileRow } from './claim-files.queries.ts';
import type { ClaimFile, ClaimFileList, ClaimFileListQuery } from './claim-files.schema.ts';
import { claimFilePath } from './claim-files.storage.ts';

/** The claim files the caller's scope sees (row-level security), newest first. */
export async function listClaimFiles(ctx: AppContext, q: ClaimFileListQuery): Promise<ClaimFileList> {
  const limit = q.limit ?? 50;
  const c = decodeCursor(q.cursor);
  const before = c && typeof c.v === 'string' ? { createdAt: c.v, id: c.id } : undefined;
  const filter = { facilityId: q.facility, direction: q.direction };
  const rows = await claimFileRows(ctx.db, { ...filter, before, limit });
  const total = await countUpTo(ctx.db, claimFileListQuery(ctx.db, filter));
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return {
    items: kept.map(toClaimFile),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ v: new Date(last.created_at).toISOString(), id: last.id })
        : null,
    total: total.count < kept.length ? totalOf(kept.length) : total,
  };
}

export async function getClaimFile(ctx: AppContext, id: string): Promise<ClaimFile> {
  const row = await findClaimFileRow(ctx.db, id);
  if (!row) throw notFound('Claim file', id);
  return toClaimFile(row);
}

/** The bytes of a file that is done (409 while it is queued, running, or when it failed). */
export async function claimFileContent(
  ctx: AppContext,
  id: string,
): Promise<{ file: ClaimFile; stream: fs.ReadStream }> {
  const file = await getClaimFile(ctx, id);
  if (file.status !== 'done')
    throw new AppError('conflict', `The claim file is ${file.status}: its content is there once it is done`);
  const stream = fs.createReadStream(claimFilePath(ctx.config.dataDir, id));
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', () =>
      reject(new AppError('not_found', `The bytes of claim file ${id} are missing`)),
    );
  });
  return { file, stream };
}
