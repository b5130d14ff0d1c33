import { createHash } from 'node:crypto';

/**
 * Records are made to sync later: the client supplies each record's UUID v7, and a create repeated
 * with the same id answers the stored record when its body is the same (a resend after a lost answer)
 * and a conflict when it differs. The body is compared by its fingerprint: a hash of its JSON with the
 * keys sorted and absent optional fields left out, so key order and `undefined` do not matter.
 */

/** JSON with object keys sorted, `undefined` members dropped. */
export function stableJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

/** The fingerprint of a request body (or of one record of it). */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('base64url');
}

/**
 * The id of a record derived from another (a BMI from its weight): the same every time the source is
 * saved, shaped as a UUID v7 with the source's timestamp, so a repeated request derives the same row.
 */
export function derivedIdOf(sourceId: string, what: string): string {
  const hex = createHash('sha256').update(`${sourceId.toLowerCase()}:${what}`).digest('hex');
  const time = sourceId.replace(/-/g, '').slice(0, 12);
  const variant = ((Number.parseInt(hex.slice(3, 4), 16) & 0x3) | 0x8).toString(16);
  const tail = `7${hex.slice(0, 3)}${variant}${hex.slice(4, 19)}`;
  const all = `${time}${tail}`;
  return `${all.slice(0, 8)}-${all.slice(8, 12)}-${all.slice(12, 16)}-${all.slice(16, 20)}-${all.slice(20, 32)}`;
}
