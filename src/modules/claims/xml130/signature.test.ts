import { beforeAll, describe, expect, test } from 'vitest';
import { readClaimFile } from './reader.ts';
import { envelopeChunks, sampleRecord, streamOf } from './sample-envelope.test-support.ts';
import {
  ClaimFileSignatureError,
  canonicalStartTag,
  createEnvelopeSigner,
  type SignatureFailure,
  type SigningKey,
  verifyEnvelopeSignature,
} from './signature.ts';
import { generateSigningKey } from './signing-keys.ts';

let key: SigningKey;
let otherKey: SigningKey;
beforeAll(async () => {
  [key, otherKey] = await Promise.all([generateSigningKey('56001'), generateSigningKey('56002')]);
}, 60_000);

/** A signed envelope as the writer makes it: its chunks teed into the signer. */
function signedEnvelope(facilityCode: string, signingKey: SigningKey): string {
  const chunks = envelopeChunks(facilityCode, [sampleRecord('L1', 1), sampleRecord('L2', 2)]);
  const signer = createEnvelopeSigner(signingKey);
  for (const c of chunks) signer.write(c);
  return `${chunks.join('')}${signer.signatureElement()}\n</GIAMDINHHS>\n`;
}

async function verify(xml: string, trusted: string) {
  const envelope = await readClaimFile(streamOf(xml), () => {});
  return verifyEnvelopeSignature(envelope.signatureXml, envelope, trusted);
}

async function failureOf(xml: string, trusted: string): Promise<SignatureFailure | 'none'> {
  try {
    await verify(xml, trusted);
    return 'none';
  } catch (e) {
    if (e instanceof ClaimFileSignatureError) return e.failure;
    throw e;
  }
}

test.each<{ name: string; attrs: Record<string, string>; want: string }>([
  { name: 'A', attrs: {}, want: '<A>' },
  { name: 'A', attrs: { b: '1', a: 'x"<&' }, want: '<A a="x&quot;&lt;&amp;" b="1">' },
])('canonicalStartTag($name, $attrs)', ({ name, attrs, want }) => {
  expect(canonicalStartTag(name, attrs)).toBe(want);
});

describe('CHUKYDONVI', () => {
  test("a signed envelope verifies with the facility's certificate", async () => {
    const statement = await verify(signedEnvelope('56001', key), key.certificatePem);
    expect(statement.facilityCode).toBe('56001');
    expect(statement.digest).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  test('whitespace between elements and chunk boundaries do not change the digest it checks', async () => {
    const xml = signedEnvelope('56001', key);
    const envelope = await readClaimFile(streamOf(xml, 7), () => {});
    expect(verifyEnvelopeSignature(envelope.signatureXml, envelope, key.certificatePem).digest).toBe(
      envelope.digest,
    );
  });

  test.each<{ case: string; change: (xml: string) => string; trusted?: 'other'; want: SignatureFailure }>([
    {
      case: 'no CHUKYDONVI',
      change: (x) => x.replace(/<CHUKYDONVI>.*<\/CHUKYDONVI>/s, ''),
      want: 'signature-missing',
    },
    {
      case: 'CHUKYDONVI without ds:Signature',
      change: (x) => x.replace(/<Signature .*<\/Signature>/s, ''),
      want: 'signature-missing',
    },
    {
      case: 'a HOSO changed after signing',
      change: (x) => x.replace('<SOLUONGHOSO>2', '<SOLUONGHOSO>3'),
      want: 'signature-content',
    },
    {
      case: 'a table changed after signing',
      change: (x) =>
        x.replace(
          /<NOIDUNGFILE>[^<]*/,
          `<NOIDUNGFILE>${Buffer.from('<TONG_HOP><MA_LK>X</MA_LK></TONG_HOP>').toString('base64')}`,
        ),
      want: 'signature-content',
    },
    {
      case: 'the signed digest changed',
      change: (x) => x.replace(/<DIGEST_THONGTINHOSO>./, '<DIGEST_THONGTINHOSO>A'),
      want: 'signature-invalid',
    },
    {
      case: 'another facility code in THONGTINDONVI',
      change: (x) => x.replace('<MACSKCB>56001', '<MACSKCB>56009'),
      want: 'signature-facility',
    },
    {
      case: 'checked with another certificate',
      change: (x) => x,
      trusted: 'other',
      want: 'signature-certificate',
    },
  ])('refused: $case → $want', async ({ change, trusted, want }) => {
    const xml = change(signedEnvelope('56001', key));
    expect(await failureOf(xml, trusted === 'other' ? otherKey.certificatePem : key.certificatePem)).toBe(
      want,
    );
  });

  test("signed with another key but carrying the facility's certificate: the signature does not verify", async () => {
    const forged = signedEnvelope('56001', {
      privateKeyPem: otherKey.privateKeyPem,
      certificatePem: key.certificatePem,
    });
    expect(await failureOf(forged, key.certificatePem)).toBe('signature-invalid');
  });
});
