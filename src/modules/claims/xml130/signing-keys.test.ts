import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { loadConfig } from '../../../platform/config.ts';
import { certificateFor, generatedKeysDir, signingKeyFor } from './signing-keys.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claims-keys-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('nothing configured: a key per facility is made once in the data folder, and its certificate verifies', async () => {
  const config = loadConfig({ GRASSROOTS_DATA: dir });
  const first = await signingKeyFor(config, '56001');
  expect(await signingKeyFor(config, '56001')).toEqual(first);
  expect(await certificateFor(config, '56001')).toBe(first.certificatePem);
  expect(fs.statSync(path.join(generatedKeysDir(config), '56001.key.pem')).mode & 0o077).toBe(0);
  await expect(certificateFor(config, '56999')).rejects.toThrow('no certificate is held for facility 56999');
  await expect(signingKeyFor(config, '../x')).rejects.toThrow('no key can be held');
}, 60_000);

test('a keys folder gives each facility its own pair; a key file and certificate serve every facility', async () => {
  const made = await signingKeyFor(loadConfig({ GRASSROOTS_DATA: dir }), '56001');
  const keysDir = generatedKeysDir(loadConfig({ GRASSROOTS_DATA: dir }));
  expect(await signingKeyFor(loadConfig({ GRASSROOTS_CLAIMS_KEYS_DIR: keysDir }), '56001')).toEqual(made);
  const one = loadConfig({
    GRASSROOTS_CLAIMS_KEY_FILE: path.join(keysDir, '56001.key.pem'),
    GRASSROOTS_CLAIMS_CERT_FILE: path.join(keysDir, '56001.cert.pem'),
  });
  expect(await certificateFor(one, '99999')).toBe(made.certificatePem);
  expect(() => loadConfig({ GRASSROOTS_CLAIMS_KEY_FILE: 'k.pem' })).toThrow('must be set together');
}, 60_000);
