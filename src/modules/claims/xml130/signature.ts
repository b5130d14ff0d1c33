/**
 * The envelope's signature `CHUKYDONVI` (Decision 130/QĐ-BYT): an XML digital signature (XML-DSig,
 * RSA-SHA256, exclusive c14n) made with the facility's key and certificate, without ever holding the
 * file in memory. docs/CLAIMS.md, "The signature", is the design:
 *
 *  - the digest: SHA-256 of the canonical form (Canonical XML 1.0, no comments) of `THONGTINHOSO`,
 *    the part holding every HOSO, computed from the parser's events while the file streams past;
 *  - `CHUKYDONVI` holds `THONGTINKY` (the facility code, the record count and that digest) and a
 *    `ds:Signature` whose one reference signs `THONGTINKY`, with the certificate in `KeyInfo`;
 *  - on import the same digest is computed while reading, the signature checked against the
 *    facility's certificate (the trusted one, never the one the file brings), then the digests compared.
 *
 * The writer's seam: `createEnvelopeSigner(key)` is fed every chunk written before `CHUKYDONVI`
 * (envelope.ts's EnvelopeWriter does so), and `signer.signatureElement()` gives the element to write
 * before `</GIAMDINHHS>`.
 */
import crypto from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { SaxesParser } from 'saxes';
import { SignedXml } from 'xml-crypto';

const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
/** The element of the envelope the digest covers. */
export const SIGNED_PART = 'THONGTINHOSO';

/** A facility's signing key and certificate, both PEM. */
export interface SigningKey {
  privateKeyPem: string;
  certificatePem: string;
}

/** Why a file's signature is refused: one code each (docs/ERRORS.md, "Claim files"). */
export type SignatureFailure =
  | 'signature-missing'
  | 'signature-invalid'
  | 'signature-certificate'
  | 'signature-content'
  | 'signature-facility';

export class ClaimFileSignatureError extends Error {
  constructor(
    readonly failure: SignatureFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ClaimFileSignatureError';
  }
}

const escapeText = (t: string) =>
  t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
const escapeAttr = (t: string) =>
  t
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');

/** An element's start tag in canonical form (attributes in name order; namespace declarations are attributes here). */
export function canonicalStartTag(name: string, attributes: Record<string, string>): string {
  const attrs = Object.keys(attributes)
    .sort()
    .map((k) => ` ${k}="${escapeAttr(attributes[k] ?? '')}"`)
    .join('');
  return `<${name}${attrs}>`;
}

/**
 * Parser events → the canonical text of one element's subtree (`SIGNED_PART` for the digest, `CHUKYDONVI`
 * to be checked), handed to `out` piece by piece: flat memory for any file size.
 */
export class CanonicalSubtree {
  private depth = 0;
  private done = false;
  constructor(
    private readonly element: string,
    private readonly out: (piece: string) => void,
  ) {}

  get inside(): boolean {
    return this.depth > 0;
  }
  get complete(): boolean {
    return this.done;
  }
  open(name: string, attributes: Record<string, string>): void {
    if (this.depth === 0 && (name !== this.element || this.done)) return;
    this.depth++;
    this.out(canonicalStartTag(name, attributes));
  }
  text(text: string): void {
    if (this.depth > 0) this.out(escapeText(text));
  }
  close(name: string): void {
    if (this.depth === 0) return;
    this.out(`</${name}>`);
    if (--this.depth === 0) this.done = true;
  }
}

/** The running SHA-256 of the signed part, fed by parser events. */
export class EnvelopeDigest {
  private readonly hash = crypto.createHash('sha256');
  readonly subtree = new CanonicalSubtree(SIGNED_PART, (piece) => this.hash.update(piece, 'utf8'));
  private value: string | undefined;

  /** The digest in base64, once `</THONGTINHOSO>` has been seen. */
  digest(): string | undefined {
    if (!this.subtree.complete) return undefined;
    this.value ??= this.hash.digest('base64');
    return this.value;
  }
}

/** What `THONGTINKY` states and the signature covers. */
export interface SignedStatement {
  facilityCode: string;
  digest: string;
}

function statementXml(s: SignedStatement): string {
  return `<THONGTINKY Id="THONGTINKY"><MA_CSKCB>${escapeText(s.facilityCode)}</MA_CSKCB><THUAT_TOAN>SHA-256 C14N ${SIGNED_PART}</THUAT_TOAN><DIGEST_THONGTINHOSO>${s.digest}</DIGEST_THONGTINHOSO></THONGTINKY>`;
}

/** Signs a statement: the whole `<CHUKYDONVI>` element, on one line. */
export function signStatement(statement: SignedStatement, key: SigningKey): string {
  const sig = new SignedXml({
    privateKey: key.privateKeyPem,
    publicCert: key.certificatePem,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
  });
  sig.addReference({
    xpath: "/*/*[local-name(.)='THONGTINKY']",
    digestAlgorithm: SHA256,
    transforms: [EXC_C14N],
  });
  sig.computeSignature(`<CHUKYDONVI>${statementXml(statement)}</CHUKYDONVI>`, {
    location: { reference: '/*', action: 'append' },
  });
  return sig.getSignedXml();
}

