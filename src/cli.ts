import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { hasDemoData, loadDemo } from './demo/index.ts';
import { exportKinds, importKinds, runExport, runImportFile } from './modules/registry-io.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { openAppContext } from './platform/db/bootstrap.ts';
import { DataFolderLockedError } from './platform/db/lock-file.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { AppError } from './platform/http/errors.ts';
import { createLogger } from './platform/logger.ts';
import { ProgressBar } from './platform/progress.ts';
import { buildServer } from './server.ts';

const USAGE = `Usage: grassroots <command>

Commands:
  serve                              start the server (loads the demo province into an empty embedded database)
  migrate                            bring the database schema up to date
  demo                               load the demo province into an empty database
  import <${importKinds.join('|')}> <file.csv>  import a CSV file; good rows are kept, bad rows reported by line
  export <${exportKinds.join('|')}> [--out file.csv]  export as CSV (to standard output by default)

Configuration comes from the environment: PORT, HOST, DATABASE_URL, GRASSROOTS_DATA, GRASSROOTS_PROFILE, LOG_LEVEL.`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig();

  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate': {
      const { handle } = await openAppContext(config);
      const result = await migrateToLatest(handle.db);
      console.log(
        `Schema up to date (${handle.engine}); ${result.results?.length ?? 0} migration(s) applied now.`,
      );
      await handle.close();
      return 0;
    }
    case 'demo': {
      const { ctx, handle } = await openAppContext(config);
      try {
        if (await hasDemoData(ctx.db)) {
          console.log('The database already holds data; the demo is loaded only into an empty database.');
          return 0;
        }
        await loadDemo(ctx);
        return 0;
      } finally {
        await handle.close();
      }
    }
    case 'import': {
      const [kind, file] = rest;
      if (!kind || !file || !importKinds.includes(kind)) {
        console.error(`Usage: grassroots import <${importKinds.join('|')}> <file.csv>`);
        return 2;
      }
      const { ctx, handle } = await openAppContext(config);
      try {
        const bar = new ProgressBar(`Importing ${kind}`);
        const report = await runImportFile(ctx, kind, file, (p) =>
          bar.update(p.read, `saved ${p.saved}, rejected ${p.rejected}`),
        );
        bar.finish(
          report.read,
          `saved ${report.created + report.updated}, rejected ${report.rejected.length}`,
        );
        console.log(
          `${report.read} row(s) read: ${report.created} created, ${report.updated} updated, ${report.rejected.length} rejected.`,
        );
        for (const r of report.rejected) console.log(`  line ${r.line}: ${r.reason}`);
        return report.rejected.length > 0 ? 1 : 0;
      } finally {
        await handle.close();
      }
    }
    case 'export': {
      const [kind] = rest;
      if (!kind || !exportKinds.includes(kind)) {
        console.error(`Usage: grassroots export <${exportKinds.join('|')}> [--out file.csv]`);
        return 2;
      }
      const { ctx, handle } = await openAppContext(config);
      try {
        const out = values.out ? fs.createWriteStream(values.out) : process.stdout;
        const rows = await runExport(ctx, kind, out);
        if (values.out) console.error(`${rows} ${kind} row(s) written to ${values.out}`);
        return 0;
      } finally {
        await handle.close();
      }
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

async function serve(config: ReturnType<typeof loadConfig>): Promise<number> {
  const logger = createLogger(config.logLevel);
  const { ctx, handle } = await openAppContext(config);
  if (ctx.engine === 'embedded' && !(await hasDemoData(ctx.db))) {
    console.log('Empty embedded database: loading the demo province (first start only).');
    await loadDemo(ctx);
  }
  const app = await buildServer(ctx, { logger });
  const shutdown = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  console.log(
    `\nGrassroots is running at http://${shownHost}:${config.port}/  (API docs: /api/docs, database: ${ctx.engine})`,
  );
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
