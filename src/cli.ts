import { parseArgs } from 'node:util';
import { commandUsage, usage } from './cli-help.ts';
import { REGISTRY_KINDS } from './modules/registry-kinds.ts';
import type { AppContext } from './platform/app-context.ts';
import { type Config, ConfigError, loadConfig } from './platform/config.ts';
import { assertDataFolderFree, DataFolderLockedError } from './platform/db/lock-file.ts';
import { AppError } from './platform/http/errors.ts';

// Only light modules above: `--help`, a bad argument and a data folder in use answer before the
// server, the database engine and the demo are loaded (each command imports what it needs).

const isKind = (k: string | undefined): k is string =>
  (REGISTRY_KINDS as readonly string[]).includes(k ?? '');

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, area: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    console.log(usage());
    return command || values.help ? 0 : 2;
  }
  if (!['serve', 'migrate', 'demo', 'import', 'export', 'jobs'].includes(command)) {
    console.error(`Unknown command "${command}".\n\n${usage()}`);
    return 2;
  }
  const badJobs = command === 'jobs' && !(rest[0] === 'list' || (rest[0] === 'run' && rest[1]));
  if (
    badJobs ||
    (command === 'import' && !(isKind(rest[0]) && rest[1])) ||
    (command === 'export' && !isKind(rest[0]))
  ) {
    console.error(commandUsage(command));
    return 2;
  }
  const config = loadConfig();
  if (!config.databaseUrl) assertDataFolderFree(config.dataDir);

  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate':
      return migrate(config);
    case 'demo':
      return demo(config);
    case 'import':
      return importFile(config, rest[0]!, rest[1]!);
    case 'jobs':
      return rest[0] === 'list' ? listJobs(config) : runJob(config, rest[1]!, values.area);
    default:
      return exportKind(config, rest[0]!, values.out);
  }
}

async function openContext(config: Config) {
  const { openAppContext } = await import('./platform/db/bootstrap.ts');
  return openAppContext(config);
}

