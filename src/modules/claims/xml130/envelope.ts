/**
 * The Decision 130 envelope, streamed: GIAMDINHHS / THONGTINDONVI (MACSKCB) / THONGTINHOSO (NGAYLAP,
 * SOLUONGHOSO, DANHSACHHOSO / HOSO / FILEHOSO (LOAIHOSO, NOIDUNGFILE: base64 of the table's XML)) /
 * CHUKYDONVI. One HOSO is written as each claim comes; nothing but the HOSO in hand is held.
 *
 * The signature over a streamed file (docs/CLAIMS.md, "The signature"): every chunk written before
 * CHUKYDONVI is also given to the signer (signature.ts `createEnvelopeSigner`), which digests
 * THONGTINHOSO's canonical form as it goes; after THONGTINHOSO closes, the signer gives the whole
 * CHUKYDONVI element (a statement of the facility and the digest, and an XML-DSig over it). CHUKYDONVI
 * comes last, so the file is written in one pass. Without a signer the element is written empty.
 */
import { createHash, type Hash } from 'node:crypto';
import { formatDate } from './format.ts';
import type { EnvelopeSigner } from './signature.ts';
import type { HoSo } from './tables.ts';
import { element, XML_DECLARATION } from './xml-writer.ts';

/** Where the bytes go: a file stream with back-pressure (claim-files' export) or memory in tests. */
export interface Sink {
  write(chunk: string): Promise<void>;
}

export interface EnvelopeTotals {
  records: number;
  bytes: number;
  /** SHA-256 of the whole file, hex (claim_file.sha256). */
  sha256: string;
}

/**
 * Writes one envelope to a sink: `begin` the header (SOLUONGHOSO is known before streaming: the
 * export counts in the same snapshot it reads), `add` each HOSO, `end` with the signature.
 */
export class EnvelopeWriter {
  private readonly file: Hash = createHash('sha256');
  private bytes = 0;
  private records = 0;

  constructor(
    private readonly sink: Sink,
    private readonly header: { facilityCode: string; createdOn: string; records: number },
    private readonly signer: EnvelopeSigner | null,
  ) {}

  private async put(text: string, signed = true): Promise<void> {
    this.file.update(text, 'utf8');
    if (signed) this.signer?.write(text);
    this.bytes += Buffer.byteLength(text, 'utf8');
    await this.sink.write(text);
  }

  async begin(): Promise<void> {
    await this.put(
      `${XML_DECLARATION}<GIAMDINHHS><THONGTINDONVI>${element('MACSKCB', this.header.facilityCode)}</THONGTINDONVI>`,
    );
    await this.put(
      `<THONGTINHOSO>${element('NGAYLAP', formatDate(this.header.createdOn))}${element(
        'SOLUONGHOSO',
        String(this.header.records),
      )}<DANHSACHHOSO>`,
    );
  }

  async add(hoSo: HoSo): Promise<void> {
    const files = hoSo.files
      .map(
        (f) =>
          `<FILEHOSO>${element('LOAIHOSO', f.loaiHoSo)}${element(
            'NOIDUNGFILE',
            Buffer.from(f.xml, 'utf8').toString('base64'),
          )}</FILEHOSO>`,
      )
      .join('');
    this.records += 1;
    await this.put(`<HOSO>${files}</HOSO>`);
  }

  async end(): Promise<EnvelopeTotals> {
    await this.put('</DANHSACHHOSO></THONGTINHOSO>');
    // The signer's CHUKYDONVI is XML made by it: written as it is, not escaped.
    const signature = this.signer ? this.signer.signatureElement() : '<CHUKYDONVI></CHUKYDONVI>';
    await this.put(`${signature}</GIAMDINHHS>`, false);
    return { records: this.records, bytes: this.bytes, sha256: this.file.digest('hex') };
  }
}
