/**
 * A small Decision 130 envelope written by hand for the reader's and the signature's tests (the real
 * writer is writer.ts): chunks as a streaming writer would give them.
 */
import type { FieldValues } from './reader.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fields = (row: FieldValues) =>
  Object.entries(row)
    .map(([k, v]) => `<${k}>${esc(v)}</${k}>`)
    .join('');

/** The XML of one table: XML1 is one TONG_HOP; XML2/XML3 lists of rows; others a generic wrapper. */
export function tableXml(type: string, rows: FieldValues[]): string {
  if (type === 'XML1') return `<TONG_HOP>${fields(rows[0] ?? {})}</TONG_HOP>`;
  if (type === 'XML2')
    return `<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC>${rows.map((r) => `<CHI_TIET_THUOC>${fields(r)}</CHI_TIET_THUOC>`).join('')}</DSACH_CHI_TIET_THUOC></CHITIEU_CHITIET_THUOC>`;
  if (type === 'XML3')
    return `<CHITIEU_CHITIET_DVKT_VTYT><DSACH_CHI_TIET_DVKT>${rows.map((r) => `<CHI_TIET_DVKT>${fields(r)}</CHI_TIET_DVKT>`).join('')}</DSACH_CHI_TIET_DVKT></CHITIEU_CHITIET_DVKT_VTYT>`;
  return `<BANG>${rows.map((r) => `<DONG>${fields(r)}</DONG>`).join('')}</BANG>`;
}

export type SampleRecord = Record<string, FieldValues[]>;

/** The envelope's chunks up to (not including) CHUKYDONVI, one HOSO a chunk. */
export function envelopeChunks(
  facilityCode: string,
  records: SampleRecord[],
  createdOn = '20261231',
): string[] {
  const chunks = [
    `<?xml version="1.0" encoding="utf-8"?>\n<GIAMDINHHS>\n<THONGTINDONVI><MACSKCB>${facilityCode}</MACSKCB></THONGTINDONVI>\n`,
    `<THONGTINHOSO>\n<NGAYLAP>${createdOn}</NGAYLAP>\n<SOLUONGHOSO>${records.length}</SOLUONGHOSO>\n<DANHSACHHOSO>\n`,
  ];
  for (const r of records) {
    const files = Object.entries(r)
      .map(
        ([type, rows]) =>
          `<FILEHOSO><LOAIHOSO>${type}</LOAIHOSO><NOIDUNGFILE>${Buffer.from(tableXml(type, rows)).toString('base64')}</NOIDUNGFILE></FILEHOSO>`,
      )
      .join('');
    chunks.push(`<HOSO>${files}</HOSO>\n`);
  }
  chunks.push('</DANHSACHHOSO>\n</THONGTINHOSO>\n');
  return chunks;
}

/** A record with an XML1 row and one medicine line. */
export function sampleRecord(maLk: string, stt: number, extra: FieldValues = {}): SampleRecord {
  return {
    XML1: [
      { MA_LK: maLk, STT: String(stt), HO_TEN: 'Nguyễn Văn A & B', T_TONGCHI_BV: '125000.00', ...extra },
    ],
    XML2: [{ MA_LK: maLk, STT: '1', MA_THUOC: '40.17', SO_LUONG: '10.000', DON_GIA: '12500.000' }],
  };
}

/** Chunks as an async stream, split again at odd places (a chunk boundary must not matter). */
export async function* streamOf(text: string, size = 97): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
