import { addDays, addMonths } from '../platform/dates.ts';
import type { ChildCheckWindow } from './generate-programmes.ts';

/**
 * The child health checks a demo child is due, read from the profile's child-health programme file
 * (protocols/programmes/<id>.json, kind 'child-health', the visit-schedule family's shape): each
 * contact's window from the birth date, by the newest version. The engine counts a visit with a
 * weight (29463-7) or Z00.1 for it; the demo's checks carry both.
 */

export interface ChildHealthFileLike {
  versions: readonly {
    effectiveFrom: string;
    contacts: readonly { id: string; from: string; until: string }[];
  }[];
}

const OFFSET = /^(?:(\d+)y)?(?:(\d+)m)?(?:(\d+)w)?(?:(\d+)d)?$/;

/** The date an offset ('1m21d', '4y3m') after `date`: calendar months first, then days. */
export function afterOffset(date: string, offset: string): string {
  const m = OFFSET.exec(offset);
  if (!m || offset === '') throw new Error(`demo child checks: not an offset: ${offset}`);
  const [y, mo, w, d] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number];
  return addDays(addMonths(date, y * 12 + mo), w * 7 + d);
}

export function childChecksOfFile(file: ChildHealthFileLike): (birthDate: string) => ChildCheckWindow[] {
  const contacts = file.versions.at(-1)?.contacts ?? [];
  return (birthDate) =>
    contacts.map((c) => ({ from: afterOffset(birthDate, c.from), until: afterOffset(birthDate, c.until) }));
}

/** The child health checks of a profile's demo children: its child-health programme's, none when it runs none. */
export function demoChildChecksOf(
  files: readonly { kind: string }[],
): ((birthDate: string) => ChildCheckWindow[]) | undefined {
  const file = files.find((p) => p.kind === 'child-health');
  return file ? childChecksOfFile(file as unknown as ChildHealthFileLike) : undefined;
}
