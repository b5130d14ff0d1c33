import type { MessageKey } from '../../i18n/catalog.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { InvalidDoseReason, OutreachOutcome, ProgrammeBrief, ProgrammeKind } from './api.ts';

/** Catalog keys of the programmes' ids; an id the server adds later shows as itself. */
const KIND: Record<ProgrammeKind, MessageKey> = {
  immunization: 'programmes.kind.immunization',
  antenatal: 'programmes.kind.antenatal',
  postnatal: 'programmes.kind.postnatal',
  'child-health': 'programmes.kind.child-health',
  hypertension: 'programmes.kind.hypertension',
  diabetes: 'programmes.kind.diabetes',
  elderly: 'programmes.kind.elderly',
};
/** The states of a due window, and `closed` (refused by an outreach outcome). */
const STATE: Record<string, MessageKey> = {
  due: 'programmes.state.due',
  overdue: 'programmes.state.overdue',
  upcoming: 'programmes.state.upcoming',
  done: 'programmes.state.done',
  expired: 'programmes.state.expired',
  closed: 'programmes.state.closed',
};
const OUTCOME: Record<OutreachOutcome, MessageKey> = {
  'will-come': 'programmes.outcome.will-come',
  refused: 'programmes.outcome.refused',
  'not-reachable': 'programmes.outcome.not-reachable',
  'wrong-number': 'programmes.outcome.wrong-number',
  'moved-away': 'programmes.outcome.moved-away',
  died: 'programmes.outcome.died',
};
const REASON: Record<InvalidDoseReason, MessageKey> = {
  'below-minimum-age': 'programmes.reason.below-minimum-age',
  'under-minimum-interval': 'programmes.reason.under-minimum-interval',
  'live-vaccine-spacing': 'programmes.reason.live-vaccine-spacing',
  'after-expiry': 'programmes.reason.after-expiry',
  'not-in-schedule': 'programmes.reason.not-in-schedule',
};
const PRIORITY: Record<number, MessageKey> = {
  1: 'programmes.priority.1',
  2: 'programmes.priority.2',
  3: 'programmes.priority.3',
  4: 'programmes.priority.4',
};

/** What these need of the app's i18n (I18n['t']): kept structural, so plain tests need no JSX. */
type T = { t: (key: MessageKey, params?: Record<string, string | number>) => string };
function label(table: Record<string, MessageKey>, id: string | number, i18n: T): string {
  const key = table[id];
  return key ? i18n.t(key) : String(id);
}

export const kindLabel = (kind: string, i18n: T) => label(KIND, kind, i18n);
export const stateLabel = (state: string, i18n: T) => label(STATE, state, i18n);
export const outcomeLabel = (outcome: string, i18n: T) => label(OUTCOME, outcome, i18n);
export const reasonLabel = (reason: string, i18n: T) => label(REASON, reason, i18n);
export const priorityLabel = (priority: number, i18n: T) => label(PRIORITY, priority, i18n);

/** Badge colours by state and priority (darkened by the theme to read at 4.5:1). */
export const STATE_COLOUR: Record<string, string> = {
  overdue: 'red',
  due: 'orange',
  upcoming: 'blue',
  done: 'green',
  expired: 'gray',
  closed: 'gray',
};
export const PRIORITY_COLOUR: Record<number, string> = { 1: 'red', 2: 'orange', 3: 'blue', 4: 'gray' };

type Names = { en: string; vi: string; zh: string };
const nameOf = (names: Names, locale: Locale) => names[locale] || names.en;

/**
 * Programme and item names in the reader's language, from GET /api/programmes; an id the list does
 * not hold (the list not loaded yet, a programme retired) shows as itself.
 */
export function programmeNames(programmes: readonly ProgrammeBrief[] | undefined, locale: Locale) {
  const byId = new Map((programmes ?? []).map((p) => [p.id, p]));
  return {
    programme: (id: string) => {
      const p = byId.get(id);
      return p ? nameOf(p.names, locale) : id;
    },
    item: (programmeId: string, itemId: string) => {
      const item = byId.get(programmeId)?.items.find((i) => i.id === itemId);
      return item ? nameOf(item.names, locale) : itemId;
    },
    /** The vaccines a dose of which counts for a vaccination item (none known: an empty list). */
    vaccines: (programmeId: string, itemId: string) =>
      byId.get(programmeId)?.items.find((i) => i.id === itemId)?.vaccines ?? [],
  };
}
export type ProgrammeNames = ReturnType<typeof programmeNames>;

/** A person's age as a worklist row shows it: months for a child under two, years otherwise. */
export function ageLabel(row: { age: number | null; ageMonths: number | null }, i18n: T): string {
  if (row.ageMonths !== null && row.ageMonths < 24)
    return i18n.t('programmes.worklist.ageMonths', { count: row.ageMonths });
  if (row.age !== null) return i18n.t('programmes.worklist.age', { count: row.age });
  return '';
}

/** A phone number as a tel: link dials it: digits and a leading +, nothing else. */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}
