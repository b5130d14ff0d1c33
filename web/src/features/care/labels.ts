import type { MessageKey } from '../../i18n/catalog.ts';
import type { Locale } from '../../i18n/locales.ts';
import type {
  BillLineCoverage,
  DoseFrequency,
  EncounterKind,
  EncounterStatus,
  ObservationFlag,
} from './api.ts';

/** What these need of the app's i18n (I18n): kept structural, so plain tests need no JSX. */
type I18n = {
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  locale: Locale;
};

/** Catalog keys of the care ids; an id the server adds later shows as itself. */
const KIND: Record<EncounterKind, MessageKey> = {
  'station-visit': 'care.kind.station-visit',
  'home-visit': 'care.kind.home-visit',
  'outreach-session': 'care.kind.outreach-session',
  teleconsultation: 'care.kind.teleconsultation',
};
const STATUS: Record<EncounterStatus, MessageKey> = {
  open: 'care.status.open',
  closed: 'care.status.closed',
  amended: 'care.status.amended',
};
const FREQUENCY: Record<DoseFrequency, MessageKey> = {
  'once-daily': 'care.freq.once-daily',
  'twice-daily': 'care.freq.twice-daily',
  'three-times-daily': 'care.freq.three-times-daily',
  'four-times-daily': 'care.freq.four-times-daily',
  'every-other-day': 'care.freq.every-other-day',
  weekly: 'care.freq.weekly',
  'at-night': 'care.freq.at-night',
  'single-dose': 'care.freq.single-dose',
  'as-needed': 'care.freq.as-needed',
};
const COVERAGE: Record<BillLineCoverage, MessageKey> = {
  insured: 'care.coverage.insured',
  'not-on-list': 'care.coverage.not-on-list',
  'above-care-level': 'care.coverage.above-care-level',
  'no-price': 'care.coverage.no-price',
  'not-eligible': 'care.coverage.not-eligible',
};
const FLAG: Record<ObservationFlag, MessageKey> = {
  'alarming-high': 'care.obs.alarming-high',
  'alarming-low': 'care.obs.alarming-low',
};
/** Observation kinds by their key in protocols/observations.json. */
const OBSERVATION: Record<string, MessageKey> = {
  systolic: 'care.obs.systolic',
  diastolic: 'care.obs.diastolic',
  pulse: 'care.obs.pulse',
  temperature: 'care.obs.temperature',
  weight: 'care.obs.weight',
  height: 'care.obs.height',
  bmi: 'care.obs.bmi',
  'glucose-fasting': 'care.obs.glucose-fasting',
  'glucose-random': 'care.obs.glucose-random',
  hba1c: 'care.obs.hba1c',
  waist: 'care.obs.waist',
  'gestational-age': 'care.obs.gestational-age',
  'fundal-height': 'care.obs.fundal-height',
  'fetal-heart-rate': 'care.obs.fetal-heart-rate',
};

function label<K extends string>(
  table: Record<K, MessageKey>,
  id: string | null,
  i18n: Pick<I18n, 't'>,
): string {
  if (!id) return '';
  const key = (table as Record<string, MessageKey | undefined>)[id];
  return key ? i18n.t(key) : id;
}

export const kindLabel = (k: string, i18n: Pick<I18n, 't'>) => label(KIND, k, i18n);
export const statusLabel = (s: string, i18n: Pick<I18n, 't'>) => label(STATUS, s, i18n);
export const frequencyLabel = (f: string, i18n: Pick<I18n, 't'>) => label(FREQUENCY, f, i18n);
export const coverageLabel = (c: string, i18n: Pick<I18n, 't'>) => label(COVERAGE, c, i18n);
export const flagLabel = (f: string | null, i18n: Pick<I18n, 't'>) => label(FLAG, f, i18n);
export const observationLabel = (key: string, i18n: Pick<I18n, 't'>) => label(OBSERVATION, key, i18n);

/** UCUM units as a reader writes them; the units that are words go through the catalog. */
const UNIT_SYMBOLS: Record<string, string> = { 'mm[Hg]': 'mmHg', Cel: '°C', 'kg/m2': 'kg/m²' };
const UNIT_WORDS: Record<string, MessageKey> = { '/min': 'care.unit./min', wk: 'care.unit.wk' };

export function unitLabel(unit: string, i18n: Pick<I18n, 't'>): string {
  const word = UNIT_WORDS[unit];
  return word ? i18n.t(word) : (UNIT_SYMBOLS[unit] ?? unit);
}

/** A diagnosis or problem name in the reader's language (the catalogue names each in vi, zh and en). */
export function nameIn(names: { vi: string; zh: string; en: string }, i18n: Pick<I18n, 'locale'>): string {
  return names[i18n.locale] || names.en;
}

/** A medicine as a reader names it: its name, with the strength unless the name already says it. */
export function medicineName(m: { name: string; strength: string }): string {
  return m.strength && !m.name.includes(m.strength) ? `${m.name} ${m.strength}` : m.name;
}

/** A button whose words may run over two lines on a phone (a diagnosis's name, "same as last time"). */
export const WRAPPING = { label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.3 } } as const;
