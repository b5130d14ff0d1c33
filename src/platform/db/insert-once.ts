import { conflict } from '../http/errors.ts';

/** A row and whether this request made it (201) or found it already stored under its id (200). */
export interface InsertedOnce<Row> {
  row: Row;
  created: boolean;
}

/**
 * A client's create under its own id (made offline, sent again after a lost answer): inserted when the
 * id is new; when the id is known, the stored row is the answer if it holds the wanted values, and a
 * 409 naming `body.id` otherwise. `insert` inserts with ON CONFLICT (id) DO NOTHING and returns the
 * new row or undefined; `find` reads the stored one.
 *
 * @example
 * insertOnce({ id, wanted, insert: () => insertRow(db, { id, ...wanted }), find: () => findRow(db, id),
 *   conflictMessage: `A count with id ${id} exists with other values: give a new id for a new count` });
 */
export async function insertOnce<Row extends object>(steps: {
  id: string;
  wanted: Record<string, unknown>;
  insert(): Promise<Row | undefined>;
  find(): Promise<Row | undefined>;
  conflictMessage: string;
}): Promise<InsertedOnce<Row>> {
  const inserted = await steps.insert();
  if (inserted) return { row: inserted, created: true };
  const stored = await steps.find();
  if (!stored || !holds(stored, steps.wanted)) throw conflict(steps.conflictMessage, 'body.id');
  return { row: stored, created: false };
}

function holds(stored: object, wanted: Record<string, unknown>): boolean {
  const s = stored as Record<string, unknown>;
  return Object.entries(wanted).every(([k, v]) => s[k] === v);
}
