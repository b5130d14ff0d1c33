import type { MessageKey } from '../../i18n/catalog.ts';
import { MESSAGES } from '../../i18n/catalog.ts';
import type { I18n } from '../../i18n/i18n.tsx';
import type { Profile, RotationSession, Sex } from './api.ts';

type T = Pick<I18n, 't'>['t'];

/** The catalog key for a profile id, if the catalog knows it (`profile.cadre.nurse`). */
function knownKey(prefix: string, id: string): MessageKey | undefined {
  const key = `${prefix}.${id}`;
  return key in MESSAGES.en ? (key as MessageKey) : undefined;
}

/**
 * A profile id in the reader's language; an id the catalog does not know (a new cadre in another
 * country's profile) falls back to the profile's own label, then to the id itself.
 */
export function profileLabel(
  t: T,
  kind: 'cadre' | 'qualification',
  id: string,
  profile: Profile | undefined,
): string {
  const key = knownKey(`profile.${kind}`, id);
  if (key) return t(key);
  const list = kind === 'cadre' ? profile?.cadres : profile?.qualifications;
  return list?.find((item) => item.id === id)?.label ?? id;
}

export function trainingKindLabel(t: T, kind: string): string {
  const key = knownKey('workforce.trainingKind', kind);
  return key ? t(key) : kind;
}

/** The kinds of training the form offers; the API takes any short text, with this default. */
export const TRAINING_KINDS = ['continuing_education', 'specialty', 'management'] as const;

const SESSION_KEYS: Record<RotationSession, MessageKey> = {
  morning: 'workforce.session.morning',
  afternoon: 'workforce.session.afternoon',
  day: 'workforce.session.day',
};

export function sessionLabel(t: T, session: RotationSession): string {
  return t(SESSION_KEYS[session]);
}

const SEX_KEYS: Record<Sex, MessageKey> = {
  male: 'workforce.sex.male',
  female: 'workforce.sex.female',
  other: 'workforce.sex.other',
};

export function sexLabel(t: T, sex: Sex): string {
  return t(SEX_KEYS[sex]);
}
