/**
 * The Decision 130 envelope, streamed: GIAMDINHHS / THONGTINDONVI (MACSKCB) / THONGTINHOSO (NGAYLAP,
 * SOLUONGHOSO, DANHSACHHOSO / HOSO / FILEHOSO (LOAIHOSO, NOIDUNGFILE: base64 of the table's XML)) /
 * CHUKYDONVI. One HOSO is written as each claim comes; nothing but the HOSO in hand is held.
 *
 * The signature over a streamed file: THONGTINHOSO is written in its canonical form (xml-writer.ts:
 * no attributes, no whitespace, Canonical XML's escaping), so the SHA-256 of its bytes as written is
 * the digest an XML-DSig Reference to it carries. That digest is computed while streaming, and after
 * THONGTINHOSO is closed the seam `SignEnvelope` is given it (and the envelope's header) and returns
 * the content of CHUKYDONVI (a ds:Signature over that digest, made by claim-file-import's
 * signature.ts with the facility's key). CHUKYDONVI comes last in the envelope, so nothing is
 * written twice. A verifier streams THONGTINHOSO's bytes, digests them the same way and checks the
 * signature over the digest (docs/CLAIMS.md).
 */
import { createHash, type Hash } from 'node:crypto';
import { formatDate } from './format.ts';
import type { HoSo } from './tables.ts';
import { element, XML_DECLARATION } from './xml-writer.ts';

/** What the signature covers: the envelope's header and the digest of THONGTINHOSO as written. */
export interface UnsignedEnvelope {
  facilityCode: string;
  /** NGAYLAP, 'YYYY-MM-DD' on the country's calendar. */
  createdOn: string;
  records: number;
  /** SHA-256 of the bytes of `<THONGTINHOSO>...</THONGTINHOSO>`, base64. */
  digest: string;
}

/**
 * The seam for the signature: takes the envelope without its signature and returns the content of
 * CHUKYDONVI (XML: a ds:Signature element), or null to leave it empty (no key configured).
 */
export type SignEnvelope = (envelope: UnsignedEnvelope) => Promise<string | null>;

/** Until a facility key is configured (claim-file-import's signature.ts), the file goes out unsigned. */
export const unsignedEnvelope: SignEnvelope = async () => null;

/** Where the bytes go: a file stream with back-pressure (export.service.ts) or memory in tests. */
export interface Sink {
  write(chunk: string): Promise<void>;
}

export interface EnvelopeTotals {
  records: number;
  bytes: number;
  /** SHA-256 of the whole file, hex (claim_file.sha256). */
  sha256: string;
  digest: string;
}

/**
 * Writes one envelope to a sink: `begin` the header (SOLUONGHOSO is known before streaming: the
 * export counts in the same snapshot it reads), `add` each HOSO, `end` with the signature.
 */
export class EnvelopeWriter {
  private readonly file: Hash = createHash('sha256');
  private readonly content: Hash = createHash('sha256');
  private bytes = 0;
  private records = 0;
  private inContent = false;

  constructor(
    private readonly sink: Sink,
    private readonly header: { facilityCode: string; createdOn: string; records: number },
  ) {}

  private async put(text: string): Promise<void> {
    this.file.update(text, 'utf8');
    if (this.inContent) this.content.update(text, 'utf8');
    this.bytes += Buffer.byteLength(text, 'utf8');
    await this.sink.write(text);
  }

  async begin(): Promise<void> {
    await this.put(
      `${XML_DECLARATION}<GIAMDINHHS><THONGTINDONVI>${element('MACSKCB', this.header.facilityCode)}</THONGTINDONVI>`,
    );
    this.inContent = true;
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

  async end(sign: SignEnvelope): Promise<EnvelopeTotals> {
    await this.put('</DANHSACHHOSO></THONGTINHOSO>');
    this.inContent = false;
    const digest = this.content.digest('base64');
    const signature = await sign({
      facilityCode: this.header.facilityCode,
      createdOn: this.header.createdOn,
      records: this.records,
      digest,
    });
    // The signature is XML made by the signer: written as it is, not escaped.
    await this.put(`<CHUKYDONVI>${signature ?? ''}</CHUKYDONVI></GIAMDINHHS>`);
    return { records: this.records, bytes: this.bytes, sha256: this.file.digest('hex'), digest };
  }
}