/** The writer's seam: fed the envelope's text up to `CHUKYDONVI`, it gives the signature element. */
export interface EnvelopeSigner {
  write(chunk: string): void;
  signatureElement(): string;
}

/**
 * A signer for one envelope. Feed it every chunk written before `<CHUKYDONVI>`; the facility code is
 * taken from `THONGTINDONVI/MACSKCB` as written.
 *
 * @example
 *   const signer = createEnvelopeSigner(key);
 *   for (const chunk of chunks) { out.write(chunk); signer.write(chunk); }
 *   out.write(signer.signatureElement() + '</GIAMDINHHS>');
 */
export function createEnvelopeSigner(key: SigningKey): EnvelopeSigner {
  const digest = new EnvelopeDigest();
  let facilityCode = '';
  let inFacilityCode = false;
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (t) => {
    inFacilityCode = t.name === 'MACSKCB' && !digest.subtree.inside;
    digest.subtree.open(t.name, t.attributes as Record<string, string>);
  });
  parser.on('text', (t) => {
    if (inFacilityCode) facilityCode += t;
    digest.subtree.text(t);
  });
  parser.on('cdata', (t) => digest.subtree.text(t));
  parser.on('closetag', (t) => {
    inFacilityCode = false;
    digest.subtree.close(t.name);
  });
  return {
    write: (chunk) => void parser.write(chunk),
    signatureElement() {
      const value = digest.digest();
      if (value === undefined)
        throw new Error(`the envelope was signed before </${SIGNED_PART}> was written`);
      return signStatement({ facilityCode: facilityCode.trim(), digest: value }, key);
    },
  };
}

/** The base64 body of a PEM certificate, for comparing with `X509Certificate` in KeyInfo. */
function certificateBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

function fingerprint(pemOrBody: string): string {
  const body = certificateBody(pemOrBody);
  try {
    return new crypto.X509Certificate(Buffer.from(body, 'base64')).fingerprint256;
  } catch {
    return 'unreadable';
  }
}

/**
 * Checks an envelope's signature: `signatureXml` is the canonical text of its `CHUKYDONVI` (undefined
 * when the file has none), `found` what the reader computed (the digest of `THONGTINHOSO`, the
 * facility code of `THONGTINDONVI`), `trustedCertificatePem` the facility's certificate as the
 * receiver holds it. Throws a ClaimFileSignatureError naming the failure; returns the statement.
 */
export function verifyEnvelopeSignature(
  signatureXml: string | undefined,
  found: { digest: string | undefined; facilityCode: string },
  trustedCertificatePem: string,
): SignedStatement {
  if (!signatureXml)
    throw new ClaimFileSignatureError(
      'signature-missing',
      'the file has no signature CHUKYDONVI: it must be signed by the facility',
    );
  const doc = new DOMParser().parseFromString(signatureXml, 'text/xml');
  const signature = doc.getElementsByTagNameNS(DSIG_NS, 'Signature')[0];
  const statement = doc.getElementsByTagName('THONGTINKY')[0];
  if (!signature || !statement)
    throw new ClaimFileSignatureError(
      'signature-missing',
      'CHUKYDONVI holds no XML signature (ds:Signature) over THONGTINKY',
    );
  const embedded = doc.getElementsByTagNameNS(DSIG_NS, 'X509Certificate')[0]?.textContent ?? '';
  if (embedded && certificateBody(embedded) !== certificateBody(trustedCertificatePem))
    throw new ClaimFileSignatureError(
      'signature-certificate',
      `the file is signed with a certificate that is not the facility's (SHA-256 fingerprint ${fingerprint(embedded)}; the facility's is ${fingerprint(trustedCertificatePem)})`,
    );
  const check = new SignedXml({ publicCert: trustedCertificatePem });
  check.loadSignature(signature as unknown as Parameters<SignedXml['loadSignature']>[0]);
  let valid = false;
  try {
    valid = check.checkSignature(signatureXml);
  } catch {
    valid = false;
  }
  const signed = check.getSignedReferences();
  if (!valid || signed.length !== 1 || !signed[0]?.startsWith('<THONGTINKY'))
    throw new ClaimFileSignatureError(
      'signature-invalid',
      "the signature does not verify with the facility's certificate: CHUKYDONVI was changed or made with another key",
    );
  // Read the statement from what the signature covered, not from the document around it.
  const covered = new DOMParser().parseFromString(signed[0], 'text/xml');
  const field = (name: string) => covered.getElementsByTagName(name)[0]?.textContent?.trim() ?? '';
  const result: SignedStatement = { facilityCode: field('MA_CSKCB'), digest: field('DIGEST_THONGTINHOSO') };
  if (result.facilityCode !== found.facilityCode)
    throw new ClaimFileSignatureError(
      'signature-facility',
      `the signature is facility ${result.facilityCode}'s but THONGTINDONVI/MACSKCB says ${found.facilityCode}`,
    );
  if (found.digest === undefined || result.digest !== found.digest)
    throw new ClaimFileSignatureError(
      'signature-content',
      `THONGTINHOSO is not what was signed (its SHA-256 differs from DIGEST_THONGTINHOSO): the file was changed after signing`,
    );
  return result;
}
