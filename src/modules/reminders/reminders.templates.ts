import fs from 'node:fs';
import path from 'node:path';
import IntlMessageFormat from 'intl-messageformat';
import { PROJECT_ROOT } from '../../platform/project-root.ts';
import { PROGRAMME_KINDS } from '../programmes/programmes.enums.ts';
import { REMINDER_LANGUAGES } from './reminders.enums.ts';
import type { Templates } from './reminders.rules.ts';

const FILE = 'protocols/reminders/templates.json';
let cached: Templates | undefined;

/**
 * The reminder templates (protocols/reminders/templates.json), read once and checked: every programme
 * kind, the appointment, a grouped message's first line and the place's fallback in every language, each a valid ICU message. A bad file throws naming the entry.
 */
export function reminderTemplates(): Templates {
  if (cached) return cached;
  const raw = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, FILE), 'utf8')) as Templates;
  const check = (where: string, byLanguage: Record<string, string> | undefined) => {
    for (const l of REMINDER_LANGUAGES) {
      const source = byLanguage?.[l];
      if (typeof source !== 'string' || source.length === 0)
        throw new Error(`${FILE}: ${where}.${l} is missing`);
      try {
        new IntlMessageFormat(source, l);
      } catch (err) {
        throw new Error(`${FILE}: ${where}.${l} is not a valid message (${(err as Error).message})`);
      }
    }
  };
  for (const k of PROGRAMME_KINDS) check(`programmes.${k}`, raw.programmes?.[k]);
  check('appointment', raw.appointment);
  check('group', raw.group);
  check('place', raw.place);
  cached = raw;
  return raw;
}
