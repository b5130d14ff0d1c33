import { createHash } from 'node:crypto';
import { todayIn } from '../../platform/dates.ts';
import type {
  OutreachAttemptRow,
  ProgrammeDueTable,
  ProgrammeInvalidDoseTable,
  ProgrammeRiskTable,
} from './due.table.ts';
import type { DueWindow, ProgrammeAnswer, RiskFacts } from './facts.ts';
import type { ProgrammeKind } from './programmes.enums.ts';

/**
 * From the engine's answer for one resident to the rows the due store keeps: pure (the instant of the
 * computation and the profile's zone are given), so the recompute's tests pin them.
 */

/** What names one due window: its resident, programme, item, episode and due date. */
export interface WindowKey {
  residentId: string;
  programmeId: string;
  itemId: string;
  episodeId: string | null;
  dueFrom: string;
}

export function windowKey(k: WindowKey): string {
  return [k.residentId, k.programmeId, k.itemId, k.episodeId ?? '', k.dueFrom].join('|');
}

/**
 * A window's id: the hash of its key written as a UUID (version 5's layout), so a recompute keeps
 * the id of a window that did not change and a worklist's cursor or a reminder run's `afterId` stays
 * valid across recomputes.
 */
export function dueIdOf(k: WindowKey): string {
  const h = createHash('sha1').update(windowKey(k)).digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** What outreach made of a window: the latest attempt about it decides. */
export interface OutreachState {
  comeOn: string | null;
  closedOn: string | null;
  last: OutreachAttemptRow | null;
}

/**
 * The latest attempt per window (attempts oldest first): will-come reschedules to its day, refused
 * closes the window on the day it was said, the others leave it listed with the attempt shown.
 */
export function outreachByWindow(
  attempts: readonly OutreachAttemptRow[],
  timeZone: string,
): Map<string, OutreachState> {
  const out = new Map<string, OutreachState>();
  for (const a of attempts) {
    const key = windowKey({
      residentId: a.resident_id,
      programmeId: a.programme_id,
      itemId: a.item_id,
      episodeId: a.episode_id,
      dueFrom: a.due_from,
    });
    out.set(key, {
      comeOn: a.outcome === 'will-come' ? a.come_on : null,
      closedOn: a.outcome === 'refused' ? todayIn(timeZone, new Date(a.at)) : null,
      last: a,
    });
  }
  return out;
}

export interface ResidentRows {
  due: ProgrammeDueTable[];
  risk: ProgrammeRiskTable | null;
  invalid: ProgrammeInvalidDoseTable[];
}

const informative = (r: RiskFacts) => r.lastBpOn !== null || r.cardiovascularEvent;

/** The rows of one resident's answer (a risk row only when it says something). */
export function rowsOfAnswer(
  resident: { id: string; areaPath: string },
  answer: ProgrammeAnswer,
  kinds: ReadonlyMap<string, ProgrammeKind>,
  outreach: ReadonlyMap<string, OutreachState>,
  computedAt: Date,
): ResidentRows {
  const seen = new Set<string>();
  const due: ProgrammeDueTable[] = [];
  for (const w of answer.windows) {
    const k = { residentId: resident.id, ...keyOf(w) };
    const id = dueIdOf(k);
    // One row per key: a family answering the same window twice keeps the first.
    if (seen.has(id)) continue;
    seen.add(id);
    const o = outreach.get(windowKey(k));
    const kind = kinds.get(w.programmeId);
    if (!kind) throw new Error(`recompute: window of unknown programme ${w.programmeId}`);
    due.push({
      id,
      resident_id: resident.id,
      programme_id: w.programmeId,
      kind,
      item_id: w.itemId,
      episode_id: w.episodeId,
      due_from: w.dueFrom,
      earliest_on: w.earliestOn,
      overdue_after: w.overdueAfter,
      expires_on: w.expiresOn,
      done_on: w.doneOn,
      done_by: w.doneBy,
      come_on: o?.comeOn ?? null,
      closed_on: o?.closedOn ?? null,
      last_outcome: o?.last?.outcome ?? null,
      last_note: o?.last?.note ?? null,
      last_attempt_at: o?.last ? new Date(o.last.at) : null,
      area_path: resident.areaPath,
      computed_at: computedAt,
    });
  }
  const r = answer.risk;
  return {
    due,
    risk: informative(r)
      ? {
          resident_id: resident.id,
          last_systolic: r.lastSystolic,
          last_diastolic: r.lastDiastolic,
          last_bp_on: r.lastBpOn,
          cardiovascular_event: r.cardiovascularEvent,
          area_path: resident.areaPath,
          computed_at: computedAt,
        }
      : null,
    invalid: answer.invalidDoses.map((d) => ({
      resident_id: resident.id,
      dose_id: d.doseId,
      programme_id: d.programmeId,
      item_id: d.itemId,
      reason: d.reason,
      valid_from: d.validFrom,
      area_path: resident.areaPath,
      computed_at: computedAt,
    })),
  };
}

function keyOf(w: DueWindow) {
  return { programmeId: w.programmeId, itemId: w.itemId, episodeId: w.episodeId, dueFrom: w.dueFrom };
}

/**
 * The one area holding all these places (area paths like '45.451.45101'): the longest run of labels
 * they all start with, or null when they share none (the whole country). An import's recompute
 * covers it.
 *
 * @example
 * commonArea(['45.451.45101', '45.451.45102']) // '45.451'
 */
export function commonArea(paths: readonly string[]): string | null {
  if (paths.length === 0) return null;
  let common = paths[0]!.split('.');
  for (const p of paths.slice(1)) {
    const labels = p.split('.');
    let n = 0;
    while (n < common.length && n < labels.length && common[n] === labels[n]) n++;
    common = common.slice(0, n);
    if (n === 0) return null;
  }
  return common.join('.');
}
