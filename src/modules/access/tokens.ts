import { createHash, randomBytes } from 'node:crypto';

/** A new secret for a session, API key or CSRF token: 256 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored as SHA-256 hashes: a copy of the database does not give working tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** API keys carry a prefix so that a leaked one is recognisable in a scan. */
export const API_KEY_PREFIX = 'grk_';
export const SESSION_COOKIE = 'grassroots_session';
