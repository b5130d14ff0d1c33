import { REGISTRY_KINDS } from './modules/registry-kinds.ts';
import { SETTINGS } from './platform/config.ts';

const kinds = REGISTRY_KINDS.join('|');

/** The commands and their one-line descriptions, as `grassroots --help` prints them. */
const COMMANDS: [usage: string, meaning: string][] = [
  ['serve', 'start the server (loads the demo province into an empty embedded database)'],
  ['migrate', 'bring the database schema up to date'],
  ['demo', 'load the demo province into an empty database'],
  [`import <${kinds}> <file.csv>`, 'import a CSV file; good rows are kept, bad rows reported by line'],
  [`export <${kinds}> [--out file.csv]`, 'export as CSV (to standard output by default)'],
  ['jobs list', 'list the newest background jobs with their state and progress'],
  [
    'jobs run <kind> [--area CODE]',
    'run a background job to its end, printing progress (resumes an unfinished one)',
  ],
];

/**
 * The text of `grassroots --help`: the commands, then every environment setting with its default,
 * from the configuration's own list (platform/config.ts), so the help cannot miss one.
 */
export function usage(): string {
  const width = Math.max(...SETTINGS.map((s) => s.name.length));
  return [
    'Usage: grassroots <command>',
    '',
    'Commands:',
    ...COMMANDS.map(([u, m]) => `  ${u}\n      ${m}`),
    '',
    'Configuration comes from the environment:',
    ...SETTINGS.map((s) => `  ${s.name.padEnd(width)}  ${s.meaning} (default: ${s.default ?? 'unset'})`),
  ].join('\n');
}

/** The usage line of one command, for a command given wrong arguments. */
export function commandUsage(command: 'import' | 'export' | 'jobs'): string {
  return `Usage: grassroots ${COMMANDS.find(([u]) => u.startsWith(command))![0]}`;
}
