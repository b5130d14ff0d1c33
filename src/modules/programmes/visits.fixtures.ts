import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../platform/project-root.ts';
import type { PregnancyFact, ResidentFacts, VisitFact } from './facts.ts';
import type { RepeatingFile, ScheduleFile, VisitScheduleFile } from './visits.protocol.ts';

/** Builders for the visit-schedule family's tests (not a test file: vitest does not run it). */

export const PROGRAMMES_DIR = path.join(PROJECT_ROOT, 'protocols/programmes');

export function readProgramme(id: string): VisitScheduleFile {
  return JSON.parse(fs.readFileSync(path.join(PROGRAMMES_DIR, `${id}.json`), 'utf8')) as VisitScheduleFile;
}
export const schedule = (id: string) => readProgramme(id) as ScheduleFile;
export const repeating = (id: string) => readProgramme(id) as RepeatingFile;

let n = 0;
/** A visit on a date with observations (LOINC → value) and diagnoses. */
export function visit(
  date: string,
  observations: Record<string, number> = {},
  diagnoses: string[] = [],
): VisitFact {
  n += 1;
  return { id: `v${n}-${date}`, date, observations, diagnoses, services: [] };
}

export const bp = (date: string, systolic: number, diastolic: number, diagnoses: string[] = []) =>
  visit(date, { '8480-6': systolic, '8462-4': diastolic }, diagnoses);

export function pregnancy(over: Partial<PregnancyFact> & { edd: string }): PregnancyFact {
  return { id: 'preg-1', lmp: null, outcome: null, outcomeDate: null, ...over };
}

export function resident(over: Partial<ResidentFacts> = {}): ResidentFacts {
  return {
    residentId: 'r-1',
    birthDate: '1990-05-15',
    sex: 'female',
    status: 'active',
    doses: [],
    pregnancies: [],
    problems: [],
    visits: [],
    ...over,
  };
}
