/**
 * Where a claim file's bytes are kept: `<data directory>/claim-files/<id>.xml` (config GRASSROOTS_DATA),
 * written as `<id>.xml.part` and renamed once complete and synced, so a file that exists is whole
 * (a job killed half-way leaves only a .part, rewritten by its retry).
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export function claimFileDir(dataDir: string): string {
  return path.join(dataDir, 'claim-files');
}

export function claimFilePath(dataDir: string, id: string, ext = 'xml'): string {
  return path.join(claimFileDir(dataDir), `${id}.${ext}`);
}

/** A file being written: chunks buffered to 64 KiB a write; `finish` syncs and renames it into place. */
export async function openClaimFileWriter(dataDir: string, id: string) {
  await fs.mkdir(claimFileDir(dataDir), { recursive: true, mode: 0o700 });
  const final = claimFilePath(dataDir, id);
  const part = `${final}.part`;
  const fh = await fs.open(part, 'w', 0o600);
  let buffered: string[] = [];
  let size = 0;
  const flush = async () => {
    if (buffered.length === 0) return;
    const chunk = buffered.join('');
    buffered = [];
    size = 0;
    await fh.write(chunk, null, 'utf8');
  };
  return {
    async write(chunk: string): Promise<void> {
      buffered.push(chunk);
      size += chunk.length;
      if (size >= 65_536) await flush();
    },
    async finish(): Promise<void> {
      await flush();
      await fh.sync();
      await fh.close();
      await fs.rename(part, final);
    },
    async abandon(): Promise<void> {
      await fh.close().catch(() => {});
      await fs.rm(part, { force: true });
    },
  };
}
