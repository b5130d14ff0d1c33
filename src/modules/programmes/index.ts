/**
 * The programmes module's public surface: the protocol files (loader and start check), the engine,
 * the state and priority rules, the figures' route. Other modules import only this file.
 */
export { evaluateResident } from './engine.ts';
export { figureRoutes } from './figures.routes.ts';
export type { ProgrammeFigures } from './figures.schema.ts';
export { pregnancyEnd, pregnancyStart } from './maternal.rules.ts';
export { isReferralLevel, isUncontrolled, type Priority, priorityOf, riskOf } from './priority.rules.ts';
export type { ProgrammeFile, ProgrammeNames } from './protocol.schema.ts';
export {
  checkProgrammes,
  familyOf,
  loadProgrammes,
  type ProgrammeFamily,
  programmes,
  programmesOf,
} from './protocols.ts';
export { daysOverdue, stateOn } from './state.rules.ts';
export type { RepeatingFile, ScheduleFile, VisitCounts, VisitScheduleFile } from './visits.protocol.ts';
export { visitScheduleFamily } from './visits.rules.ts';
export { codeMatches, visitCounts } from './visits.shared.ts';
