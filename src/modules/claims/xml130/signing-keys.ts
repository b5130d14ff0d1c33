/**
 * The facilities' signing keys for CHUKYDONVI, from configuration (never in the repo): a folder with a
 * key and certificate per facility (GRASSROOTS_CLAIMS_KEYS_DIR), else one key and certificate for the
 * server (GRASSROOTS_CLAIMS_KEY_FILE / _CERT_FILE), else (the demo, the tests, a first try) a key pair
 * and self-signed certificate made at run time per facility in `<data folder>/claims-keys/`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { generate } from 'selfsigned';
import type { Config } from '../../../platform/config.ts';
import { ClaimFileSignatureError, type SigningKey } from './signature.ts';

type KeyConfig = Pick<Config, 'claimsSigning' | 'dataDir'>;

const SAFE_CODE = /^[A-Za-z0-9._-]{1,20}$/;

function codeOf(facilityCode: string): string {
  if (!SAFE_CODE.test(facilityCode) || facilityCode.startsWith('.'))
    throw new ClaimFileSignatureError(
      'signature-certificate',
      `no key can be held for facility code "${facilityCode}"`,
    );
  return facilityCode;
}

/** The folder of keys made at run time. */
export function generatedKeysDir(config: KeyConfig): string {
  return path.join(config.dataDir, 'claims-keys');
}

function paths(config: KeyConfig, facilityCode: string): { key: string; cert: string; generated: boolean } {
  const { keysDir, keyFile, certFile } = config.claimsSigning;
  if (keysDir) {
    const code = codeOf(facilityCode);
    return {
      key: path.join(keysDir, `${code}.key.pem`),
      cert: path.join(keysDir, `${code}.cert.pem`),
      generated: false,
    };
  }
  if (keyFile && certFile) return { key: keyFile, cert: certFile, generated: false };
  const dir = generatedKeysDir(config);
  const code = codeOf(facilityCode);
  return {
    key: path.join(dir, `${code}.key.pem`),
    cert: path.join(dir, `${code}.cert.pem`),
    generated: true,
  };
}

async function readPem(file: string, what: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    throw new ClaimFileSignatureError('signature-certificate', `the ${what} ${file} cannot be read`);
  }
}

/** Makes a key pair and a self-signed certificate for a facility (the demo, the tests). */
export async function generateSigningKey(facilityCode: string): Promise<SigningKey> {
  const made = await generate([{ name: 'commonName', value: `Grassroots claims ${facilityCode}` }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 5 * 366 * 86_400_000),
  });
  return { privateKeyPem: made.private, certificatePem: made.cert };
}

/** The facility's key and certificate for signing its files; made (once) when nothing is configured. */
export async function signingKeyFor(config: KeyConfig, facilityCode: string): Promise<SigningKey> {
  const p = paths(config, facilityCode);
  const exists = await fs.stat(p.cert).then(
    () => true,
    () => false,
  );
  if (p.generated && !exists) {
    const made = await generateSigningKey(facilityCode);
    await fs.mkdir(path.dirname(p.key), { recursive: true, mode: 0o700 });
    // 'wx': a second process making the same facility's key at once keeps the first one written.
    await fs.writeFile(p.key, made.privateKeyPem, { flag: 'wx', mode: 0o600 }).then(
      () => fs.writeFile(p.cert, made.certificatePem, { mode: 0o644 }),
      (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e;
      },
    );
  }
  return {
    privateKeyPem: await readPem(p.key, 'signing key'),
    certificatePem: await readPem(p.cert, 'certificate'),
  };
}

/** The certificate a facility's files are verified with (the receiver holds no private key). */
export async function certificateFor(config: KeyConfig, facilityCode: string): Promise<string> {
  const p = paths(config, facilityCode);
  try {
    return await fs.readFile(p.cert, 'utf8');
  } catch {
    throw new ClaimFileSignatureError(
      'signature-certificate',
      `no certificate is held for facility ${facilityCode}: its files cannot be verified`,
    );
  }
}