async function migrate(config: Config): Promise<number> {
  const { openDatabase } = await import('./platform/db/database.ts');
  const { migrateToLatest } = await import('./platform/db/migrate.ts');
  const handle = await openDatabase(config);
  try {
    const result = await migrateToLatest(handle.db);
    console.log(
      `Schema up to date (${handle.engine}); ${result.results?.length ?? 0} migration(s) applied now.`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}

async function demo(config: Config): Promise<number> {
  const { hasDemoData, loadDemo, printDemoLogins } = await import('./demo/index.ts');
  const { ctx, handle } = await openContext(config);
  try {
    if (await hasDemoData(ctx.db, ctx.profile.areaLevels[0]?.id)) {
      console.log('The database already holds data; the demo is loaded only into an empty database.');
      return 0;
    }
    await loadDemo(ctx);
    await printDemoLogins(ctx);
    return 0;
  } finally {
    await handle.close();
  }
}

async function importFile(config: Config, kind: string, file: string): Promise<number> {
  const { runImportFile } = await import('./modules/registry-io.ts');
  const { ProgressBar } = await import('./platform/progress.ts');
  const { ctx, handle } = await openContext(config);
  try {
    const bar = new ProgressBar(`Importing ${kind}`);
    const report = await runImportFile(ctx, kind, file, (p) =>
      bar.update(p.read, `saved ${p.saved}, rejected ${p.rejected}`),
    );
    bar.finish(report.read, `saved ${report.created + report.updated}, rejected ${report.rejected.length}`);
    console.log(
      `${report.read} row(s) read: ${report.created} created, ${report.updated} updated, ${report.rejected.length} rejected.`,
    );
    for (const r of report.rejected) console.log(`  line ${r.line}: ${r.reason}`);
    // A residents import ends with the imported area's due store recomputed (the job it queued).
    const recomputed = report.recomputeJobId ? await runRecompute(ctx, report.recomputeJobId) : 0;
    return report.rejected.length > 0 || recomputed !== 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
}

async function runRecompute(ctx: AppContext, jobId: string): Promise<number> {
  const { runJobToEnd } = await import('./modules/jobs/jobs.cli.ts');
  return runJobToEnd(ctx, jobId, 'programmes.recompute');
}

async function exportKind(config: Config, kind: string, outFile: string | undefined): Promise<number> {
  const fs = await import('node:fs');
  const { runExport } = await import('./modules/registry-io.ts');
  const { ctx, handle } = await openContext(config);
  try {
    const out = outFile ? fs.createWriteStream(outFile) : process.stdout;
    const rows = await runExport(ctx, kind, out);
    if (outFile) console.error(`${rows} ${kind} row(s) written to ${outFile}`);
    return 0;
  } finally {
    await handle.close();
  }
}

async function listJobs(config: Config): Promise<number> {
  const { jobRows } = await import('./modules/jobs/jobs.queries.ts');
  const { ctx, handle } = await openContext(config);
  try {
    const rows = await jobRows(ctx.db, { limit: 50 });
    for (const j of rows.slice(0, 50)) {
      const progress = j.progress_total ? `${j.progress_done}/${j.progress_total}` : String(j.progress_done);
      console.log(
        `${j.id}  ${j.kind.padEnd(22)} ${j.state.padEnd(9)} ${progress.padEnd(12)} ${j.area_path ?? '-'}  ${new Date(j.created_at).toISOString()}${j.error ? `  ${j.error}` : ''}`,
      );
    }
    if (rows.length === 0) console.log('No jobs.');
    // The schedules register when their modules load.
    await import('./server.ts');
    const { jobSchedules } = await import('./modules/jobs/index.ts');
    for (const s of jobSchedules(ctx.profile))
      console.log(`Daily: ${s.name} (${s.kind}) at ${s.at} ${ctx.profile.timeZone}`);
    return 0;
  } finally {
    await handle.close();
  }
}

async function runJob(config: Config, kind: string, area: string | undefined): Promise<number> {
  const { runJobFromCli } = await import('./modules/jobs/jobs.cli.ts');
  const { ctx, handle } = await openContext(config);
  try {
    return await runJobFromCli(ctx, kind, area);
  } finally {
    await handle.close();
  }
}

async function serve(config: Config): Promise<number> {
  // Seconds since the process started (Node's performance clock starts with it), logged once
  // listening: what a start spends where (npm run bench:start prints them).
  const at = () => Number((performance.now() / 1000).toFixed(2));
  const startup: Record<string, number> = {};
  const mark =
    <T>(phase: string) =>
    (value: T): T => {
      startup[phase] = at();
      return value;
    };
  // The database opens (and its migrations are checked) while the server's modules load.
  const [[{ createLogger }, { buildServer }, { hasDemoData, loadDemo, printDemoLogins }], { ctx, handle }] =
    await Promise.all([
      Promise.all([import('./platform/logger.ts'), import('./server.ts'), import('./demo/index.ts')]).then(
        mark('modulesLoaded'),
      ),
      openContext(config).then(mark('databaseReady')),
    ]);
  const logger = createLogger(config.logLevel);
  if (ctx.engine === 'embedded' && !(await hasDemoData(ctx.db, ctx.profile.areaLevels[0]?.id))) {
    await loadDemo(ctx);
    mark('demoLoaded')(0);
  }
  const app = await buildServer(ctx, { logger }).then(mark('serverBuilt'));
  const { JobWorker } = await import('./modules/jobs/index.ts');
  const worker = new JobWorker(ctx, { leaseMs: config.jobLeaseSeconds * 1000, schedules: true });
  const shutdown = async () => {
    // The running job stops at its next checkpoint and is queued again, to resume at the next start.
    await worker.stop();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host }).then(mark('listening'));
  logger.info({ startup }, `started in ${startup.listening} s`);
  worker.start();
  const shownHost = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  const url = `http://${shownHost}:${config.port}/`;
  console.log(`\nGrassroots is running at ${url}  (API docs: /api/docs, database: ${ctx.engine})`);
  // On demo data, every start says how to sign in (after listening: it does not delay the start).
  await printDemoLogins(ctx, url);
  return -1; // keep running
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof DataFolderLockedError || err instanceof AppError) {
      console.error(`grassroots: ${err.message}`);
      process.exit(err instanceof DataFolderLockedError ? 75 : 1);
    }
    console.error('grassroots: unexpected error:', err);
    process.exit(1);
  },
);
