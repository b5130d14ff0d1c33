import { familyOf, type ProgrammeNames, programmes } from '../programmes/index.ts';
import type { DueReminder } from './outbox.rules.ts';
import type { ReminderLanguage } from './reminders.enums.ts';

/** What the reminders need of the programmes module: the names of the items a message is about. */

let names: Map<string, Map<string, ProgrammeNames>> | undefined;

function itemNames(): Map<string, Map<string, ProgrammeNames>> {
  if (names) return names;
  names = new Map();
  for (const [id, p] of programmes())
    names.set(
      id,
      new Map(
        familyOf(p)
          .items(p)
          .map((i) => [i.id, i.names]),
      ),
    );
  return names;
}

/** A due item's name in a language (the programme file's), or its id when the file does not name it. */
export function itemNameOf(
  due: Pick<DueReminder, 'programmeId' | 'itemId'>,
  language: ReminderLanguage,
): string {
  return itemNames().get(due.programmeId)?.get(due.itemId)?.[language] ?? due.itemId;
}
