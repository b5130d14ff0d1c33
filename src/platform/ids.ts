import { v7 } from 'uuid';

/** A new time-ordered identifier (UUID v7): made by the application so offline devices can create records. */
export function newId(): string {
  return v7();
}

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
