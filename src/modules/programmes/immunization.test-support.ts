import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../platform/project-root.ts';
import { vaccines } from '../immunizations/index.ts';
import type { DoseFact, DueWindow, InvalidDose, ResidentFacts } from './facts.ts';
import type { ImmunizationProgramme } from './immunization.protocol.ts';
import { evaluateImmunization } from './immunization.rules.ts';

/** The three immunization files as stored (the tests judge children by the real schedules). */
export function programmeFile(id: 'who-immunization' | 'vn-epi' | 'cn-nip'): ImmunizationProgramme {
  return JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'protocols/programmes', `${id}.json`), 'utf8'));
}

/** A child born on `birthDate` with doses written [vaccine, date] (ids d1, d2, ... in that order). */
export function child(
  birthDate: string | null,
  doses: readonly (readonly [string, string])[] = [],
  status = 'active',
): ResidentFacts {
  return {
    residentId: 'r1',
    birthDate,
    sex: 'female',
    status,
    doses: doses.map(
      ([vaccine, date], i): DoseFact => ({
        id: `d${i + 1}`,
        vaccine,
        date,
        doseNumber: null,
        givenElsewhere: false,
      }),
    ),
    pregnancies: [],
    problems: [],
    visits: [],
  };
}

/** The child's windows by item id and its doses not counted by dose id. */
export function judge(p: ImmunizationProgramme, facts: ResidentFacts) {
  const answer = evaluateImmunization(facts, p, vaccines());
  return {
    ...answer,
    item: new Map<string, DueWindow>(answer.windows.map((w) => [w.itemId, w])),
    invalid: new Map<string, InvalidDose>(answer.invalidDoses.map((d) => [d.doseId, d])),
  };
}
