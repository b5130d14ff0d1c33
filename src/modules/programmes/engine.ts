import type { DueWindow, InvalidDose, ProgrammeAnswer, ResidentFacts } from './facts.ts';
import { riskOf } from './priority.rules.ts';
import type { ProgrammeFile } from './protocol.schema.ts';
import { familyOf } from './protocols.ts';

/**
 * The engine: one resident's due windows and invalid doses under the profile's programmes, and their
 * risk for the worklist's order. Pure: no country in it (the programme files are the country), no
 * clock (a window's state on a day is read later, `stateOn`).
 */
export function evaluateResident(
  facts: ResidentFacts,
  programmes: readonly ProgrammeFile[],
): ProgrammeAnswer {
  const windows: DueWindow[] = [];
  const invalidDoses: InvalidDose[] = [];
  for (const p of programmes) {
    const answer = familyOf(p).evaluate(facts, p);
    windows.push(...answer.windows);
    invalidDoses.push(...answer.invalidDoses);
  }
  return { windows, invalidDoses, risk: riskOf(facts) };
}
